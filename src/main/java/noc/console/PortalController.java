package noc.console;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import noc.api.EngineCommands;
import noc.security.Callers;
import noc.security.Role;
import noc.ticket.Ticket;
import noc.ticket.TicketAction;
import noc.ticket.TicketActionBody;
import noc.ticket.TicketCommand;

/**
 * The customer portal: the signed-in customer's tickets and each one's page, with the buttons a
 * customer has (answer a question, confirm or dispute a resolution) when they apply. A button goes
 * through the same engine command as {@code POST /api/v1/tickets/{reference}/{action}}, then back to
 * the page (post, redirect, get); a refusal shows the page again with the engine's reason. Another
 * customer's ticket is not found, as in the API.
 */
@Controller
@ConsolePage
@Hidden
@Secured(Role.CUSTOMER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PortalController {

    static final String PORTAL = "/portal";

    /** What a customer may do on its tickets, as the API allows it. */
    private static final Set<TicketAction> CUSTOMER_ACTIONS = Set.of(TicketAction.CUSTOMER_REPLY,
            TicketAction.CONFIRM, TicketAction.DISPUTE);

    private final PortalTickets tickets;
    private final PortalForms forms;
    private final EngineCommands commands;
    private final Csrf csrf;
    private final Refusals refusals;
    private final io.micronaut.http.server.util.locale.HttpLocaleResolver locales;

    public PortalController(PortalTickets tickets, PortalForms forms, EngineCommands commands, Csrf csrf,
                            Refusals refusals, io.micronaut.http.server.util.locale.HttpLocaleResolver locales) {
        this.refusals = refusals;
        this.locales = locales;
        this.tickets = tickets;
        this.forms = forms;
        this.commands = commands;
        this.csrf = csrf;
    }

    /** What a ticket's button posts: {@code text} is the answer, or why the resolution is disputed. */
    @Introspected
    @Serdeable
    public record ActionForm(@Nullable String csrfToken, @Nullable String text) {
    }

    @Get(uri = PORTAL, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> portal(HttpRequest<?> request, Authentication caller, @QueryValue @Nullable String status) {
        String customer = Callers.customer(caller).orElseThrow();
        boolean openOnly = !"all".equals(status);
        MutableHttpResponse<Object> response = HttpResponse.ok();
        Map<String, Object> model = model(request, response, caller);
        model.put("listing", tickets.list(customer, openOnly));
        model.put("openOnly", openOnly);
        return response.body(new ModelAndView<>("portal", model));
    }

    @Get(uri = PORTAL + "/tickets/{reference}", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> ticket(HttpRequest<?> request, Authentication caller, @PathVariable String reference,
                                  @QueryValue @Nullable String declared, @QueryValue @Nullable String done) {
        String customer = Callers.customer(caller).orElseThrow();
        Optional<Ticket> ticket = tickets.visible(reference, customer);
        if (ticket.isEmpty()) {
            return missing(request, caller);
        }
        MutableHttpResponse<Object> response = HttpResponse.ok();
        Map<String, Object> model = page(request, response, caller, ticket.get());
        model.put("declared", declared != null);
        model.put("done", done != null && TicketAction.ofPath(done).filter(CUSTOMER_ACTIONS::contains).isPresent()
                ? done : null);
        return response.body(new ModelAndView<>("portal-ticket", model));
    }

    @Post(uri = PORTAL + "/tickets/{reference}/{action}", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public CompletableFuture<HttpResponse<Object>> act(HttpRequest<?> request, Authentication caller,
                                                  @PathVariable String reference, @PathVariable String action,
                                                  @Body ActionForm form) {
        String customer = Callers.customer(caller).orElseThrow();
        Optional<TicketAction> type = TicketAction.ofPath(action).filter(CUSTOMER_ACTIONS::contains);
        Optional<Ticket> ticket = tickets.visible(reference, customer);
        if (type.isEmpty() || ticket.isEmpty()) {
            return CompletableFuture.completedFuture(missing(request, caller));
        }
        if (!csrf.accepts(request, form.csrfToken())) {
            return refused(request, caller, ticket.get(), HttpStatus.BAD_REQUEST, Map.of(), "expired");
        }
        String text = form.text() == null || form.text().isBlank() ? null : form.text().strip();
        Map<String, String> errors = forms.errors(new TicketActionBody(text, null, null, null, null), request);
        if (!errors.isEmpty()) {
            return refused(request, caller, ticket.get(), HttpStatus.BAD_REQUEST, errors, null);
        }
        TicketCommand command = TicketCommand.of(type.get(), reference, caller.getName(), text, false, null, null, 0,
                null);
        return commands.<Object>submit(command, reply -> {
            if (reply instanceof TicketCommand.Refused refusal) {
                return render(request, caller, tickets.visible(reference, customer).orElse(ticket.get()),
                        HttpStatus.CONFLICT, Map.of(), refusals.text(refusal, locales.resolveOrDefault(request)));
            }
            return HttpResponse.<Object>seeOther(URI.create(PORTAL + "/tickets/" + reference + "?done=" + action));
        });
    }

    private CompletableFuture<HttpResponse<Object>> refused(HttpRequest<?> request, Authentication caller, Ticket ticket,
                                                       HttpStatus status, Map<String, String> errors, String reason) {
        return CompletableFuture.completedFuture(render(request, caller, ticket, status, errors, reason));
    }

    /** The ticket's page again, with what was wrong: {@code reason} is the engine's refusal, or {@code expired}. */
    private HttpResponse<Object> render(HttpRequest<?> request, Authentication caller, Ticket ticket, HttpStatus status,
                                        Map<String, String> errors, @Nullable String reason) {
        MutableHttpResponse<Object> response = HttpResponse.status(status);
        Map<String, Object> model = page(request, response, caller, ticket);
        model.put("errors", errors);
        model.put("expired", "expired".equals(reason));
        model.put("refusal", "expired".equals(reason) ? null : reason);
        return response.body(new ModelAndView<>("portal-ticket", model));
    }

    private Map<String, Object> page(HttpRequest<?> request, MutableHttpResponse<?> response, Authentication caller,
                                     Ticket ticket) {
        Map<String, Object> model = model(request, response, caller);
        PortalTickets.TicketPage page = tickets.page(ticket, Callers.customer(caller).orElseThrow());
        model.put("ticket", page.ticket());
        model.put("journal", page.journal());
        model.put("emails", page.emails());
        model.put("answer", page.answer());
        model.put("settle", page.settle());
        model.put("errors", Map.of());
        return model;
    }

    /** Not found, as a ticket that does not exist: the same page for another customer's ticket. */
    private HttpResponse<Object> missing(HttpRequest<?> request, Authentication caller) {
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.NOT_FOUND);
        return response.body(new ModelAndView<>("portal-missing", model(request, response, caller)));
    }

    private Map<String, Object> model(HttpRequest<?> request, MutableHttpResponse<?> response, Authentication caller) {
        Map<String, Object> model = new HashMap<>();
        model.put("user", caller.getName());
        model.put("customer", Callers.customer(caller).orElseThrow());
        model.put("csrfToken", csrf.token(request, response));
        return model;
    }
}
