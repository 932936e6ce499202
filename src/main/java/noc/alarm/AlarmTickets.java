package noc.alarm;

/**
 * What the alarm lifecycle needs to know of tickets, without knowing them: the ticket side of an
 * alarm's clears and returns.
 */
public interface AlarmTickets {

    /** Whether the ticket is still in the session (not closed). */
    boolean isOpen(String reference);

    /**
     * Whether the ticket keeps an alarm of its that comes back: a closed ticket, or the ticket of a
     * maintenance window no longer active, lets it go, free to open or join another.
     */
    boolean keepsReturning(String reference);

    /** The alarm, attached to a ticket, cleared ({@code text} says how) or came back. */
    void flapped(Alarm alarm, boolean cleared, String text);

    /** Attaches an alarm the rules derived to the ticket of its cause. */
    void attachDerived(Alarm derived, String reference);
}
