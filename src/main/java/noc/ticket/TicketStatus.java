package noc.ticket;

/** Where a ticket stands in its lifecycle (PROCEDURE.md P-4). */
public enum TicketStatus {
    OPEN, ACKNOWLEDGED, IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED;

    /** Open in the sense of {@code ?status=open}: not yet closed. */
    public boolean isOpen() {
        return this != CLOSED;
    }
}
