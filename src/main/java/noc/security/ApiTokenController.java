package noc.security;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import noc.api.Cursor;
import noc.api.Page;
import noc.api.PageLinks;
import noc.api.PageRequest;
import noc.api.StrictBody;
import io.micronaut.context.annotation.Requires;
import noc.cluster.Roles;

/** API tokens for integrations (Alertmanager, Prometheus, scripts): made, listed and revoked by the admin. */
@Controller("/api/v1/api-tokens")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN_NAME)
@Requires(condition = Roles.OwnsDatabase.class)
public class ApiTokenController {

    private final SecurityStore store;
    private final Directory directory;
    private final TokenIssuer issuer;

    public ApiTokenController(SecurityStore store, Directory directory, TokenIssuer issuer) {
        this.store = store;
        this.directory = directory;
        this.issuer = issuer;
    }

    @Serdeable
    public record TokenBody(@NotNull @Pattern(regexp = UserController.NAME_PATTERN,
                                    message = "must be 1 to 64 letters, digits or . _ @ -") String name,
                            @NotEmpty @Size(max = 7) List<@Pattern(regexp = Role.TOKEN_ROLES_PATTERN, message = "must be one of {regexp}")
                                    String> roles) implements StrictBody {
    }

    /** The answer to a creation: the only time the secret is shown. */
    @Serdeable
    public record CreatedToken(String name, String token, List<String> roles) {
    }

    @Serdeable
    public record TokenView(String name, List<String> roles, String createdBy, Instant createdAt,
                            @Nullable Instant lastUsedAt) {
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<CreatedToken> create(@Valid @Body TokenBody body, Authentication caller,
                                             HttpRequest<?> request) {
        TokenIssuer.Issued issued = issuer.issue(body.name(), body.roles(), caller, request);
        return HttpResponse.created(new CreatedToken(body.name(), issued.secret(),
                issued.token().roles().stream().map(Role::id).sorted().toList()),
                URI.create("/api/v1/api-tokens/" + body.name()));
    }

    @Get
    public HttpResponse<List<TokenView>> list(@QueryValue @Nullable String after, @QueryValue @Nullable String limit,
                                              HttpRequest<?> request) {
        PageRequest page = PageRequest.of(limit, after, "api-tokens", 1);
        List<ApiToken> tokens = store.tokens(page.after() == null ? null : page.after().text(0), page.fetchSize());
        return PageLinks.ok(request, Page.of(tokens, page, token -> Cursor.of("api-tokens", token.name()))
                .map(token -> new TokenView(token.name(), token.roles().stream().map(Role::id).sorted().toList(),
                        token.createdBy(), token.createdAt(), directory.lastUse(token).orElse(null))));
    }

    @Delete("/{name}")
    public HttpResponse<Void> revoke(@PathVariable String name, Authentication caller, HttpRequest<?> request) {
        issuer.revoke(name, caller, request);
        return HttpResponse.noContent();
    }
}
