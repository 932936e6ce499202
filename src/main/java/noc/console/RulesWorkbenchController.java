package noc.console;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import noc.api.ProblemException;
import noc.engine.RuleBuildException;
import noc.engine.RuleReloader;
import noc.engine.RuleStatus;
import noc.security.Role;
import noc.shadow.Shadow;

/**
 * The rules workbench: the folder and how its last build went, and a file's copy edited in the
 * browser, validated and deployed through {@link RuleWorkbench}. Its pages only show; what a copy is
 * worth is decided by the same compiler and reloader as the API's.
 */
@Controller
@ConsolePage
@Hidden
@Secured(Role.RULES_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@io.micronaut.context.annotation.Requires(condition = noc.cluster.Roles.All.class)
public class RulesWorkbenchController {

    private final RuleWorkbench workbench;
    private final RuleScenarios scenarios;
    private final Shadow shadow;
    private final RuleReloader reloader;
    private final Csrf csrf;

    public RulesWorkbenchController(RuleWorkbench workbench, RuleScenarios scenarios, Shadow shadow,
                                    RuleReloader reloader, Csrf csrf) {
        this.workbench = workbench;
        this.scenarios = scenarios;
        this.shadow = shadow;
        this.reloader = reloader;
        this.csrf = csrf;
    }

    /** What the editor posts: the copy, the version of the file it was made from, and the form's token. */
    @Introspected
    @Serdeable
    public record CopyForm(@Nullable String text, @Nullable String base, @Nullable String csrfToken) {
    }

    @Get(uri = "/rules", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> folder(HttpRequest<?> request, Authentication caller, @QueryValue @Nullable String deployed) {
        MutableHttpResponse<Object> response = HttpResponse.ok();
        RuleStatus status = reloader.status();
        List<RuleWorkbench.RuleFile> files = workbench.files();
        Map<String, Object> model = new HashMap<>();
        model.put("user", caller.getName());
        model.put("csrfToken", csrf.token(request, response));
        model.put("files", files);
        model.put("status", status);
        model.put("deployed", files.stream().map(RuleWorkbench.RuleFile::name).filter(name -> name.equals(deployed))
                .findFirst().orElse(null));
        return response.body(new ModelAndView<>("rules", model));
    }

    @Get(uri = "/rules/files/{name}", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> file(HttpRequest<?> request, Authentication caller, @PathVariable String name) {
        String text = existing(name);
        return page(request, HttpResponse.ok(), caller, name, new Copy(text, RuleWorkbench.version(text)), null, null);
    }

    @Post(uri = "/rules/files/{name}/validate", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> validate(HttpRequest<?> request, Authentication caller, @PathVariable String name,
                                    @Body CopyForm form) {
        return withCopy(request, caller, name, form, copy -> {
            RuleStatus.Validation validation = workbench.validate(name, copy.text());
            return page(request, HttpResponse.ok(), caller, name, copy, validation,
                    validation.valid() ? "rules.valid" : "rules.invalid");
        });
    }

    @Post(uri = "/rules/files/{name}/deploy", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> deploy(HttpRequest<?> request, Authentication caller, @PathVariable String name,
                                  @Body CopyForm form) {
        return withCopy(request, caller, name, form, copy -> {
            RuleWorkbench.Deployment deployment = workbench.deploy(name, copy.text(), copy.base(), caller, request);
            return switch (deployment.result()) {
                case DEPLOYED -> HttpResponse.seeOther(URI.create(UriBuilder.of("/rules").queryParam("deployed", name)
                        .toString()));
                case INVALID -> page(request, HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY), caller, name,
                        copy, deployment.validation(), "rules.refused");
                case CHANGED -> page(request, HttpResponse.status(HttpStatus.CONFLICT), caller, name, copy, null,
                        "rules.changed");
            };
        });
    }

    /** Runs the scenarios of {@code tests/} with the copy standing for its file; nothing is written. */
    @Post(uri = "/rules/files/{name}/scenarios", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> scenarios(HttpRequest<?> request, Authentication caller, @PathVariable String name,
                                     @Body CopyForm form) {
        return withCopy(request, caller, name, form, copy -> scenarios.run(name, copy.text())
                .<HttpResponse<?>>map(run -> page(request, HttpResponse.ok(), caller, name, copy, null, null, run))
                .orElseGet(() -> page(request, HttpResponse.status(HttpStatus.CONFLICT), caller, name, copy, null,
                        "rules.busy")));
    }

    /**
     * Starts a shadow run of the copy through the same service as {@code POST /api/v1/rules/shadow},
     * then shows it at {@code /rules/shadow}; a copy that does not compile starts nothing.
     */
    @Post(uri = "/rules/files/{name}/shadow", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> shadow(HttpRequest<?> request, Authentication caller, @PathVariable String name,
                                  @Body CopyForm form) {
        return withCopy(request, caller, name, form, copy -> {
            try {
                shadow.start(Map.of(name, copy.text()), caller.getName());
            } catch (Shadow.AlreadyRunning e) {
                return page(request, HttpResponse.status(HttpStatus.CONFLICT), caller, name, copy, null,
                        "rules.shadowBusy");
            } catch (RuleBuildException e) {
                return page(request, HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY), caller, name, copy,
                        RuleStatus.Validation.refused(e), "rules.shadowRefused");
            }
            return HttpResponse.seeOther(URI.create(RulesShadowController.SHADOW));
        });
    }

    /**
     * What a form about a file does with its copy; the page again, untouched, when the file is unknown
     * (404), the form's token is wrong or the copy too long.
     */
    private HttpResponse<?> withCopy(HttpRequest<?> request, Authentication caller, String name, CopyForm form,
                                     java.util.function.Function<Copy, HttpResponse<?>> action) {
        existing(name);
        Copy copy = copy(form);
        if (!csrf.accepts(request, form.csrfToken())) {
            return page(request, HttpResponse.status(HttpStatus.BAD_REQUEST), caller, name, copy, null,
                    "rules.expired");
        }
        if (copy.text().length() > RuleWorkbench.MAX_TEXT) {
            return page(request, HttpResponse.status(HttpStatus.BAD_REQUEST), caller, name,
                    new Copy("", copy.base()), null, "rules.tooLong");
        }
        return action.apply(copy);
    }

    private String existing(String name) {
        return workbench.read(name).orElseThrow(() -> ProblemException.notFound("No rule file " + name));
    }

    /** A copy being edited, and the version of its file it was made from ({@link RuleWorkbench#version}). */
    private record Copy(String text, String base) {
    }

    /** The copy as the folder keeps it: a browser sends a text area's lines ended by CR LF. */
    private static Copy copy(CopyForm form) {
        return new Copy(form.text() == null ? "" : form.text().replace("\r\n", "\n"),
                form.base() == null ? "" : form.base());
    }

    private HttpResponse<?> page(HttpRequest<?> request, MutableHttpResponse<Object> response, Authentication caller,
                                 String name, Copy copy, @Nullable RuleStatus.Validation validation,
                                 @Nullable String outcome) {
        return page(request, response, caller, name, copy, validation, outcome, null);
    }

    private HttpResponse<?> page(HttpRequest<?> request, MutableHttpResponse<Object> response, Authentication caller,
                                 String name, Copy copy, @Nullable RuleStatus.Validation validation,
                                 @Nullable String outcome, @Nullable RuleScenarios.Run run) {
        String text = copy.text();
        List<RuleStatus.Problem> problems = validation == null ? List.of() : validation.problems();
        Set<Integer> marked = problems.stream().filter(problem -> problem.file().equals(name))
                .map(RuleStatus.Problem::line).collect(Collectors.toSet());
        int lines = (int) text.chars().filter(c -> c == '\n').count() + 1;
        Map<String, Object> model = new HashMap<>();
        model.put("user", caller.getName());
        model.put("csrfToken", csrf.token(request, response));
        model.put("name", name);
        model.put("text", text);
        model.put("base", copy.base());
        model.put("rows", lines + 10);
        model.put("lines", IntStream.rangeClosed(1, lines).mapToObj(line -> new Line(line, marked.contains(line)))
                .toList());
        model.put("problems", problems);
        model.put("outcome", outcome);
        model.put("ruleCount", validation == null ? null : validation.ruleCount());
        model.put("run", run);
        return response.body(new ModelAndView<>("rules-file", model));
    }

    /** A line of the ruler beside the copy, marked when a problem is on it. */
    public record Line(int number, boolean marked) {
    }
}
