package noc.engine.scenario;

/** A scenario file that cannot be read, or an expectation that does not hold. */
public final class ScenarioException extends RuntimeException {

    public ScenarioException(String message) {
        super(message, null, false, false);
    }
}
