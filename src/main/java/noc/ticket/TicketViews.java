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

    /**
     * A ticket's SLA clock as of the answer (P-3, P-6.2).
     *
     * @param elapsed  open time that counts: since opening, less the time not counted
     * @param paused   time not counted: waiting on the customer, and resolved (until a dispute or a return)
     * @param restoreDue when the restore objective falls due (pushed back by the time not counted), if it has one
     * Durations are ISO 8601 ({@code PT4H}, {@code PT12M30.5S}).
     */
    @Serdeable
    public record Sla(@Nullable String restoreObjective, String elapsed, String paused,
                      @Nullable Instant restoreDue, @Nullable Instant waitingSince, boolean breached) {

        public static Sla of(Ticket ticket, Instant now) {
            SlaClock clock = ticket.sla();
            Instant end = ticket.status() == TicketStatus.CLOSED ? ticket.updatedAt() : now;
            return new Sla(clock.restoreObjective() == null ? null : clock.restoreObjective().toString(),
                    clock.elapsedAt(ticket.openedAt(), end).toString(), clock.pausedAt(end).toString(),
                    clock.restoreDueAt(ticket.openedAt(), end), clock.waitingSince(), clock.breached());
        }
    }

    @Serdeable
    public record Detail(String reference, String status, String priority, String title, String priorityReason,
                         @Nullable String groupKey, Instant openedAt, Instant updatedAt, @Nullable String linkedTo,
                         boolean major, Sla sla, @Nullable EscalationState escalation, List<String> customers, List<String> watchers,
                         List<AlarmView> alarms, List<Journal> journal) {
    }

    /**
     * One journal line.
     *
     * @param authorKind RULE, PERSON or SYSTEM
     * @param author     the rule's name or the person's login
     * @param facts      the keys of the facts the rule matched
     * @param visibility PUBLIC (the customer is told, P-4.2) or INTERNAL
     * @param count      how many times it happened (a flapping alarm's clears and returns are one line each)
     * @param lastAt     when it last happened, when more than once; the text is the last one's
     */
    @Serdeable
    public record Journal(Instant at, String authorKind, String author, String action, String text,
                          List<String> facts, String visibility, long count, @Nullable Instant lastAt) {
    }
}
