package noc.ticket;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;
import noc.alarm.AlarmRepository;
import noc.alarm.AlarmStore;
import noc.alarm.AlarmView;
import noc.api.EngineCommands;
import noc.api.FieldReader;
import noc.api.PageLinks;
import noc.api.PageRequest;
import noc.api.ProblemException;
import noc.api.QueryParameters;
import noc.database.JsonColumns;
import noc.database.Times;
import noc.security.Callers;
import noc.security.Role;

/** Tickets, read from MariaDB: at most one engine cycle behind the session. */
@Secured({Role.VIEWER_NAME, Role.CUSTOMER_NAME})
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

    /**
     * A page of tickets, newest first. {@code status}: {@code open} (the default: not closed), {@code closed}
     * or {@code all}; {@code priority}: P1 to P5, repeated or comma-separated; {@code customer}: an
     * inventory customer's tickets; {@code q}: part of the reference or title, any case. {@code limit}
     * and {@code after} page, the next page is in the {@code Link} header.
     */
    @Get
    public HttpResponse<List<TicketViews.Summary>> list(HttpRequest<?> request, @QueryValue @Nullable String status,
                                                       @QueryValue @Nullable List<String> priority,
                                                       @QueryValue @Nullable String customer,
                                                       @QueryValue @Nullable String q,
                                                       @QueryValue @Nullable String limit,
                                                       @QueryValue @Nullable String after,
                                                       Authentication caller) {
        TicketQuery query = new TicketQuery(
                QueryParameters.choice(TicketQuery.StatusFilter.class, status, "status", TicketQuery.StatusFilter.OPEN),
                QueryParameters.choices(Priority.class, priority, "priority"),
                customer == null || customer.isBlank() ? null : customer, q,
                PageRequest.of(limit, after, TicketQuery.LIST, 2));
        // A customer lists its own customer's tickets, whatever it asks for.
        TicketQuery scoped = Callers.customer(caller).map(query::forCustomer).orElse(query);
        return PageLinks.ok(request, store.list(scoped).map(TicketViews.Summary::of));
    }

    /**
     * A person's action on a ticket: {@code acknowledge}, {@code comment} ({@code text}, {@code public}),
     * {@code set-priority} ({@code priority}, {@code text}: the reason), {@code wait} ({@code reason}:
     * a P-6.1 reason), {@code resume}, {@code resolve}, {@code confirm}, {@code dispute},
     * {@code close-unresponsive}; journaled under the caller's name. A customer may only confirm,
     * dispute and answer ({@code customer-reply}) on its own tickets. Answered once committed: the
     * ticket, or 409 with why the action is not allowed now.
     */
    @Secured({Role.OPERATOR_NAME, Role.CUSTOMER_NAME})
    @Post(uri = "/{reference}/{action}", consumes = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<TicketViews.Detail>> act(@PathVariable String reference,
                                                                   @PathVariable String action,
                                                                   @Valid @Body TicketActionBody body,
                                                                   Authentication caller) {
        TicketAction type = TicketAction.ofPath(action).filter(a -> a != TicketAction.ACKNOWLEDGE_ESCALATION)
                .orElseThrow(() -> ProblemException.notFound("No action '" + action + "' on tickets"));
        java.util.Optional<String> bound = Callers.customer(caller);
        if (bound.isPresent()) {
            visible(reference, bound.get());
            if (!CUSTOMER_ACTIONS.contains(type)) {
                throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "A customer may confirm, dispute or "
                        + "answer (customer-reply) on its tickets; '" + action + "' is for the support centre",
                        List.of());
            }
        }
        return act(reference, type, 0, body, caller);
    }

    /** The escalation level {@code level} acknowledges (P-5.4): it is not passed on to the next. */
    @Secured(Role.OPERATOR_NAME)
    @Post(uri = "/{reference}/escalations/{level}/acknowledge", consumes = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<TicketViews.Detail>> acknowledgeEscalation(@PathVariable String reference,
                                                                                    @PathVariable int level,
                                                                                    @Valid @Body TicketActionBody body,
                                                                                    Authentication caller) {
        return act(reference, TicketAction.ACKNOWLEDGE_ESCALATION, level, body, caller);
    }

    private CompletableFuture<HttpResponse<TicketViews.Detail>> act(String reference, TicketAction type, int level,
                                                                    TicketActionBody body, Authentication caller) {
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
        TicketCommand command = TicketCommand.of(type, reference, caller.getName(), text,
                Boolean.TRUE.equals(body.public_()), priority, waitReason, level, customer);
        return commands.submit(command, reply -> {
            if (reply instanceof TicketCommand.Refused refused) {
                throw new ProblemException(HttpStatus.CONFLICT, "not-allowed", refused.reason(), List.of());
            }
            return HttpResponse.ok(show(reference, caller));
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
    public TicketViews.Detail show(@PathVariable String reference, Authentication caller) {
        java.util.Optional<String> bound = Callers.customer(caller);
        if (bound.isPresent()) {
            return customerView(visible(reference, bound.get()), bound.get());
        }
        Ticket ticket = tickets.findById(reference).map(store::toFact)
                .orElseThrow(() -> ProblemException.notFound("No ticket " + reference));
        List<AlarmView> ticketAlarms = alarms.findByTicketReferenceOrderByFirstSeen(reference).stream()
                .map(row -> AlarmView.of(alarmStore.toFact(row))).toList();
        return detail(ticket, ticketAlarms, journal(reference, false));
    }

    /** The actions a customer principal may take on its own tickets. */
    private static final java.util.Set<TicketAction> CUSTOMER_ACTIONS = java.util.EnumSet.of(TicketAction.CONFIRM,
            TicketAction.DISPUTE, TicketAction.CUSTOMER_REPLY);

    /** The ticket, when it concerns {@code customer}; else 404, as if it did not exist. */
    private Ticket visible(String reference, String customer) {
        return tickets.findById(reference).map(store::toFact).filter(t -> t.customers().contains(customer))
                .orElseThrow(() -> ProblemException.notFound("No ticket " + reference));
    }

    /**
     * What a customer reads: its own name among the customers, the public journal, and neither the
     * alarms, the escalation, the watchers' addresses nor the grouping key.
     */
    private TicketViews.Detail customerView(Ticket ticket, String customer) {
        return new TicketViews.Detail(ticket.reference(), ticket.status().name(), ticket.priority().name(),
                ticket.title(), ticket.priorityReason(), null, ticket.openedAt(), ticket.updatedAt(),
                ticket.linkedTo(), ticket.major(), TicketViews.Sla.of(ticket, clock.instant()), null,
                List.of(customer), List.of(), List.of(), journal(ticket.reference(), true));
    }

    private List<TicketViews.Journal> journal(String reference, boolean publicOnly) {
        List<JournalRow> rows = publicOnly
                ? journal.findByTicketReferenceAndVisibilityOrderById(reference, JournalEntry.Visibility.PUBLIC.name())
                : journal.findByTicketReferenceOrderById(reference);
        return rows.stream()
                .map(row -> new TicketViews.Journal(Times.fromColumn(row.at()), row.authorKind(), row.author(),
                        row.action(), row.text(), columns.readList(row.facts()), row.visibility(), row.repeatCount(),
                        Times.fromColumn(row.lastAt())))
                .toList();
    }

    private TicketViews.Detail detail(Ticket ticket, List<AlarmView> ticketAlarms, List<TicketViews.Journal> entries) {
        return new TicketViews.Detail(ticket.reference(), ticket.status().name(), ticket.priority().name(),
                ticket.title(), ticket.priorityReason(), ticket.groupKey(), ticket.openedAt(), ticket.updatedAt(),
                ticket.linkedTo(), ticket.major(), TicketViews.Sla.of(ticket, clock.instant()), ticket.escalation(),
                ticket.customers(), ticket.watchers(), ticketAlarms, entries);
    }
}
