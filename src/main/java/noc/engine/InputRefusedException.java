package noc.engine;

/**
 * Told to the sender of an input the database refused for its data: the engine isolated the input
 * (the cycle that held it alone was refused), so nothing of it was committed while the other inputs
 * of its cycle were. Carries no SQL text, so that an answer built from it leaks none; the log has it.
 */
public final class InputRefusedException extends RuntimeException {

    public InputRefusedException() {
        super("The database refused the data of this input");
    }
}
