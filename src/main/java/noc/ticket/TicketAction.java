package noc.ticket;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What people do to a ticket (PROCEDURE.md P-4, P-6), and from which states: open → acknowledged or
 * in progress → waiting on the customer ⇄ in progress → resolved → closed (confirmed, or closed for
 * an unresponsive customer, P-3.3); a dispute reopens a resolved ticket.
 */
public enum TicketAction {
    ACKNOWLEDGE(EnumSet.of(TicketStatus.OPEN)),
    COMMENT(working(true)),
    SET_PRIORITY(working(true)),
    WAIT(EnumSet.of(TicketStatus.OPEN, TicketStatus.ACKNOWLEDGED, TicketStatus.IN_PROGRESS)),
    ASK_CUSTOMER(working(false)),
    CUSTOMER_REPLY(working(false)),
    RESUME(EnumSet.of(TicketStatus.WAITING_ON_CUSTOMER)),
    RESOLVE(working(false)),
    CONFIRM(EnumSet.of(TicketStatus.RESOLVED)),
    DISPUTE(EnumSet.of(TicketStatus.RESOLVED)),
    CLOSE_UNRESPONSIVE(working(true)),
    ESCALATE(working(false)),
    ACKNOWLEDGE_ESCALATION(working(true)),
    LINK_CUSTOMER(working(true));

    private final Set<TicketStatus> from;

    TicketAction(Set<TicketStatus> from) {
        this.from = from;
    }

    private static Set<TicketStatus> working(boolean resolvedToo) {
        Set<TicketStatus> states = EnumSet.of(TicketStatus.OPEN, TicketStatus.ACKNOWLEDGED, TicketStatus.IN_PROGRESS,
                TicketStatus.WAITING_ON_CUSTOMER);
        if (resolvedToo) {
            states.add(TicketStatus.RESOLVED);
        }
        return states;
    }

    /** The word in the path: {@code set-priority}. */
    public String path() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<TicketAction> ofPath(String path) {
        for (TicketAction action : values()) {
            if (action.path().equals(path)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    /** Whether the state table lets the action be taken on a ticket in {@code status}. */
    public boolean allowedFrom(TicketStatus status) {
        return from.contains(status);
    }

    /** The states the action can be taken from (the state table's row). */
    public Set<TicketStatus> from() {
        return java.util.Collections.unmodifiableSet(from);
    }

    /** Why the action cannot be taken on a ticket in {@code status}, or empty when it can. */
    public Optional<String> refusal(TicketStatus status) {
        if (from.contains(status)) {
            return Optional.empty();
        }
        return Optional.of("A ticket that is " + status.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " cannot be " + verb() + "; that needs a ticket that is "
                + String.join(" or ", from.stream().map(s -> s.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .toList()));
    }

    private String verb() {
        return switch (this) {
            case ACKNOWLEDGE -> "acknowledged";
            case COMMENT -> "commented";
            case SET_PRIORITY -> "given a priority";
            case WAIT -> "put in waiting on customer";
            case ASK_CUSTOMER -> "given a question for the customer";
            case CUSTOMER_REPLY -> "given the customer's reply";
            case RESUME -> "resumed";
            case RESOLVE -> "resolved";
            case CONFIRM -> "confirmed";
            case LINK_CUSTOMER -> "linked to a customer";
            case DISPUTE -> "disputed";
            case CLOSE_UNRESPONSIVE -> "closed for an unresponsive customer";
            case ESCALATE -> "escalated";
            case ACKNOWLEDGE_ESCALATION -> "acknowledged at an escalation level";
        };
    }
}
