package noc.engine;

/** A problem the rule compiler found, where it is, in words ops staff can act on. */
public record RuleProblem(String file, int line, int column, Level level, String message) {

    public enum Level {
        ERROR, WARNING
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + level.name().toLowerCase(java.util.Locale.ROOT) + ": "
                + message;
    }
}
