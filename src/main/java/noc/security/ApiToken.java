package noc.security;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Set;

/** An integration's token, known by the SHA-256 of its secret. */
public record ApiToken(String name, String tokenHash, Set<Role> roles, String createdBy, Instant createdAt,
                       Instant lastUsedAt) {

    public ApiToken {
        requireNonNull(name, "name is null");
        requireNonNull(tokenHash, "tokenHash is null");
        roles = Set.copyOf(roles);
        requireNonNull(createdBy, "createdBy is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
