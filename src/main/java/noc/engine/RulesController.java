package noc.engine;

import io.micronaut.security.annotation.Secured;
import noc.security.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import noc.api.JsonBodies;
import noc.api.Problem;
import noc.api.ProblemException;

/** The running rules, the last build of the folder, and validation of candidate DRL. */
@Secured(Role.VIEWER_NAME)
@Controller("/api/v1/rules")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RulesController {

    private final RuleReloader reloader;
    private final JsonMapper json;

    public RulesController(RuleReloader reloader, JsonMapper json) {
        this.reloader = reloader;
        this.json = json;
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
     * Checks candidate DRL with the rest of the folder, deploying nothing. Either the DRL itself
     * ({@code Content-Type: text/plain}, {@code ?file=20-links.drl} to stand for that file), or JSON
     * {@code {"files": {"20-links.drl": "..."}}}.
     */
    @Secured(Role.RULES_NAME)
    @Post(uri = "/validate", consumes = {MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    public RuleStatus.Validation validate(@Body String body, @Header("Content-Type") @Nullable String contentType,
                                         @QueryValue @Nullable String file) {
        Map<String, String> candidates = new LinkedHashMap<>();
        if (contentType != null && contentType.startsWith(MediaType.APPLICATION_JSON)) {
            Map<String, Object> parsed = JsonBodies.object(json, body);
            if (!(parsed.get("files") instanceof Map<?, ?> files) || files.isEmpty()) {
                throw ProblemException.badRequest("files must be an object of file name to DRL text",
                        List.of(new Problem.FieldError("files", "is required")));
            }
            files.forEach((name, text) -> candidates.put(checkName(String.valueOf(name)), String.valueOf(text)));
        } else {
            candidates.put(checkName(file == null ? "zz-candidate.drl" : file), body == null ? "" : body);
        }
        return reloader.validate(candidates);
    }

    private static String checkName(String name) {
        if (!name.matches("[\\w.-]+\\.drl")) {
            throw ProblemException.badRequest("A rule file name is a plain *.drl name",
                    List.of(new Problem.FieldError("file", "must look like 20-links.drl, not '" + name + "'")));
        }
        return name;
    }
}
