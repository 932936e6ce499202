package noc.security;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import noc.api.ProblemException;
import io.micronaut.context.annotation.Requires;
import noc.cluster.Roles;

/**
 * Makes and revokes API tokens, with their checks and audit entries: the one way both the REST API
 * ({@code /api/v1/api-tokens}) and the console's admin page go. A token's secret exists only in the
 * answer to its creation; only its SHA-256 is kept.
 */
@Singleton
@Requires(condition = Roles.OwnsDatabase.class)
public class TokenIssuer {

    private final SecurityStore store;
    private final Directory directory;
    private final Audit audit;
    private final Clock clock;

    public TokenIssuer(SecurityStore store, Directory directory, Audit audit, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new token and its secret, to be shown once. */
    public record Issued(ApiToken token, String secret) {
    }

    /**
     * Makes token {@code name} with {@code roles} (their constraints already checked).
     *
     * @throws ProblemException 400 ({@link AccountChecksFailed}) when a user has the name, 409 when a token has it
     */
    public Issued issue(String name, List<String> roles, Authentication caller, HttpRequest<?> request) {
        Set<Role> granted = Role.ofAll(roles);
        if (directory.user(name).isPresent()) {
            throw new AccountChecksFailed("name is taken", List.of(AccountCheck.TOKEN_NAME_OF_USER));
        }
        String secret = ApiTokens.newSecret();
        ApiToken token = new ApiToken(name, ApiTokens.hash(secret), granted, caller.getName(), clock.instant(), null);
        if (!store.insertToken(token)) {
            throw new ProblemException(HttpStatus.CONFLICT, "exists", "A token named " + name
                    + " exists: revoke it first (DELETE /api/v1/api-tokens/" + name + ")", List.of());
        }
        directory.refresh();
        audit.record(caller, "TOKEN_CREATED", name, request, "roles " + Role.column(granted));
        return new Issued(token, secret);
    }

    /**
     * Revokes token {@code name}: refused from now on by this instance, within
     * {@code noc.security.directory-refresh} by others.
     *
     * @throws ProblemException 404 for no such token
     */
    public void revoke(String name, Authentication caller, HttpRequest<?> request) {
        if (!store.deleteToken(name)) {
            throw ProblemException.notFound("No API token " + name);
        }
        directory.refresh();
        audit.record(caller, "TOKEN_REVOKED", name, request, null);
    }
}
