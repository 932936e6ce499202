package noc.ticket;

/** Ticket priority, PROCEDURE.md P-3: P1 is loss of service, P5 planned maintenance. */
public enum Priority {
    P1, P2, P3, P4, P5;

    public boolean isHigherThan(Priority other) {
        return compareTo(other) < 0;
    }
}
