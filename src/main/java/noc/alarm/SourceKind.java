package noc.alarm;

/** The intake an alarm event arrived through; a label on the committed-events metric. */
public enum SourceKind {
    SNMP, ALERTMANAGER, GENERIC;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
