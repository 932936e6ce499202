package noc.console;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import noc.api.EngineCommands;
import noc.api.FieldReader;
import noc.api.Problem;
import noc.api.ProblemException;
import noc.notify.Outbox;
import noc.security.Role;
import noc.ticket.Priority;
import noc.ticket.TicketAction;
import noc.ticket.TicketActionBody;
import noc.ticket.TicketCommand;
import noc.ticket.TicketRepository;
import noc.ticket.WaitReason;

/**
 * The ticket page ({@code /tickets/{reference}}) and its buttons. Each button posts a form (CSRF-checked)
 * that becomes the same engine command as the REST API's action, answered once its cycle committed:
 * done, the browser is sent back to the page (POST-redirect-GET); refused by the rules, the page shows
 * why (409); a field missing, the page says which (400).
 */
@Controller
@ConsolePage
@Hidden
@Secured(Role.VIEWER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TicketPageController {

    private final TicketPage page;
    private final TicketRepository tickets;
    private final EngineCommands commands;
    private final Outbox outbox;
    private final Csrf csrf;
    private final Clock clock;
    private final Refusals refusals;
    private final io.micronaut.http.server.util.locale.HttpLocaleResolver locales;

    public TicketPageController(TicketPage page, TicketRepository tickets, EngineCommands commands, Outbox outbox,
                                Csrf csrf, Clock clock, Refusals refusals,
                                io.micronaut.http.server.util.locale.HttpLocaleResolver locales) {
        this.refusals = refusals;
        this.locales = locales;
        this.page = page;
        this.tickets = tickets;
        this.commands = commands;
        this.outbox = outbox;
        this.csrf = csrf;
        this.clock = clock;
    }

    /**
     * What an action's form posts: each action reads the fields it needs, as the API's body.
     *
     * @param visibility {@code public} for a comment the customer reads too, else internal
     * @param level      the escalation level an acknowledgement is for
     */
    @Introspected
    @Serdeable
    public record ActionForm(@Nullable String csrfToken, @Nullable String text, @Nullable String visibility,
                             @Nullable String priority, @Nullable String reason, @Nullable String customer,
                             @Nullable String level) {
    }

    /** What the "Retry" button of a notification posts. */
    @Introspected
    @Serdeable
    public record RetryForm(@Nullable String csrfToken) {
    }

    @Get(uri = "/tickets/{reference}", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> show(HttpRequest<?> request, @PathVariable String reference, Authentication caller) {
        if (tickets.findById(reference).isEmpty()) {
            return missing(request, reference, caller);
        }
        return render(request, HttpResponse.ok(), reference, caller, null, List.of());
    }

    @Secured(Role.OPERATOR_NAME)
    @Post(uri = "/tickets/{reference}/{action}", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public CompletableFuture<HttpResponse<Object>> act(HttpRequest<?> request, @PathVariable String reference,
                                                       @PathVariable String action, @Body ActionForm form,
                                                       Authentication caller) {
        TicketAction type = TicketAction.ofPath(action).filter(TicketPage.STAFF_ACTIONS::contains)
                .orElseThrow(() -> ProblemException.notFound("No action '" + action + "' on tickets"));
        if (tickets.findById(reference).isEmpty()) {
            return CompletableFuture.completedFuture(missing(request, reference, caller));
        }
        if (!csrf.accepts(request, form.csrfToken())) {
            return CompletableFuture.completedFuture(expired(request, reference, caller));
        }
        FieldReader errors = new FieldReader();
        TicketCommand command = command(type, reference, caller.getName(), form, errors);
        if (!errors.ok()) {
            return CompletableFuture.completedFuture(render(request, HttpResponse.status(HttpStatus.BAD_REQUEST),
                    reference, caller, null, errors.errors()));
        }
        return commands.submit(command, reply -> reply instanceof TicketCommand.Refused refused
                ? render(request, HttpResponse.status(HttpStatus.CONFLICT), reference, caller,
                        refusals.text(refused, locales.resolveOrDefault(request)), List.of())
                : backTo(reference));
    }

    /** Sends a given-up notification of the ticket again, as {@code POST /api/v1/notifications/{id}/retry} does. */
    @Secured(Role.OPERATOR_NAME)
    @Post(uri = "/tickets/{reference}/notifications/{id}/retry", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public HttpResponse<Object> retry(HttpRequest<?> request, @PathVariable String reference, @PathVariable long id,
                                      @Body RetryForm form, Authentication caller) {
        if (tickets.findById(reference).isEmpty()) {
            return missing(request, reference, caller);
        }
        if (!csrf.accepts(request, form.csrfToken())) {
            return expired(request, reference, caller);
        }
        if (outbox.ofTicket(reference).stream().noneMatch(sent -> sent.id() == id)) {
            throw ProblemException.notFound("No notification " + id + " on ticket " + reference);
        }
        if (!Boolean.TRUE.equals(outbox.resend(id, caller.getName(), clock.instant()))) {
            return render(request, HttpResponse.status(HttpStatus.CONFLICT), reference, caller,
                    "Notification " + id + " was not given up: it is delivered or still being tried", List.of());
        }
        return backTo(reference);
    }

    /** The command the form asks for, as the API builds it from its body; what is missing goes to {@code errors}. */
    private static TicketCommand command(TicketAction type, String reference, String by, ActionForm form,
                                         FieldReader errors) {
        String text = ConsoleParameters.blankToNull(form.text());
        String customer = ConsoleParameters.blankToNull(form.customer());
        errors.length(text, TicketActionBody.TEXT, "text");
        Priority priority = null;
        WaitReason waitReason = null;
        int level = 0;
        switch (type) {
            case COMMENT -> required(text, "text", "is required for a comment", errors);
            case ASK_CUSTOMER -> required(text, "text", "is required: the question", errors);
            case SET_PRIORITY -> {
                priority = errors.choice(Priority.class, form.priority(), "priority");
                required(text, "text", "is required: the reason for the priority", errors);
                errors.length(text, TicketActionBody.PRIORITY_REASON, "text");
            }
            case WAIT -> waitReason = errors.choice(WaitReason.class, form.reason(), "reason");
            case LINK_CUSTOMER -> required(customer, "customer", "is required: the name of a customer of the inventory",
                    errors);
            case ACKNOWLEDGE_ESCALATION -> level = level(form.level(), errors);
            default -> {
            }
        }
        return errors.ok() ? TicketCommand.of(type, reference, by, text, "public".equals(form.visibility()), priority,
                waitReason, level, customer) : null;
    }

    private static int level(String level, FieldReader errors) {
        try {
            return Integer.parseInt(level == null ? "" : level.strip());
        } catch (NumberFormatException e) {
            errors.error("level", "is required: the escalation level, a number");
            return 0;
        }
    }

    private static void required(String value, String field, String message, FieldReader errors) {
        if (value == null) {
            errors.error(field, message);
        }
    }

    private static MutableHttpResponse<Object> backTo(String reference) {
        return HttpResponse.seeOther(URI.create("/tickets/" + reference));
    }

    private MutableHttpResponse<Object> expired(HttpRequest<?> request, String reference, Authentication caller) {
        return render(request, HttpResponse.status(HttpStatus.BAD_REQUEST), reference, caller, null,
                List.of(new Problem.FieldError("csrfToken", "expired")));
    }

    private MutableHttpResponse<Object> render(HttpRequest<?> request, MutableHttpResponse<Object> response,
                                               String reference, Authentication caller, String refusal,
                                               List<Problem.FieldError> errors) {
        Map<String, Object> model = page.model(reference, caller, refusal, errors);
        model.put("csrfToken", csrf.token(request, response));
        return response.body(new ModelAndView<>("ticket", model));
    }

    private MutableHttpResponse<Object> missing(HttpRequest<?> request, String reference, Authentication caller) {
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.NOT_FOUND);
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("user", caller.getName());
        model.put("reference", reference);
        model.put("csrfToken", csrf.token(request, response));
        return response.body(new ModelAndView<>("missing", Missing.model(model, "ticket.missing", "/tickets",
                "tickets.title")));
    }
}
