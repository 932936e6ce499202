package noc.console;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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
import io.micronaut.security.authentication.AuthenticationFailed;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.Authenticator;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.render.AccessRefreshToken;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import reactor.core.publisher.Mono;
import noc.security.Role;

/**
 * Signing in and out of the console. The form's check is the API's login ({@code LoginProvider}:
 * the same throttle, audit and counters); a good one puts the login JWT in the session cookie and
 * sends a customer to the portal, staff to the board. A wrong one shows the form again, saying so.
 */
@Controller
@ConsolePage
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SigninController {

    static final String SIGNIN = "/signin";

    private final Authenticator<HttpRequest<?>> authenticator;
    private final AccessRefreshTokenGenerator tokens;
    private final SessionCookie session;
    private final Csrf csrf;

    public SigninController(Authenticator<HttpRequest<?>> authenticator, AccessRefreshTokenGenerator tokens,
                            SessionCookie session, Csrf csrf) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.session = session;
        this.csrf = csrf;
    }

    /** What the sign-in form posts. */
    @Introspected
    @Serdeable
    public record SigninForm(@Nullable String username, @Nullable String password, @Nullable String csrfToken) {
    }

    /** What the sign-out button posts. */
    @Introspected
    @Serdeable
    public record SignoutForm(@Nullable String csrfToken) {
    }

    @Get(uri = SIGNIN, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> form(HttpRequest<?> request, @Nullable Authentication caller) {
        if (caller != null) {
            return HttpResponse.seeOther(landing(caller));
        }
        return page(request, HttpResponse.ok(), null, null);
    }

    @Post(uri = SIGNIN, consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> signin(HttpRequest<?> request, @Body SigninForm form) {
        if (!csrf.accepts(request, form.csrfToken())) {
            return page(request, HttpResponse.status(HttpStatus.BAD_REQUEST), "signin.expired", form.username());
        }
        if (form.username() == null || form.username().isBlank() || form.password() == null) {
            return page(request, HttpResponse.status(HttpStatus.BAD_REQUEST), "signin.missing", form.username());
        }
        AuthenticationResponse answer = Mono.from(authenticator.authenticate(request,
                new UsernamePasswordCredentials(form.username().strip(), form.password()))).block();
        Optional<Authentication> authentication = answer == null ? Optional.empty() : answer.getAuthentication();
        Optional<String> jwt = authentication.flatMap(tokens::generate).map(AccessRefreshToken::getAccessToken);
        if (jwt.isEmpty()) {
            boolean wrong = answer instanceof AuthenticationFailed failed
                    && failed.getReason() != AuthenticationFailureReason.CUSTOM;
            return page(request, HttpResponse.status(HttpStatus.UNAUTHORIZED),
                    wrong || answer == null ? "signin.wrong" : "signin.refused", form.username());
        }
        return HttpResponse.seeOther(landing(authentication.get())).cookie(session.of(jwt.get()));
    }

    @Post(uri = "/signout", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> signout(HttpRequest<?> request, @Body SignoutForm form) {
        if (!csrf.accepts(request, form.csrfToken())) {
            return page(request, HttpResponse.status(HttpStatus.BAD_REQUEST), "signin.expired", null);
        }
        return HttpResponse.seeOther(URI.create(SIGNIN)).cookie(session.cleared());
    }

    /** Where a person goes once signed in: a customer to the portal, staff to the board. */
    static URI landing(Authentication caller) {
        return URI.create(caller.getRoles().contains(Role.CUSTOMER_NAME) ? PortalController.PORTAL : "/");
    }

    private HttpResponse<?> page(HttpRequest<?> request, MutableHttpResponse<Object> response, String error,
                                 String username) {
        Map<String, Object> model = new HashMap<>();
        model.put("csrfToken", csrf.token(request, response));
        model.put("error", error);
        model.put("username", username == null ? "" : username);
        return response.body(new ModelAndView<>("signin", model));
    }
}
