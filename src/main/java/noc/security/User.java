package noc.security;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Set;

/**
 * A person who logs in; {@code customer} binds a customer user to its inventory customer.
 * {@code language} ({@code fr}, {@code en}) and {@code timeZone} (an IANA zone) are the person's own
 * settings for the console, null for "as the browser says". {@code disabledAt}: when an admin
 * disabled the user (it cannot log in), null while it is active.
 */
public record User(String username, String passwordHash, Set<Role> roles, String customer, Instant validAfter,
                   Instant createdAt, Instant updatedAt, String language, String timeZone, Instant disabledAt) {

    public User {
        requireNonNull(username, "username is null");
        requireNonNull(passwordHash, "passwordHash is null");
        roles = Set.copyOf(roles);
        requireNonNull(validAfter, "validAfter is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }

    public boolean disabled() {
        return disabledAt != null;
    }
}
