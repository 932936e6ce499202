package noc.console;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

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
import noc.security.Role;
import noc.shadow.Shadow;
import noc.shadow.ShadowStatus;

/**
 * The shadow run a workbench copy started, as {@code GET /api/v1/rules/shadow} tells it (that route
 * takes bearer tokens only, so a browser reads it here): its state, counts and differences, and a
 * button to stop it.
 */
@Controller
@ConsolePage
@Hidden
@Secured(Role.RULES_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@io.micronaut.context.annotation.Requires(condition = noc.cluster.Roles.All.class)
public class RulesShadowController {

    static final String SHADOW = "/rules/shadow";

    private final Shadow shadow;
    private final Csrf csrf;

    public RulesShadowController(Shadow shadow, Csrf csrf) {
        this.shadow = shadow;
        this.csrf = csrf;
    }

    /** What the stop button posts. */
    @Introspected
    @Serdeable
    public record StopForm(@Nullable String csrfToken) {
    }

    @Get(uri = SHADOW, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> status(HttpRequest<?> request, Authentication caller) {
        return page(request, HttpResponse.ok(), caller, null);
    }

    @Post(uri = SHADOW + "/stop", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public HttpResponse<?> stop(HttpRequest<?> request, Authentication caller, @Body StopForm form)
            throws InterruptedException {
        if (!csrf.accepts(request, form.csrfToken())) {
            return page(request, HttpResponse.status(HttpStatus.BAD_REQUEST), caller, "rules.expired");
        }
        shadow.stop(caller.getName());
        return HttpResponse.seeOther(URI.create(SHADOW));
    }

    private HttpResponse<?> page(HttpRequest<?> request, MutableHttpResponse<Object> response, Authentication caller,
                                 @Nullable String outcome) {
        ShadowStatus status = shadow.status().orElse(null);
        Map<String, Object> model = new HashMap<>();
        model.put("user", caller.getName());
        model.put("csrfToken", csrf.token(request, response));
        model.put("run", status);
        model.put("outcome", outcome);
        return response.body(new ModelAndView<>("rules-shadow", model));
    }
}
