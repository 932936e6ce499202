package noc.alarm;

/** ITU-T X.733 perceived severity, ordered from least to most severe. */
public enum Severity {
    CLEARED, INDETERMINATE, WARNING, MINOR, MAJOR, CRITICAL;

    public boolean isWorseThan(Severity other) {
        return compareTo(other) > 0;
    }
}
