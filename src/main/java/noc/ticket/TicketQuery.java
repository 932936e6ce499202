package noc.ticket;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;
import noc.api.PageRequest;

/**
 * Which tickets to list, newest first: each filter narrows, null or empty filters nothing.
 *
 * @param status     open (not closed), closed, or all
 * @param priorities any of these priorities; empty: any priority
 * @param customer   tickets that concern this inventory customer (a customer user's scope)
 * @param text       case-insensitive part of the reference or the title
 */
public record TicketQuery(StatusFilter status, Set<Priority> priorities, @Nullable String customer,
                          @Nullable String text, PageRequest page) {

    /** The {@code status} parameter of the ticket list. */
    public enum StatusFilter {
        OPEN, CLOSED, ALL
    }

    /** The sort key of a cursor: opened_at, reference. */
    static final String LIST = "tickets";

    public TicketQuery {
        Objects.requireNonNull(status, "status is null");
        Objects.requireNonNull(page, "page is null");
        priorities = priorities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(priorities));
        text = text == null || text.isBlank() ? null : text;
    }

    /** The same query restricted to {@code customer}'s tickets, whatever customer it asked for. */
    public TicketQuery forCustomer(String customer) {
        return new TicketQuery(status, priorities, Objects.requireNonNull(customer, "customer is null"), text, page);
    }
}
