package noc.ticket;

import java.util.Collection;

import noc.alarm.Alarm;

/**
 * What the rules do to tickets (the {@code tickets} global; rules/README "What rules can do"): open
 * them from alarms, gather alarms into them, set their priority and customers, resolve and reopen
 * them. Each call changes the facts at once and journals why, naming the rule and the facts it matched.
 */
public interface TicketActions {

    /** Opens a ticket for {@code alarm}, with its priority and the reason for it. */
    Ticket openTicket(Alarm alarm, String groupKey, Priority priority, String title, String reason);

    /** Attaches {@code alarm} to {@code ticket}, which gathers it from now on. */
    void attach(Alarm alarm, Ticket ticket);

    /** Raises the ticket's priority to {@code priority}, with the reason; a lower one changes nothing. */
    void raisePriority(Ticket ticket, Priority priority, String reason);

    /**
     * Makes {@code customer} one that the ticket concerns, and says why: from then on its contacts and
     * its project manager are told of the ticket, starting with its reference (P-1.3, P-2.3).
     */
    void addCustomer(Ticket ticket, String customer, String reason);

    /**
     * Marks a ticket a major incident (P-5.6), journaling the customers, services and elements it
     * affects, for the notice that warns teams and managers.
     */
    void markMajor(Ticket ticket, Collection<String> customers, Collection<String> services,
                   Collection<String> elements, String reason);

    /** The ticket's problem is over: it becomes RESOLVED, and says why. */
    void resolve(Ticket ticket, String reason);

    /** A resolved ticket's problem is back before it closed: it reopens, and says why (P-4.3). */
    void reopen(Ticket ticket, String reason);
}
