package noc.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

/**
 * Checks {@code POST /login}: the user's Argon2id hash, after the throttle. Each outcome is audited
 * and counted in {@code noc_security_logins_total{result}}.
 */
@Singleton
public class LoginProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    /** The JWT claim that binds a customer user to its inventory customer. */
    public static final String CUSTOMER_CLAIM = "customer";
    /** The JWT claim that ties a login token to the user's settings it was issued under. */
    public static final String SESSION_CLAIM = "session";

    private final Directory directory;
    private final LoginThrottle throttle;
    private final Audit audit;
    private final Clock clock;
    private final Map<String, Counter> outcomes = new HashMap<>();

    public LoginProvider(Directory directory, LoginThrottle throttle, Audit audit, Clock clock, MeterRegistry meters) {
        this.directory = directory;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
        for (String result : new String[] {"success", "failure", "throttled"}) {
            outcomes.put(result, Counter.builder("noc.security.logins").tag("result", result)
                    .description("Logins at POST /login, by result: success, failure (wrong name or password), "
                            + "throttled (refused unchecked after repeated failures)")
                    .register(meters));
        }
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                               AuthenticationRequest<String, String> credentials) {
        String username = String.valueOf(credentials.getIdentity());
        String password = String.valueOf(credentials.getSecret());
        String address = Audit.address(request);
        Instant now = clock.instant();
        String actor = username.length() > 64 ? username.substring(0, 64) : username;
        Optional<Duration> wait = throttle.wait(username, String.valueOf(address), now);
        if (wait.isPresent()) {
            outcomes.get("throttled").increment();
            audit.record(actor, "LOGIN_THROTTLED", null, request, "refused unchecked; "
                    + wait.get().toSeconds() + " s to wait");
            return AuthenticationResponse.failure("Too many failed logins: try again in "
                    + Math.max(1, wait.get().toSeconds()) + " s");
        }
        Optional<User> user = directory.user(username);
        boolean matches;
        if (user.isPresent()) {
            matches = Passwords.matches(password, user.get().passwordHash());
        } else {
            Passwords.checkDecoy(password);
            matches = false;
        }
        if (!matches) {
            throttle.failed(username, String.valueOf(address), now);
            outcomes.get("failure").increment();
            audit.record(actor, "LOGIN_FAILED", null, request, user.isPresent() ? "wrong password" : "unknown user");
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        throttle.succeeded(username, String.valueOf(address));
        outcomes.get("success").increment();
        audit.record(username, "LOGIN", null, request, null);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(SESSION_CLAIM, user.get().validAfter().toEpochMilli());
        if (user.get().customer() != null) {
            attributes.put(CUSTOMER_CLAIM, user.get().customer());
        }
        return AuthenticationResponse.success(username, Role.granted(user.get().roles()), attributes);
    }
}
