package noc.engine;

/**
 * A problem the rule compiler found, where it is, in words ops staff can act on.
 *
 * @param line   the line, counted from 1; 0 when the compiler does not tell
 * @param column the column, counted from 1 as an editor shows it; 0 when the compiler does not tell
 */
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
