package noc.security;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One line of the audit: who ({@code actor}, a user or token name, or the name tried at a failed
 * login) did what ({@code action}, such as {@code LOGIN_FAILED} or {@code USER_SAVED}) to what.
 */
@Serdeable
public record AuditEntry(long id, Instant at, String actor, String action, @Nullable String target,
                         @Nullable String address, @Nullable String detail) {

    public AuditEntry {
        requireNonNull(at, "at is null");
        requireNonNull(actor, "actor is null");
        requireNonNull(action, "action is null");
    }

    public static AuditEntry of(Instant at, String actor, String action, String target, String address,
                                String detail) {
        return new AuditEntry(0, at, actor, action, target, address, detail);
    }
}
