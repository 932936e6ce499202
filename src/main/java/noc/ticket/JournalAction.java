package noc.ticket;

/** The kinds of ticket journal entries. */
public enum JournalAction {
    OPENED,
    DECLARED,
    UNMATCHED,
    CUSTOMER_ADDED,
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
    DELIVERY_FAILED,
    DELIVERY_RETRIED,
    /** A maintenance window's operation said done (its text names who said it); only the engine writes it. */
    OPERATION_COMPLETED,
    COMMENT
}
