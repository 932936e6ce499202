package noc.shadow;

/** The decisions a shadow run compares, for one input, between the live and the candidate rules. */
public enum DecisionKind {
    /** An alarm opened a ticket, joined one, or left its ticket; a ticket opened without an alarm. */
    TICKET,
    /** The priority of the ticket an alarm opened or joined, or a change of a ticket's priority. */
    PRIORITY,
    /** An alarm became a suppressed symptom of another, or stopped being one. */
    SUPPRESSION,
    /** An alarm raised or cleared. */
    CLEARING,
    /** A ticket escalated to a level. */
    ESCALATION,
    /** A ticket's status changed: resolved, reopened, closed, acknowledged... */
    STATUS,
    /** A rule threw on the input. */
    FAILURE
}
