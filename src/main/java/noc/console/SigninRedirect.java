package noc.console;

import java.net.URI;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Singleton;

/**
 * Sends a browser that is not signed in from a console page to the sign-in form (303); an htmx
 * request gets 401 with {@code HX-Redirect}, so the whole page goes there rather than a fragment.
 * Everything else (the API, a signed-in user without the role) is answered as before: 401 or 403.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class SigninRedirect extends DefaultAuthorizationExceptionHandler {

    public SigninRedirect(ErrorResponseProcessor<?> errorResponseProcessor, RedirectConfiguration redirectConfiguration,
                          RedirectService redirectService,
                          @Nullable PriorToLoginPersistence<?, ?> priorToLoginPersistence) {
        super(errorResponseProcessor, redirectConfiguration, redirectService, priorToLoginPersistence);
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden() || !SessionCookieReader.isConsoleRoute(request)) {
            return super.handle(request, exception);
        }
        if (request.getHeaders().contains("HX-Request")) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).header("HX-Redirect", SigninController.SIGNIN);
        }
        return HttpResponse.seeOther(URI.create(SigninController.SIGNIN));
    }

    /**
     * A signed-in browser without the role gets its 403: Micronaut would send it to "/" instead, which
     * hides the refusal (and loops for a customer, whom the board refuses too).
     */
    @Override
    protected boolean shouldRedirect(HttpRequest<?> request, AuthorizationException exception) {
        return !exception.isForbidden() && super.shouldRedirect(request, exception);
    }
}
