package noc.ticket;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import noc.alarm.AlarmRepository;
import noc.alarm.AlarmStore;
import noc.alarm.AlarmView;
import noc.api.Problem;
import noc.api.ProblemException;
import noc.database.JsonColumns;
import noc.database.Times;

/** Tickets, read from MariaDB: at most one engine cycle behind the session. */
@Controller("/api/v1/tickets")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TicketController {

    private final TicketRepository tickets;
    private final JournalRepository journal;
    private final AlarmRepository alarms;
    private final AlarmStore alarmStore;
    private final JsonColumns json;

    public TicketController(TicketRepository tickets, JournalRepository journal, AlarmRepository alarms,
                            AlarmStore alarmStore, JsonColumns json) {
        this.tickets = tickets;
        this.journal = journal;
        this.alarms = alarms;
        this.alarmStore = alarmStore;
        this.json = json;
    }

    /** {@code ?status=open} (the default): tickets not closed; {@code ?status=all}: every ticket. */
    @Get
    public List<TicketViews.Summary> list(@QueryValue @Nullable String status) {
        String filter = status == null ? "open" : status;
        List<TicketRow> rows = switch (filter) {
            case "open" -> tickets.findByStatusNotEqualOrderByOpenedAtDesc(TicketStatus.CLOSED.name());
            case "all" -> tickets.findAllOrderByOpenedAtDesc();
            default -> throw ProblemException.badRequest("status must be open or all",
                    List.of(new Problem.FieldError("status", "must be open or all, not '" + filter + "'")));
        };
        return rows.stream().map(row -> TicketViews.Summary.of(TicketStore.toFact(row))).toList();
    }

    /** One ticket with its alarms and its journal, each entry naming the rule or person behind it. */
    @Get("/{reference}")
    public TicketViews.Detail show(@PathVariable String reference) {
        Ticket ticket = tickets.findById(reference).map(TicketStore::toFact)
                .orElseThrow(() -> ProblemException.notFound("No ticket " + reference));
        List<AlarmView> ticketAlarms = alarms.findByTicketReferenceOrderByFirstSeen(reference).stream()
                .map(row -> AlarmView.of(alarmStore.toFact(row))).toList();
        List<TicketViews.Journal> entries = journal.findByTicketReferenceOrderById(reference).stream()
                .map(row -> new TicketViews.Journal(Times.fromColumn(row.at()), row.authorKind(), row.author(),
                        row.action(), row.text(), json.readList(row.facts())))
                .toList();
        return new TicketViews.Detail(ticket.reference(), ticket.status().name(), ticket.priority().name(),
                ticket.title(), ticket.priorityReason(), ticket.groupKey(), ticket.openedAt(), ticket.updatedAt(),
                ticket.linkedTo(), ticket.major(), ticketAlarms, entries);
    }
}
