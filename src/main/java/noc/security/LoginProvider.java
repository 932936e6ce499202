package noc.security;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import io.micronaut.context.annotation.Requires;
import noc.cluster.Roles;

/**
 * Checks {@code POST /login}: the user's Argon2id hash, after the throttle. Each outcome is audited
 * and counted in {@code noc_security_logins_total{result}}.
 */
@Singleton
@Requires(condition = Roles.OwnsDatabase.class)
public class LoginProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    /** The JWT claim that binds a customer user to its inventory customer. */
    public static final String CUSTOMER_CLAIM = "customer";
    /** The {@code result} labels of {@code noc_security_logins_total}. */
    public static final List<String> RESULTS = List.of("success", "failure", "throttled");
    /** The JWT claim that ties a login token to the user's settings it was issued under. */
    public static final String SESSION_CLAIM = "session";
    /** Longer names and passwords are refused unchecked: no user has them, and hashing them costs. */
    static final int MAX_USERNAME = 64;
    static final int MAX_PASSWORD = 1024;
    private static final int HASHING = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());

    private final Semaphore hashing = new Semaphore(HASHING);

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
        for (String result : RESULTS) {
            outcomes.put(result, meters.counter("noc.security.logins", "result", result));
        }
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                               AuthenticationRequest<String, String> credentials) {
        String username = String.valueOf(credentials.getIdentity());
        String password = String.valueOf(credentials.getSecret());
        String address = String.valueOf(Audit.address(request));
        Instant now = clock.instant();
        boolean oversized = username.length() > MAX_USERNAME || password.length() > MAX_PASSWORD;
        if (oversized) {
            username = username.substring(0, Math.min(username.length(), MAX_USERNAME));
        }
        LoginThrottle.Decision decision = throttle.attempt(username, address, now);
        if (decision.delay().isPresent()) {
            outcomes.get("throttled").increment();
            long seconds = Math.max(1, decision.delay().get().toSeconds());
            if (decision.firstRefusal()) {
                // Once per wait, not per attempt: a flood of refused attempts writes no flood of rows.
                audit.record(username, "LOGIN_THROTTLED", null, request, "refused unchecked for " + seconds + " s");
            }
            return AuthenticationResponse.failure("Too many failed logins: try again in " + seconds + " s");
        }
        Optional<User> user = oversized ? Optional.empty() : directory.user(username);
        if (!checkPassword(password, user, oversized)) {
            outcomes.get("failure").increment();
            audit.record(username, "LOGIN_FAILED", null, request, oversized ? "name or password too long"
                    : user.isPresent() ? "wrong password" : "unknown user");
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        if (user.get().disabled()) {
            outcomes.get("failure").increment();
            audit.record(username, "LOGIN_FAILED", null, request, "user disabled");
            return AuthenticationResponse.failure(AuthenticationFailureReason.USER_DISABLED);
        }
        throttle.succeeded(username, address);
        outcomes.get("success").increment();
        audit.record(username, "LOGIN", null, request, null);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(SESSION_CLAIM, user.get().validAfter().toEpochMilli());
        if (user.get().customer() != null) {
            attributes.put(CUSTOMER_CLAIM, user.get().customer());
        }
        return AuthenticationResponse.success(username, Role.granted(user.get().roles()), attributes);
    }

    /**
     * Checks a password against the user's hash (or a decoy's, for an unknown user, so both take the
     * same time). At most {@link #HASHING} checks run at once: each holds 19 MiB, and a burst of
     * logins must not take the heap; a login that finds no room in 5 s fails.
     */
    private boolean checkPassword(String password, Optional<User> user, boolean oversized) {
        if (oversized) {
            return false;
        }
        try {
            if (!hashing.tryAcquire(5, TimeUnit.SECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            if (user.isEmpty()) {
                Passwords.checkDecoy(password);
                return false;
            }
            return Passwords.matches(password, user.get().passwordHash());
        } finally {
            hashing.release();
        }
    }
}
