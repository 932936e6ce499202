package noc.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import noc.api.Limits;
import noc.api.Problem;
import noc.api.ProblemException;
import noc.api.StrictBody;
import noc.security.Role;

/** The running rules, the last build of the folder, and validation of candidate DRL. */
@Secured(Role.VIEWER_NAME)
@Controller("/api/v1/rules")
@ExecuteOn(TaskExecutors.BLOCKING)
@io.micronaut.context.annotation.Requires(condition = noc.cluster.Roles.OwnsDatabase.class)
public class RulesController {

    private final RuleReloader reloader;

    public RulesController(RuleReloader reloader) {
        this.reloader = reloader;
    }

    @Get("/status")
    public RuleStatus status() {
        return reloader.status();
    }

    /** Compiles the folder now (as a change in it would) and deploys it if it is good. */
    @Post("/reload")
    @Secured(Role.RULES_NAME)
    public RuleStatus reload() {
        return reloader.reload();
    }

    /**
     * Checks candidate DRL with the rest of the folder, deploying nothing: the DRL itself
     * ({@code Content-Type: text/plain}), {@code ?file=20-links.drl} to stand for that file.
     */
    @Secured(Role.RULES_NAME)
    @Post(uri = "/validate", consumes = MediaType.TEXT_PLAIN)
    public RuleStatus.Validation validate(@Body @Nullable String body, @QueryValue @Nullable String file) {
        return reloader.validate(Map.of(checkName(file == null ? "zz-candidate.drl" : file), body == null ? "" : body));
    }

    /** The same for several files: {@code {"files": {"20-links.drl": "..."}}}. */
    @Secured(Role.RULES_NAME)
    @Post(uri = "/validate", consumes = MediaType.APPLICATION_JSON)
    public RuleStatus.Validation validateFiles(@Valid @Body Candidates body) {
        Map<String, String> candidates = new LinkedHashMap<>();
        body.files().forEach((name, text) -> candidates.put(checkName(name), text == null ? "" : text));
        return reloader.validate(candidates);
    }

    /** Candidate rule files by name. */
    @Serdeable
    public record Candidates(@Nullable @NotEmpty(message = "is required: an object of file name to DRL text")
                             @Size(max = 100, message = Limits.AT_MOST_ITEMS) Map<String, String> files)
            implements StrictBody {
    }

    /** A candidate file name, or 400 naming {@code file}. */
    public static String checkName(String name) {
        if (!name.matches("[\\w.-]+\\.drl")) {
            throw ProblemException.badRequest("A rule file name is a plain *.drl name",
                    List.of(new Problem.FieldError("file", "must look like 20-links.drl, not '" + name + "'")));
        }
        return name;
    }
}
