package noc.ticket;

/** The kinds of ticket journal entries. */
public enum JournalAction {
    OPENED,
    ALARM_ATTACHED,
    ALARM_REPEATED_AFTER_CLEAR,
    ALARM_CLEARED,
    PRIORITY_SET,
    MAJOR_INCIDENT,
    ACKNOWLEDGED,
    WAITING,
    RESUMED,
    RESOLVED,
    REOPENED,
    CLOSED,
    SLA_BREACHED,
    QUESTION_ASKED,
    ESCALATED,
    ESCALATION_ACKNOWLEDGED,
    CUSTOMER_REPLIED,
    COMMENT
}
