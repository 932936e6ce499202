package noc.ticket;

import java.util.List;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import jakarta.validation.Valid;
import io.micronaut.http.annotation.Post;
import noc.api.EngineCommands;
import noc.api.FieldReader;
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
    private final JsonColumns columns;
    private final EngineCommands commands;
    private final java.time.Clock clock;
    private final TicketStore store;

    public TicketController(TicketRepository tickets, JournalRepository journal, AlarmRepository alarms,
                            AlarmStore alarmStore, JsonColumns columns, EngineCommands commands,
                            java.time.Clock clock, TicketStore store) {
        this.clock = clock;
        this.store = store;
        this.tickets = tickets;
        this.journal = journal;
        this.alarms = alarms;
        this.alarmStore = alarmStore;
        this.columns = columns;
        this.commands = commands;
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
        return rows.stream().map(row -> TicketViews.Summary.of(store.toFact(row))).toList();
    }

    /**
     * A person's action on a ticket: {@code acknowledge}, {@code comment} ({@code text}, {@code public}),
     * {@code set-priority} ({@code priority}, {@code text}: the reason), {@code wait} ({@code reason}:
     * a P-6.1 reason), {@code resume}, {@code resolve}, {@code confirm}, {@code dispute},
     * {@code close-unresponsive}; {@code by} names who. Answered once committed: the ticket, or 409
     * with why the action is not allowed now.
     */
    @Post(uri = "/{reference}/{action}", consumes = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<TicketViews.Detail>> act(@PathVariable String reference,
                                                                   @PathVariable String action,
                                                                   @Valid @Body TicketActionBody body) {
        TicketAction type = TicketAction.ofPath(action).filter(a -> a != TicketAction.ACKNOWLEDGE_ESCALATION)
                .orElseThrow(() -> ProblemException.notFound("No action '" + action + "' on tickets"));
        return act(reference, type, 0, body);
    }

    /** The escalation level {@code level} acknowledges (P-5.4): it is not passed on to the next. */
    @Post(uri = "/{reference}/escalations/{level}/acknowledge", consumes = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<TicketViews.Detail>> acknowledgeEscalation(@PathVariable String reference,
                                                                                    @PathVariable int level,
                                                                                    @Valid @Body TicketActionBody body) {
        return act(reference, TicketAction.ACKNOWLEDGE_ESCALATION, level, body);
    }

    private CompletableFuture<HttpResponse<TicketViews.Detail>> act(String reference, TicketAction type, int level,
                                                                    TicketActionBody body) {
        tickets.findById(reference).orElseThrow(() -> ProblemException.notFound("No ticket " + reference));
        FieldReader errors = new FieldReader();
        String text = blankToNull(body.text());
        String customer = blankToNull(body.customer());
        Priority priority = null;
        WaitReason waitReason = null;
        switch (type) {
            case COMMENT -> required(text, "text", "is required for a comment", errors);
            case ASK_CUSTOMER -> required(text, "text", "is required: the question", errors);
            case SET_PRIORITY -> {
                priority = errors.choice(Priority.class, body.priority(), "priority");
                required(text, "text", "is required: the reason for the priority", errors);
                errors.length(text, TicketActionBody.PRIORITY_REASON, "text");
            }
            case WAIT -> waitReason = errors.choice(WaitReason.class, body.reason(), "reason");
            case LINK_CUSTOMER -> required(customer, "customer", "is required: the name of a customer of the inventory",
                    errors);
            default -> {
            }
        }
        errors.refuseIfInvalid("nothing was done");
        TicketCommand command = new TicketCommand(reference, type, body.by().strip(), text,
                Boolean.TRUE.equals(body.public_()), priority, waitReason, level, customer, new AtomicReference<>());
        return commands.submit(command, () -> {
            String refusal = command.refusal().get();
            if (refusal != null) {
                throw new ProblemException(HttpStatus.CONFLICT, "not-allowed", refusal, List.of());
            }
            return HttpResponse.ok(show(reference));
        });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void required(String value, String field, String message, FieldReader errors) {
        if (value == null) {
            errors.error(field, message);
        }
    }

    /** One ticket with its alarms and its journal, each entry naming the rule or person behind it. */
    @Get("/{reference}")
    public TicketViews.Detail show(@PathVariable String reference) {
        Ticket ticket = tickets.findById(reference).map(store::toFact)
                .orElseThrow(() -> ProblemException.notFound("No ticket " + reference));
        List<AlarmView> ticketAlarms = alarms.findByTicketReferenceOrderByFirstSeen(reference).stream()
                .map(row -> AlarmView.of(alarmStore.toFact(row))).toList();
        List<TicketViews.Journal> entries = journal.findByTicketReferenceOrderById(reference).stream()
                .map(row -> new TicketViews.Journal(Times.fromColumn(row.at()), row.authorKind(), row.author(),
                        row.action(), row.text(), columns.readList(row.facts()), row.visibility()))
                .toList();
        return new TicketViews.Detail(ticket.reference(), ticket.status().name(), ticket.priority().name(),
                ticket.title(), ticket.priorityReason(), ticket.groupKey(), ticket.openedAt(), ticket.updatedAt(),
                ticket.linkedTo(), ticket.major(), TicketViews.Sla.of(ticket, clock.instant()), ticket.escalation(),
                ticket.customers(), ticket.watchers(), ticketAlarms, entries);
    }
}
