package noc.alarm;

/**
 * The intake an alarm event arrived through; a label on the committed-events metric. CORRELATOR
 * marks alarms the correlator raises about its own intake (a trap storm it limited).
 */
public enum SourceKind {
    SNMP, ALERTMANAGER, GENERIC, CORRELATOR;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
