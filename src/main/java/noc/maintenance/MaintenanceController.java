package noc.maintenance;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
import jakarta.validation.Valid;
import noc.api.EngineCommands;
import noc.api.FieldReader;
import noc.api.ProblemException;
import noc.inventory.InventoryStore;
import noc.security.Role;

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
    private final Clock clock;

    public MaintenanceController(MaintenanceStore store, InventoryStore inventory, EngineCommands commands,
                                 Clock clock) {
        this.commands = commands;
        this.store = store;
        this.inventory = inventory;
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
     * "until", "scope": {"devices": [], "sites": [], "services": []}}}, requested by the caller.
     */
    @Secured(Role.OPERATOR_NAME)
    @Post(consumes = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<View>> plan(@Valid @Body MaintenanceBody body, Authentication caller) {
        FieldReader errors = new FieldReader();
        MaintenanceRequest request = body.request(caller.getName(), inventory.load(), errors);
        errors.refuseIfInvalid("nothing was planned");
        return commands.submit(request, reply -> {
            if (!(reply instanceof MaintenanceRequest.Planned planned)) {
                throw new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "not-planned", "The request was taken "
                        + "but no rule planned the window: check the rule 'A planned maintenance opens its window "
                        + "with a P5 ticket' at GET /api/v1/rules/status", List.of());
            }
            return HttpResponse.created(View.of(find(planned.reference()), clock.instant()));
        });
    }

    /** The operation of a window is done: at the window's end, no overrun for it (alarms aside). */
    @Secured(Role.OPERATOR_NAME)
    @Post(uri = "/{reference}/complete", consumes = {MediaType.APPLICATION_JSON, MediaType.ALL})
    public CompletableFuture<HttpResponse<View>> complete(@PathVariable String reference, Authentication caller) {
        find(reference);
        return commands.submit(new MaintenanceCompletion(reference, caller.getName()),
                reply -> HttpResponse.ok(View.of(find(reference), clock.instant())));
    }

    private MaintenanceWindow find(String reference) {
        return store.find(reference).orElseThrow(() -> ProblemException.notFound("No maintenance window " + reference));
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
