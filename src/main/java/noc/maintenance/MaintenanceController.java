package noc.maintenance;

import io.micronaut.security.annotation.Secured;
import noc.security.Role;
import io.micronaut.security.authentication.Authentication;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import noc.api.EngineCommands;
import noc.api.FieldReader;
import noc.api.JsonBodies;
import noc.api.ProblemException;
import noc.inventory.Inventory;
import noc.inventory.InventoryKind;
import noc.inventory.InventoryStore;

/**
 * Planned maintenance windows (PROCEDURE.md P-7): plan one (its P5 ticket is opened with it), list
 * them with their state now, and say an operation is done. Plans and completions go through the
 * engine and are answered once committed.
 */
@Secured(Role.VIEWER_NAME)
@Controller("/api/v1/maintenance-windows")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MaintenanceController {

    private final MaintenanceStore store;
    private final InventoryStore inventory;
    private final EngineCommands commands;
    private final JsonMapper json;
    private final Clock clock;

    public MaintenanceController(MaintenanceStore store, InventoryStore inventory, EngineCommands commands,
                                 JsonMapper json, Clock clock) {
        this.commands = commands;
        this.store = store;
        this.inventory = inventory;
        this.json = json;
        this.clock = clock;
    }

    @Get
    public List<View> list() {
        Instant now = clock.instant();
        return store.loadAll().stream().map(window -> View.of(window, now)).toList();
    }

    @Get("/{reference}")
    public View show(@PathVariable String reference) {
        return View.of(find(reference), clock.instant());
    }

    /**
     * Plans a window: {@code {"title", "description", "start", "end", "recurrence": "none|daily|weekly",
     * "until", "scope": {"devices": [], "sites": [], "services": []}, "requestedBy"}}.
     */
    @Secured(Role.OPERATOR_NAME)
    @Post(consumes = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<View>> plan(@Body String body, Authentication caller) {
        Map<String, Object> fields = parse(body);
        FieldReader errors = new FieldReader();
        String title = JsonBodies.text(fields, "title");
        if (title == null) {
            errors.error("title", "is required");
        } else if (title.length() > 400) {
            errors.error("title", "is longer than 400 characters");
        }
        if (String.valueOf(fields.getOrDefault("description", "")).length() > 4000) {
            errors.error("description", "is longer than 4000 characters");
        }
        Instant start = time(fields, "start", errors, true);
        Instant end = time(fields, "end", errors, true);
        Instant until = time(fields, "until", errors, false);
        Recurrence recurrence = Recurrence.NONE;
        String recurrenceText = JsonBodies.text(fields, "recurrence");
        if (recurrenceText != null) {
            try {
                recurrence = Recurrence.valueOf(recurrenceText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.error("recurrence", "must be none, daily or weekly, not '" + recurrenceText + "'");
            }
        }
        if (start != null && end != null && !end.isAfter(start)) {
            errors.error("end", "must come after start");
        }
        if (start != null && end != null && recurrence != Recurrence.NONE
                && Duration.between(start, end).compareTo(recurrence.period()) >= 0) {
            errors.error("end", "a " + recurrence.name().toLowerCase(Locale.ROOT) + " window must be shorter than "
                    + "its period");
        }
        Map<?, ?> scope = fields.get("scope") instanceof Map<?, ?> map ? map : Map.of();
        if (fields.get("scope") != null && !(fields.get("scope") instanceof Map<?, ?>)) {
            errors.error("scope", "must be an object with devices, sites and services");
        }
        Inventory known = inventory.load();
        List<String> devices = names(scope, "devices", InventoryKind.DEVICES, known, errors);
        List<String> sites = names(scope, "sites", InventoryKind.SITES, known, errors);
        List<String> services = names(scope, "services", InventoryKind.SERVICES, known, errors);
        if (devices.isEmpty() && sites.isEmpty() && services.isEmpty()) {
            errors.error("scope", "must name at least one device, site or service");
        }
        if (!errors.ok()) {
            throw ProblemException.badRequest(errors.errors().size() + " problem(s); nothing was planned",
                    errors.errors());
        }
        String requestedBy = caller.getName();
        AtomicReference<String> assigned = new AtomicReference<>();
        MaintenanceRequest request = new MaintenanceRequest(title, String.valueOf(fields.getOrDefault(
                "description", "")), start, end, recurrence, until, devices, sites, services,
                requestedBy, assigned);
        return commands.submit(request, () -> {
            if (assigned.get() == null) {
                throw new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "not-planned", "The request was taken "
                        + "but no rule planned the window: check the rule 'A planned maintenance opens its window "
                        + "with a P5 ticket' at GET /api/v1/rules/status", List.of());
            }
            return HttpResponse.created(View.of(find(assigned.get()), clock.instant()));
        });
    }

    /** The operation of a window is done: at the window's end, no overrun for it (alarms aside). */
    @Secured(Role.OPERATOR_NAME)
    @Post(uri = "/{reference}/complete", consumes = {MediaType.APPLICATION_JSON, MediaType.ALL})
    public CompletableFuture<HttpResponse<View>> complete(@PathVariable String reference, @Nullable @Body String body,
                                                          Authentication caller) {
        find(reference);
        return commands.submit(new MaintenanceCompletion(reference, caller.getName()),
                () -> HttpResponse.ok(View.of(find(reference), clock.instant())));
    }

    private MaintenanceWindow find(String reference) {
        return store.find(reference).orElseThrow(() -> ProblemException.notFound("No maintenance window " + reference));
    }

    private static List<String> names(Map<?, ?> scope, String field, InventoryKind kind, Inventory known,
                                      FieldReader errors) {
        Object value = scope.get(field);
        List<String> names = new ArrayList<>();
        if (value == null) {
            return names;
        }
        if (!(value instanceof List<?> list)) {
            errors.error("scope." + field, "must be an array of names");
            return names;
        }
        for (Object item : list) {
            String name = String.valueOf(item);
            if (!known.contains(kind, name)) {
                errors.error("scope." + field, "refers to unknown " + kind.path().replaceAll("s$", "") + " '"
                        + name + "'");
            }
            names.add(name);
        }
        return names;
    }


    private static Instant time(Map<String, Object> fields, String name, FieldReader errors, boolean required) {
        String value = JsonBodies.text(fields, name);
        if (value == null) {
            if (required) {
                errors.error(name, "is required (RFC 3339, e.g. 2026-03-02T22:00:00Z)");
            }
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (RuntimeException e) {
            errors.error(name, "must be an RFC 3339 time such as 2026-03-02T22:00:00Z, not '" + value + "'");
            return null;
        }
    }

    private Map<String, Object> parse(String body) {
        return JsonBodies.object(json, body);
    }

    /**
     * A window as the API shows it.
     *
     * @param state SCHEDULED before its first start, ACTIVE during an occurrence, else ENDED (between
     *              occurrences of a recurring window too)
     */
    @Serdeable
    public record View(String reference, String title, String description, Instant start, Instant end,
                       String recurrence, @Nullable Instant until, Map<String, List<String>> scope,
                       boolean operationOpen, String state, List<String> affectedCustomers, String requestedBy) {

        static View of(MaintenanceWindow window, Instant now) {
            String state = window.isActiveAt(now) ? "ACTIVE" : now.isBefore(window.start()) ? "SCHEDULED" : "ENDED";
            return new View(window.reference(), window.title(), window.description(), window.start(), window.end(),
                    window.recurrence().name(), window.until(), Map.of("devices", window.devices(), "sites",
                    window.sites(), "services", window.services()), window.operationOpen(), state,
                    window.affectedCustomers(), window.requestedBy());
        }
    }
}
