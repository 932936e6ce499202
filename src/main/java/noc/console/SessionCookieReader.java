package noc.console;

import java.util.Optional;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.token.reader.TokenReader;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;

/**
 * Reads the login JWT from the session cookie, on console routes only: the API keeps taking bearer
 * tokens alone, so a cookie can never act on it (the cookie's other defence against forged requests
 * is {@code SameSite}). The token is checked as a bearer token is, by the same validators.
 */
@Singleton
public class SessionCookieReader implements TokenReader<HttpRequest<?>> {

    /** After the {@code Authorization} header, which wins when both are sent. */
    private static final int ORDER = 100;

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        if (!isConsoleRoute(request)) {
            return Optional.empty();
        }
        return request.getCookies().findCookie(SessionCookie.NAME).map(Cookie::getValue)
                .filter(value -> !value.isBlank());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** Whether the request was routed to a {@link ConsolePage} controller. */
    static boolean isConsoleRoute(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request).map(RouteMatch::getRouteInfo)
                .map(route -> route.getDeclaringType().isAnnotationPresent(ConsolePage.class))
                .orElse(false);
    }
}
