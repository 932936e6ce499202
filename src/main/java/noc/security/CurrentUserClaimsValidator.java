package noc.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import io.micronaut.context.annotation.Requires;
import noc.cluster.Roles;

/**
 * A login token stays good only while its user exists, active, with the settings (password, roles,
 * customer) it was issued under: deleting a user or changing them ends their sessions. The token carries the
 * time of the user's last change ({@link LoginProvider#SESSION_CLAIM}), which must still be current.
 */
@Singleton
@Requires(condition = Roles.OwnsDatabase.class)
public class CurrentUserClaimsValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private final Directory directory;

    public CurrentUserClaimsValidator(Directory directory) {
        this.directory = directory;
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        Object subject = claims.get(Claims.SUBJECT);
        if (!(claims.get(LoginProvider.SESSION_CLAIM) instanceof Number session) || subject == null) {
            return false;
        }
        return directory.user(subject.toString())
                .map(user -> !user.disabled() && user.validAfter().toEpochMilli() == session.longValue())
                .orElse(false);
    }
}
