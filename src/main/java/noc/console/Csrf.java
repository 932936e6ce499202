package noc.console;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import noc.database.AppSecrets;

/**
 * Protects the console's forms against cross-site request forgery. Each browser holds a random
 * {@code noc_csrf} cookie (HttpOnly, SameSite=Strict); each form carries {@code csrfToken}, the
 * HMAC of that cookie under a key kept in MariaDB. A POST is taken only when its field matches its
 * cookie: another site can neither read the cookie nor compute the HMAC, and a cookie planted
 * without its token is worth nothing. (Micronaut Security's CSRF module is not published for the
 * platform's version, so the console does this itself, in the same double-submit way.)
 */
@Singleton
public class Csrf {

    /** The form field that carries the token. */
    public static final String FIELD = "csrfToken";
    static final String COOKIE = "noc_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final ConsoleConfiguration configuration;

    public Csrf(TransactionOperations<Connection> transactions, ConsoleConfiguration configuration) {
        this.key = Base64.getDecoder().decode(AppSecrets.getOrCreate(transactions, "console-csrf", 32));
        this.configuration = configuration;
    }

    /** A page's form token for {@code request}; {@code response} gets the cookie it needs when the browser has none. */
    public String token(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Optional<String> held = cookie(request);
        if (held.isPresent()) {
            return sign(held.get());
        }
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(fresh);
        response.cookie(SessionCookie.strict(Cookie.of(COOKIE, value), configuration.secureCookie()));
        return sign(value);
    }

    /** Whether {@code given} (the form's field) is the token of the request's cookie. */
    public boolean accepts(HttpRequest<?> request, String given) {
        return given != null && cookie(request).map(value -> MessageDigest.isEqual(
                sign(value).getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
    }

    private static Optional<String> cookie(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(value -> value.length() >= 32);
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
