package noc.console;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import noc.api.EngineCommands;
import noc.api.Problem;
import noc.api.ProblemException;
import noc.api.QueryParameters;
import noc.maintenance.MaintenanceCompletion;
import noc.maintenance.MaintenanceLifecycle;
import noc.maintenance.Recurrence;
import noc.notify.NotifyConfiguration;
import noc.security.Directory;
import noc.security.Role;
import noc.ticket.JournalAction;
import noc.ticket.TicketController;
import noc.ticket.TicketStatus;
import noc.ticket.TicketViews;

/**
 * Planned maintenance in the console: the timeline of a span of days with the windows below it
 * ({@code /maintenance}), and a window's page ({@code /maintenance/{reference}}) with its "Operation
 * done" button, which sends the same engine command as {@code POST /api/v1/maintenance-windows/{reference}/complete}.
 */
@Controller
@ConsolePage
@Hidden
@Secured(Role.VIEWER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MaintenancePageController {

    static final String MAINTENANCE = "/maintenance";
    /** The spans the timeline shows, in days; the first is the default. */
    static final List<Integer> SPANS = List.of(14, 7);

    private final MaintenanceSchedule schedule;
    private final TicketController tickets;
    private final EngineCommands commands;
    private final HttpLocaleResolver locales;
    private final Csrf csrf;
    private final Clock clock;
    private final Directory directory;
    private final ZoneId zone;

    public MaintenancePageController(MaintenanceSchedule schedule, TicketController tickets, EngineCommands commands,
                                     HttpLocaleResolver locales, Csrf csrf, Clock clock, NotifyConfiguration notify,
                                     Directory directory) {
        this.directory = directory;
        this.schedule = schedule;
        this.tickets = tickets;
        this.commands = commands;
        this.locales = locales;
        this.csrf = csrf;
        this.clock = clock;
        this.zone = notify.times().getZone();
    }

    /** What the "Operation done" button posts. */
    @Introspected
    @Serdeable
    public record CompleteForm(@Nullable String csrfToken) {
    }

    /** A day column of the timeline. */
    public record Day(LocalDate date, String label, boolean today, boolean weekend) {
    }

    /**
     * The timeline from {@code from} (a date, today by default) over {@code days} days (14 or 7), each
     * day in the zone the person chose, else {@code noc.notify.time-zone}; and
     * page {@code page} of the windows in {@code state} now (repeated or comma-separated; all when none).
     */
    @Get(uri = MAINTENANCE, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> timeline(HttpRequest<?> request, Authentication caller, @QueryValue @Nullable String from,
                                    @QueryValue @Nullable String days, @QueryValue @Nullable List<String> state,
                                    @QueryValue @Nullable String page) {
        Instant now = clock.instant();
        ZoneId zone = ConsoleParameters.zone(directory, caller, this.zone);
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate first = from(from, today);
        int span = span(days);
        int number = ConsoleParameters.page(page, MaintenanceSchedule.MAX_PAGE);
        Set<MaintenanceSchedule.State> states = QueryParameters.choices(MaintenanceSchedule.State.class, state, "state");
        Instant start = MaintenanceSchedule.midnight(first, zone);
        Instant end = MaintenanceSchedule.midnight(first.plusDays(span), zone);
        Locale locale = locales.resolveOrDefault(request);
        DateTimeFormatter label = DateTimeFormatter.ofPattern("EEE d MMM", locale);
        MaintenanceSchedule.Page found = schedule.page(states, number, now);
        MutableHttpResponse<Object> response = HttpResponse.ok();
        Map<String, Object> model = new HashMap<>();
        model.put("user", caller.getName());
        model.put("csrfToken", csrf.token(request, response));
        model.put("operator", caller.getRoles().contains(Role.OPERATOR_NAME));
        model.put("zone", zone.getId());
        model.put("from", start);
        model.put("to", end);
        model.put("span", span);
        model.put("spans", SPANS);
        model.put("days", MaintenanceSchedule.days(first, span).stream().map(day -> new Day(day, label.format(day),
                day.equals(today), day.getDayOfWeek().getValue() >= 6)).toList());
        model.put("timeline", schedule.timeline(start, end, now));
        model.put("states", List.of(MaintenanceSchedule.State.values()));
        model.put("chosenStates", states);
        model.put("entries", found.entries());
        model.put("page", number);
        model.put("earlier", link(first.minusDays(span), span, states, 1));
        model.put("later", link(first.plusDays(span), span, states, 1));
        model.put("today", link(today, span, states, 1));
        model.put("previous", number > 1 ? link(first, span, states, number - 1) : null);
        model.put("next", found.more() && number < MaintenanceSchedule.MAX_PAGE ? link(first, span, states, number + 1)
                : null);
        model.put("fromDate", first.toString());
        return response.body(new ModelAndView<>("maintenance", model));
    }

    @Get(uri = MAINTENANCE + "/{reference}", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> show(HttpRequest<?> request, @PathVariable String reference, Authentication caller) {
        return render(request, HttpResponse.ok(), reference, caller, null);
    }

    /** "Operation done": the engine's completion command, as the API's; then back to the window's page. */
    @Secured(Role.OPERATOR_NAME)
    @Post(uri = MAINTENANCE + "/{reference}/complete", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public CompletableFuture<HttpResponse<Object>> complete(HttpRequest<?> request, @PathVariable String reference,
                                                            @Body CompleteForm form, Authentication caller) {
        Instant now = clock.instant();
        var entry = schedule.find(reference, now);
        if (entry.isEmpty()) {
            return CompletableFuture.completedFuture(render(request, HttpResponse.status(HttpStatus.NOT_FOUND),
                    reference, caller, null));
        }
        if (!csrf.accepts(request, form.csrfToken())) {
            return CompletableFuture.completedFuture(render(request, HttpResponse.status(HttpStatus.BAD_REQUEST),
                    reference, caller, "maintenance.expired"));
        }
        String refusal = completionRefusal(entry.get(), ticketStatus(reference, caller));
        if (refusal != null) {
            return CompletableFuture.completedFuture(render(request, HttpResponse.status(HttpStatus.CONFLICT),
                    reference, caller, refusal));
        }
        return commands.submit(new MaintenanceCompletion(reference, caller.getName()), reply ->
                schedule.find(reference, clock.instant()).filter(done -> !done.window().operationOpen()).isPresent()
                        ? HttpResponse.seeOther(URI.create(MAINTENANCE + "/" + reference))
                        // No rule took it: the window is no longer in the engine (its ticket long closed).
                        : render(request, HttpResponse.status(HttpStatus.CONFLICT), reference, caller,
                        "maintenance.refused.notTaken"));
    }

    /**
     * Why "Operation done" is not offered for the window now (a message key), or null when it is: the
     * operation of a one-off window that has started, not yet said done, whose ticket is not closed. A
     * recurring window's occurrences are judged by their alarms alone (P-7.4), so saying it done changes nothing.
     */
    static String completionRefusal(MaintenanceSchedule.Entry entry, TicketStatus ticket) {
        if (!entry.window().operationOpen()) {
            return "maintenance.refused.done";
        }
        if (entry.window().recurrence() != Recurrence.NONE) {
            return "maintenance.refused.recurring";
        }
        if (entry.state() == MaintenanceSchedule.State.SCHEDULED) {
            return "maintenance.refused.notStarted";
        }
        if (ticket == TicketStatus.CLOSED) {
            return "maintenance.refused.closed";
        }
        return null;
    }

    private TicketStatus ticketStatus(String reference, Authentication caller) {
        return TicketStatus.valueOf(tickets.show(reference, caller).status());
    }

    /** A line of the window's page, from its ticket's journal, when the operation was said done and by whom. */
    public record Done(Instant at, String by) {
    }

    private MutableHttpResponse<Object> render(HttpRequest<?> request, MutableHttpResponse<Object> response,
                                               String reference, Authentication caller, @Nullable String refusal) {
        Map<String, Object> model = new HashMap<>();
        model.put("user", caller.getName());
        model.put("reference", reference);
        model.put("csrfToken", csrf.token(request, response));
        var found = schedule.find(reference, clock.instant());
        if (found.isEmpty()) {
            return response.status(HttpStatus.NOT_FOUND).body(new ModelAndView<>("missing",
                    Missing.model(model, "maintenance.missing", "/maintenance", "maintenance.title")));
        }
        MaintenanceSchedule.Entry entry = found.get();
        TicketViews.Detail ticket = tickets.show(reference, caller);
        boolean operator = caller.getRoles().contains(Role.OPERATOR_NAME);
        model.put("entry", entry);
        model.put("window", entry.window());
        model.put("ticket", ticket);
        model.put("operator", operator);
        model.put("canComplete", operator && completionRefusal(entry, TicketStatus.valueOf(ticket.status())) == null);
        model.put("refusal", refusal);
        model.put("done", done(ticket.journal()));
        model.put("firstAlarm", ticket.alarms().stream().map(alarm -> alarm.firstSeen()).min(Instant::compareTo)
                .orElse(null));
        return response.body(new ModelAndView<>("maintenance-window", model));
    }

    /**
     * When the operation was said done and by whom: the last line the engine wrote for it, found by its
     * action ({@link JournalAction#OPERATION_COMPLETED}), never by a text a person's comment could copy.
     */
    static @Nullable Done done(List<TicketViews.Journal> journal) {
        return journal.stream().filter(line -> JournalAction.OPERATION_COMPLETED.name().equals(line.action()))
                .reduce((first, second) -> second)
                .map(line -> new Done(line.at(), line.text().startsWith(MaintenanceLifecycle.COMPLETED)
                        ? line.text().substring(MaintenanceLifecycle.COMPLETED.length()) : line.text()))
                .orElse(null);
    }

    /** The timeline from {@code from} over {@code span} days, with the list's {@code states} and {@code page}. */
    static String link(LocalDate from, int span, Set<MaintenanceSchedule.State> states, int page) {
        UriBuilder uri = UriBuilder.of(MAINTENANCE).queryParam("from", from.toString());
        if (span != SPANS.get(0)) {
            uri.queryParam("days", span);
        }
        states.stream().sorted().forEach(chosen -> uri.queryParam("state", chosen.name().toLowerCase(Locale.ROOT)));
        if (page > 1) {
            uri.queryParam("page", page);
        }
        return uri.toString();
    }

    private static LocalDate from(@Nullable String from, LocalDate today) {
        if (from == null || from.isBlank()) {
            return today;
        }
        try {
            LocalDate day = LocalDate.parse(from.strip());
            if (Math.abs(day.toEpochDay() - today.toEpochDay()) <= 36_600) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ProblemException.badRequest("from is a date such as 2026-03-02, within a century of today",
                List.of(new Problem.FieldError("from", "must be a date such as 2026-03-02, within a century of today")));
    }

    private static int span(@Nullable String days) {
        if (days == null || days.isBlank()) {
            return SPANS.get(0);
        }
        return SPANS.stream().filter(span -> String.valueOf(span).equals(days.strip())).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("days is 14 or 7",
                        List.of(new Problem.FieldError("days", "must be 14 or 7"))));
    }
}
