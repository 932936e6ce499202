package noc.shadow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;
import noc.api.Problem;
import noc.api.ProblemException;
import noc.engine.RuleBuildException;
import noc.engine.RuleProblem;
import noc.engine.RulesController;
import noc.security.Role;

/**
 * Shadow runs of candidate rules: start one with the same body as {@code rules/validate}, read the
 * decisions it found different, stop it. Answers 202 to a start (the run reads MariaDB first), 409
 * while a run goes on, 400 with each problem when the candidate does not compile.
 */
@Secured(Role.RULES_NAME)
@Controller("/api/v1/rules/shadow")
@ExecuteOn(TaskExecutors.BLOCKING)
@io.micronaut.context.annotation.Requires(condition = noc.cluster.Roles.All.class)
public class ShadowController {

    private final Shadow shadow;

    public ShadowController(Shadow shadow) {
        this.shadow = shadow;
    }

    /** One candidate file as {@code text/plain}, {@code ?file=20-links.drl} to stand for that file. */
    @Post(consumes = MediaType.TEXT_PLAIN)
    public HttpResponse<ShadowStatus> start(@Body @Nullable String body, @QueryValue @Nullable String file,
                                            Authentication caller) {
        return start(Map.of(RulesController.checkName(file == null ? "zz-candidate.drl" : file),
                body == null ? "" : body), caller);
    }

    /** Several candidate files: {@code {"files": {"20-links.drl": "..."}}}. */
    @Post(consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<ShadowStatus> startFiles(@Valid @Body RulesController.Candidates body, Authentication caller) {
        Map<String, String> candidates = new LinkedHashMap<>();
        body.files().forEach((name, text) -> candidates.put(RulesController.checkName(name), text == null ? "" : text));
        return start(candidates, caller);
    }

    /** The present or last run: its state, counts and the differences it kept. */
    @Get
    public ShadowStatus status() {
        return shadow.status().orElseThrow(ShadowController::none);
    }

    /** Stops the run; answers where it stands. */
    @Delete
    public ShadowStatus stop(Authentication caller) throws InterruptedException {
        return shadow.stop(caller.getName()).orElseThrow(ShadowController::none);
    }

    private HttpResponse<ShadowStatus> start(Map<String, String> candidates, Authentication caller) {
        try {
            return HttpResponse.status(HttpStatus.ACCEPTED).body(shadow.start(candidates, caller.getName()));
        } catch (Shadow.AlreadyRunning e) {
            throw new ProblemException(HttpStatus.CONFLICT, "not-allowed", e.getMessage(), List.of());
        } catch (RuleBuildException e) {
            List<Problem.FieldError> errors = new ArrayList<>();
            for (RuleProblem problem : e.problems()) {
                errors.add(new Problem.FieldError(problem.file(), "line " + problem.line() + ", column "
                        + problem.column() + ": " + problem.message()));
            }
            if (errors.isEmpty()) {
                errors.add(new Problem.FieldError("files", e.getMessage()));
            }
            throw ProblemException.badRequest("The candidate rules do not compile (" + errors.size()
                    + " problem(s)); no shadow run started", errors);
        }
    }

    private static ProblemException none() {
        return ProblemException.notFound("No shadow run yet: POST candidate rules to /api/v1/rules/shadow");
    }
}
