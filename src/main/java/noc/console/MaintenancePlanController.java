package noc.console;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.micronaut.context.MessageSource;
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
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import noc.api.ConstraintViolationHandler;
import noc.api.EngineCommands;
import noc.api.ProblemException;
import noc.inventory.InventoryStore;
import noc.maintenance.MaintenanceBody;
import noc.maintenance.MaintenanceRequest;
import noc.maintenance.Recurrence;
import noc.notify.NotifyConfiguration;
import noc.security.Directory;
import noc.security.Role;

/**
 * The form that plans a maintenance window ({@code /maintenance/plan}): every field of
 * {@code POST /api/v1/maintenance-windows}, checked by the API's own rules ({@link MaintenanceBody}'s
 * constraints, then {@link MaintenanceBody#request}), each problem shown next to its field and nothing
 * planned. A window that starts in the past is planned only once the person ticks "plan it anyway".
 * A good plan goes to the engine as the API's does, and the browser on to the window's page.
 */
@Controller
@ConsolePage
@Hidden
@Secured(Role.OPERATOR_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MaintenancePlanController {

    static final String PLAN = MaintenancePageController.MAINTENANCE + "/plan";
    /** The form's fields, in its order; {@code scope} is where a problem of the scope as a whole goes. */
    static final List<String> FIELDS = List.of("title", "description", "start", "end", "recurrence", "until",
            "devices", "sites", "services", "scope");

    private final InventoryStore inventory;
    private final EngineCommands commands;
    private final Validator validator;
    private final MessageSource messages;
    private final HttpLocaleResolver locales;
    private final Csrf csrf;
    private final Clock clock;
    private final Directory directory;
    private final ZoneId zone;

    public MaintenancePlanController(InventoryStore inventory, EngineCommands commands, Validator validator,
                                     MessageSource messages, HttpLocaleResolver locales, Csrf csrf, Clock clock,
                                     NotifyConfiguration notify, Directory directory) {
        this.directory = directory;
        this.inventory = inventory;
        this.commands = commands;
        this.validator = validator;
        this.messages = messages;
        this.locales = locales;
        this.csrf = csrf;
        this.clock = clock;
        this.zone = notify.times().getZone();
    }

    /**
     * What the form posts: the body's fields, the times as a browser's {@code datetime-local} gives them
     * (in the zone the person chose, else {@code noc.notify.time-zone}) or in RFC 3339, each scope kind one text of names separated by commas or
     * lines; {@code confirmPast} ticked to plan a window that starts in the past.
     */
    @Introspected
    @Serdeable
    public record PlanForm(@Nullable String csrfToken, @Nullable String title, @Nullable String description,
                           @Nullable String start, @Nullable String end, @Nullable String recurrence,
                           @Nullable String until, @Nullable String devices, @Nullable String sites,
                           @Nullable String services, @Nullable String confirmPast) {

        static PlanForm empty() {
            return new PlanForm(null, "", "", "", "", "none", "", "", "", "", null);
        }

        boolean confirmed() {
            return confirmPast != null && !confirmPast.isBlank();
        }

        /** The API's body of this form, its times in RFC 3339 ({@code zone} for those the browser gave without one). */
        MaintenanceBody body(ZoneId zone) {
            return new MaintenanceBody(ConsoleParameters.blankToNull(title), ConsoleParameters.blankToNull(description),
                    time(start, zone), time(end, zone), ConsoleParameters.blankToNull(recurrence), time(until, zone),
                    new MaintenanceBody.Scope(names(devices), names(sites), names(services)));
        }

        private static String time(@Nullable String text, ZoneId zone) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return LocalDateTime.parse(text.strip()).atZone(zone).toOffsetDateTime().toString();
            } catch (DateTimeParseException e) {
                return text.strip(); // RFC 3339 perhaps: the API's rules judge it
            }
        }

        private static List<String> names(@Nullable String text) {
            return text == null ? List.of() : Arrays.stream(text.split("[,\\n]")).map(String::strip)
                    .filter(name -> !name.isEmpty()).toList();
        }
    }

    @Get(uri = PLAN, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> form(HttpRequest<?> request, Authentication caller) {
        return page(request, caller, HttpResponse.ok(), PlanForm.empty(), Map.of(), false, false);
    }

    @Post(uri = PLAN, consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public CompletableFuture<HttpResponse<Object>> plan(HttpRequest<?> request, Authentication caller,
                                                        @Body PlanForm form) {
        if (!csrf.accepts(request, form.csrfToken())) {
            return CompletableFuture.completedFuture(page(request, caller, HttpResponse.status(HttpStatus.BAD_REQUEST),
                    form, Map.of(), false, true));
        }
        Locale locale = locales.resolveOrDefault(request);
        MaintenanceBody body = form.body(ConsoleParameters.zone(directory, caller, zone));
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<MaintenanceBody> violation : validator.validate(body)) {
            String path = ConstraintViolationHandler.path(violation);
            String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            Object max = violation.getConstraintDescriptor().getAttributes().getOrDefault("max", "");
            // A list's own key (too many names) is not an item's (a name too long).
            String specific = "maintenance.invalid." + field(path) + (path.endsWith("]") ? ".item." : ".") + constraint;
            errors.putIfAbsent(field(path), messages.getMessage(specific, locale, max)
                    .or(() -> messages.getMessage("maintenance.invalid." + constraint, locale, max))
                    .orElse(violation.getMessage()));
        }
        MaintenanceRequest planned = null;
        if (errors.isEmpty()) {
            List<MaintenanceBody.Finding> found = new ArrayList<>();
            noc.inventory.Inventory known = inventory.load();
            planned = body.request(caller.getName(), known, found);
            for (MaintenanceBody.Finding finding : found) {
                errors.putIfAbsent(field(finding.field()), messages.getMessage("maintenance.invalid."
                        + finding.check().code(), locale, finding.subject()).orElse(finding.message()));
            }
        }
        boolean past = planned != null && planned.start().isBefore(clock.instant());
        if (!errors.isEmpty() || (past && !form.confirmed())) {
            return CompletableFuture.completedFuture(page(request, caller, HttpResponse.status(HttpStatus.BAD_REQUEST),
                    form, errors, past, false));
        }
        return commands.<Object>submit(planned, reply -> {
            if (!(reply instanceof MaintenanceRequest.Planned done)) {
                throw new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "not-planned", "The request was taken "
                        + "but no rule planned the window: check the rule 'A planned maintenance opens its window "
                        + "with a P5 ticket' at GET /api/v1/rules/status", List.of());
            }
            return HttpResponse.<Object>seeOther(URI.create(MaintenancePageController.MAINTENANCE + "/"
                    + done.reference()));
        });
    }

    /** The form's field of a body path: {@code scope.devices[2]} is {@code devices}, {@code scope} itself {@code scope}. */
    static String field(String path) {
        String field = path.startsWith("scope.") ? path.substring("scope.".length()) : path;
        int index = field.indexOf('[');
        return index < 0 ? field : field.substring(0, index);
    }

    private HttpResponse<Object> page(HttpRequest<?> request, Authentication caller,
                                      MutableHttpResponse<Object> response, PlanForm form, Map<String, String> errors,
                                      boolean past, boolean expired) {
        Map<String, Object> model = new HashMap<>();
        model.put("user", caller.getName());
        model.put("csrfToken", csrf.token(request, response));
        model.put("form", form);
        model.put("errors", errors);
        model.put("past", past);
        model.put("expired", expired);
        model.put("zone", ConsoleParameters.zone(directory, caller, zone).getId());
        model.put("recurrences", Arrays.stream(Recurrence.values()).map(r -> r.name().toLowerCase(Locale.ROOT)).toList());
        return response.body(new ModelAndView<>("maintenance-plan", model));
    }
}
