package noc.ticket;

/**
 * What the rules do with people's commands (the {@code commands} global; rules/README "What rules can
 * do"): apply one to its ticket, or refuse it with the reason its sender is answered.
 */
public interface CommandActions {

    /** Applies a person's command to its ticket; a command the ticket's data does not allow is refused. */
    void apply(TicketCommand command, Ticket ticket);

    /** Refuses the command: nothing is done, and its sender is answered {@code reason} (409). */
    void refuse(TicketCommand command, String reason);
}
