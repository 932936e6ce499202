package noc.console;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ModelAndViewRenderer;
import jakarta.inject.Singleton;
import noc.security.Role;

/**
 * Sends a browser that is not signed in from a console page to the sign-in form (303); an htmx
 * request gets 401 with {@code HX-Redirect}, so the whole page goes there rather than a fragment.
 * A signed-in browser (it asks for HTML) without the role gets a page that says so (403), and a
 * customer who opens the board is sent to the portal (303), where customers land. Everything else
 * (the API, a client that does not ask for HTML) is answered as before: 401 or 403.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
@SuppressWarnings("rawtypes") // Micronaut Views' renderer is generic in its model, which a bean type cannot say
public class SigninRedirect extends DefaultAuthorizationExceptionHandler {

    private final BeanProvider<ModelAndViewRenderer> pages;
    private final BeanProvider<Csrf> csrf;

    public SigninRedirect(ErrorResponseProcessor<?> errorResponseProcessor, RedirectConfiguration redirectConfiguration,
                          RedirectService redirectService,
                          @Nullable PriorToLoginPersistence<?, ?> priorToLoginPersistence,
                          BeanProvider<ModelAndViewRenderer> pages,
                          BeanProvider<Csrf> csrf) {
        super(errorResponseProcessor, redirectConfiguration, redirectService, priorToLoginPersistence);
        this.pages = pages;
        this.csrf = csrf;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (!SessionCookieReader.isConsoleRoute(request)) {
            return super.handle(request, exception);
        }
        if (exception.isForbidden()) {
            return asksForPage(request) ? refusedPage(request, exception) : super.handle(request, exception);
        }
        if (request.getHeaders().contains("HX-Request")) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).header("HX-Redirect", SigninController.SIGNIN);
        }
        return HttpResponse.seeOther(URI.create(SigninController.SIGNIN));
    }

    /** A browser's page load: it names HTML among what it accepts (an API client does not). */
    private static boolean asksForPage(HttpRequest<?> request) {
        return request.getHeaders().accept().stream().anyMatch(type -> type.getType().equals("text")
                && type.getSubtype().equals("html"));
    }

    @SuppressWarnings("unchecked")
    private MutableHttpResponse<?> refusedPage(HttpRequest<?> request, AuthorizationException exception) {
        Authentication caller = exception.getAuthentication();
        if (caller != null && caller.getRoles().contains(Role.CUSTOMER_NAME) && request.getMethod() == HttpMethod.GET
                && request.getPath().equals("/")) {
            return HttpResponse.seeOther(URI.create(PortalController.PORTAL));
        }
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.FORBIDDEN);
        Map<String, Object> model = new HashMap<>();
        model.put("user", caller == null ? "" : caller.getName());
        model.put("csrfToken", csrf.get().token(request, response));
        StringWriter page = new StringWriter();
        try {
            ((Optional<Writable>) pages.get().render(
                    new ModelAndView<>("forbidden", model), request, MediaType.TEXT_HTML))
                    .orElseThrow(() -> new IllegalStateException("no view forbidden")).writeTo(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return response.contentType(MediaType.TEXT_HTML + ";charset=utf-8").body(page.toString());
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
