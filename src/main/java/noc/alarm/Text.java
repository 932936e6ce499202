package noc.alarm;

/** Text cut to a column's size, marked with an ellipsis where it was cut. */
public final class Text {

    private Text() {
    }

    public static String limit(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "\u2026";
    }
}
