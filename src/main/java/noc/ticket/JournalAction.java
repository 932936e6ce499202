package noc.ticket;

/** The kinds of ticket journal entries. */
public enum JournalAction {
    OPENED, ALARM_ATTACHED, ALARM_REPEATED_AFTER_CLEAR, ALARM_CLEARED, PRIORITY_SET, MAJOR_INCIDENT, RESOLVED, REOPENED, COMMENT
}
