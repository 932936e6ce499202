package noc.ticket;

/**
 * What the rules do when a ticket's deadline passes (the {@code deadlines} global; rules/README "What
 * rules can do"): the restore objective, the customer's answer, the escalation levels and the
 * confirmation period. The deadlines are data of the ticket; the rules compare them with {@code Now}.
 */
public interface DeadlineActions {

    /** The restore objective passed (P-3): the ticket is flagged, and its journal says so. */
    void breachRestoreObjective(Ticket ticket);

    /**
     * A P1 question left unanswered for the customer-answer timeout (P-3.2, P-6.3): the ticket waits
     * on the customer, its clock stopped, until the reply.
     */
    void waitForAnswer(Ticket ticket);

    /**
     * Escalates the ticket one level (P-5.3), up to level 3; the new level has the acknowledgement
     * timeout to acknowledge before the next is asked (P-5.4). Which tickets escalate is the rules'
     * decision (P-5.1).
     */
    void escalate(Ticket ticket, String reason);

    /** The missed restore objective escalates one level at once, once (P-5.5). */
    void escalateForBreach(Ticket ticket);

    /**
     * A resolved ticket whose customer neither confirmed nor disputed within the confirmation period
     * closes by itself (P-4.3) and leaves the session.
     */
    void closeUnconfirmed(Ticket ticket);
}
