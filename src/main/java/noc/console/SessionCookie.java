package noc.console;

import java.time.Duration;

import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import jakarta.inject.Singleton;

/**
 * The console's session: the login JWT in a cookie that scripts cannot read ({@code HttpOnly}) and
 * that other sites cannot send ({@code SameSite=Strict}), {@code Secure} when configured. It lasts as
 * long as the token (a working shift).
 */
@Singleton
public class SessionCookie {

    /** The cookie's name. */
    public static final String NAME = "noc_session";

    private final ConsoleConfiguration configuration;
    private final AccessTokenConfiguration tokens;

    public SessionCookie(ConsoleConfiguration configuration, AccessTokenConfiguration tokens) {
        this.configuration = configuration;
        this.tokens = tokens;
    }

    /** The cookie that carries {@code jwt}. */
    public Cookie of(String jwt) {
        return strict(Cookie.of(NAME, jwt), configuration.secureCookie())
                .maxAge(Duration.ofSeconds(tokens.getExpiration()));
    }

    /** The cookie that makes the browser forget the session. */
    public Cookie cleared() {
        return strict(Cookie.of(NAME, ""), configuration.secureCookie()).maxAge(0);
    }

    static Cookie strict(Cookie cookie, boolean secure) {
        return cookie.httpOnly(true).sameSite(SameSite.Strict).secure(secure).path("/");
    }
}
