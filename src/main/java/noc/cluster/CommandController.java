package noc.cluster;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import noc.api.ProblemException;
import noc.security.Role;

/**
 * What became of a person's command that was answered 202 (role {@code engine}: sent to the engine
 * that owns its ticket, not confirmed in time). A single process answers every command once it is
 * committed, so it has none to show.
 */
@Secured(Role.VIEWER_NAME)
@Controller("/api/v1/commands")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(condition = Roles.OwnsDatabase.class)
public class CommandController {

    private final CommandOutcomeStore store;
    private final JsonMapper json;

    public CommandController(CommandOutcomeStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /**
     * The command's status: PENDING (sent, not applied yet), COMMITTED (applied, with the rules' reply:
     * {@code refused} with the reason an action was not allowed, {@code opened} or {@code planned}
     * with the reference of what it opened), REFUSED (the database refused its data), UNREADABLE (the
     * engine that owns it could not read it) or UNSENT (Kafka did not take it); nothing was done in the
     * last three. Kept for a day.
     */
    @Get("/{id}")
    public View show(@PathVariable String id) {
        CommandOutcome outcome = store.find(id).orElseThrow(() -> ProblemException.notFound("No command " + id
                + " (outcomes are kept for a day)"));
        Map<String, Object> reply = null;
        if (outcome.reply() != null) {
            try {
                reply = json.readValue(outcome.reply(), Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new IllegalStateException("the reply of command " + id + " is not JSON", e);
            }
        }
        return new View(outcome.id(), outcome.status().name(), reply, outcome.at());
    }

    /** A command's outcome as the API shows it. */
    @Serdeable
    public record View(String id, String status, @Nullable Map<String, Object> reply, Instant at) {
    }
}
