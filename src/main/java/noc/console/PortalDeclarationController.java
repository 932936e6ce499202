package noc.console;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
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
import noc.api.ProblemException;
import noc.security.Callers;
import noc.security.Role;
import noc.ticket.Declaration;
import noc.ticket.DeclarationBody;

/**
 * The portal's incident declaration (PROCEDURE.md P-2.2): every field of {@code POST /api/v1/incidents}
 * but the customer, which is the signed-in customer's. The form is checked as the API checks its body
 * ({@link DeclarationBody}'s constraints, then {@link DeclarationBody#declaration}), each problem shown
 * next to its field and nothing declared; a good one goes to the engine as the API's does, and the
 * browser on to the new ticket's page, which says its reference.
 */
@Controller
@ConsolePage
@Hidden
@Secured(Role.CUSTOMER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PortalDeclarationController {

    static final String DECLARE = PortalController.PORTAL + "/declare";
    /** The impacts the form offers, as the API names them; the API's default first. */
    private static final List<String> IMPACTS = List.of("degradation", "disruption", "loss", "request");

    private final PortalForms forms;
    private final EngineCommands commands;
    private final Csrf csrf;

    public PortalDeclarationController(PortalForms forms, EngineCommands commands, Csrf csrf) {
        this.forms = forms;
        this.commands = commands;
        this.csrf = csrf;
    }

    /**
     * What the form posts: the fields of {@link DeclarationBody} but the customer;
     * {@code serviceReferences} is one text, the references separated by commas or lines.
     */
    @Introspected
    @Serdeable
    public record DeclarationForm(@Nullable String csrfToken, @Nullable String siteAddress,
                                  @Nullable String serviceReferences, @Nullable String contactName,
                                  @Nullable String contactPhone, @Nullable String contactEmail,
                                  @Nullable String faultyElements, @Nullable String description,
                                  @Nullable String impact) {

        static DeclarationForm empty() {
            return new DeclarationForm(null, "", "", "", "", "", "", "", IMPACTS.get(0));
        }

        DeclarationBody body(String customer) {
            List<String> references = serviceReferences == null ? List.of()
                    : Arrays.stream(serviceReferences.split("[,\\n]")).map(String::strip)
                    .filter(reference -> !reference.isEmpty()).toList();
            return new DeclarationBody(customer, siteAddress, references, contactName, contactPhone, contactEmail,
                    faultyElements, description, impact == null || impact.isBlank() ? null : impact);
        }
    }

    @Get(uri = DECLARE, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> form(HttpRequest<?> request, Authentication caller) {
        return page(request, caller, HttpResponse.ok(), DeclarationForm.empty(), Map.of(), false);
    }

    @Post(uri = DECLARE, consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public CompletableFuture<HttpResponse<Object>> declare(HttpRequest<?> request, Authentication caller,
                                                      @Body DeclarationForm form) {
        if (!csrf.accepts(request, form.csrfToken())) {
            return CompletableFuture.completedFuture(page(request, caller, HttpResponse.status(HttpStatus.BAD_REQUEST),
                    form, Map.of(), true));
        }
        String customer = Callers.customer(caller).orElseThrow();
        DeclarationBody body = form.body(customer);
        Map<String, String> errors = forms.errors(body, request);
        if (errors.isEmpty()) {
            FieldReader found = new FieldReader();
            Declaration declaration = body.declaration(customer, caller.getName(), found);
            PortalForms.add(found.errors(), errors);
            if (errors.isEmpty()) {
                return commands.<Object>submit(declaration, reply -> {
                    if (!(reply instanceof Declaration.Opened opened)) {
                        throw new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "not-opened",
                                "The declaration was taken but no rule opened its ticket", List.of());
                    }
                    return HttpResponse.<Object>seeOther(URI.create(PortalController.PORTAL + "/tickets/"
                            + opened.reference() + "?declared=1"));
                });
            }
        }
        return CompletableFuture.completedFuture(page(request, caller, HttpResponse.status(HttpStatus.BAD_REQUEST),
                form, errors, false));
    }

    private HttpResponse<Object> page(HttpRequest<?> request, Authentication caller, MutableHttpResponse<Object> response,
                                 DeclarationForm form, Map<String, String> errors, boolean expired) {
        Map<String, Object> model = new HashMap<>();
        model.put("user", caller.getName());
        model.put("customer", Callers.customer(caller).orElseThrow());
        model.put("csrfToken", csrf.token(request, response));
        model.put("form", form);
        model.put("errors", errors);
        model.put("expired", expired);
        model.put("impacts", IMPACTS);
        return response.body(new ModelAndView<>("portal-declare", model));
    }
}
