package noc.security;

import java.time.Clock;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import io.micronaut.context.annotation.Requires;
import noc.cluster.Roles;

/** Writes the audit: logins, failed logins and every admin change. */
@Singleton
@Requires(condition = Roles.OwnsDatabase.class)
public class Audit {

    private final SecurityStore store;
    private final Clock clock;

    public Audit(SecurityStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void record(String actor, String action, String target, HttpRequest<?> request, String detail) {
        store.audit(AuditEntry.of(clock.instant(), actor, action, target, address(request), detail));
    }

    public void record(Authentication actor, String action, String target, HttpRequest<?> request, String detail) {
        record(actor.getName(), action, target, request, detail);
    }

    /** The caller's address, as the connection shows it (not a header a client can write). */
    public static String address(HttpRequest<?> request) {
        if (request == null || request.getRemoteAddress() == null
                || request.getRemoteAddress().getAddress() == null) {
            return null;
        }
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}
