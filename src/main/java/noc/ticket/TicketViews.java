package noc.ticket;

import java.time.Instant;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import noc.alarm.AlarmView;

/** Tickets as the REST API shows them. */
public final class TicketViews {

    private TicketViews() {
    }

    @Serdeable
    public record Summary(String reference, String status, String priority, String title, String priorityReason,
                          Instant openedAt, Instant updatedAt, @Nullable String linkedTo, boolean major) {

        static Summary of(Ticket ticket) {
            return new Summary(ticket.reference(), ticket.status().name(), ticket.priority().name(), ticket.title(),
                    ticket.priorityReason(), ticket.openedAt(), ticket.updatedAt(), ticket.linkedTo(), ticket.major());
        }
    }

    @Serdeable
    public record Detail(String reference, String status, String priority, String title, String priorityReason,
                         String groupKey, Instant openedAt, Instant updatedAt, @Nullable String linkedTo, boolean major,
                         List<AlarmView> alarms, List<Journal> journal) {
    }

    /**
     * One journal line.
     *
     * @param authorKind RULE, PERSON or SYSTEM
     * @param author     the rule's name or the person's login
     * @param facts      the keys of the facts the rule matched
     */
    @Serdeable
    public record Journal(Instant at, String authorKind, String author, String action, String text,
                          List<String> facts) {
    }
}
