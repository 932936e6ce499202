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
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import noc.api.Cursor;
import noc.api.Page;
import noc.api.PageLinks;
import noc.api.PageRequest;
import noc.api.ProblemException;
import noc.api.StrictBody;
import io.micronaut.context.annotation.Requires;
import noc.cluster.Roles;

/** The admin's users: who may log in, with which roles. */
@Controller("/api/v1/users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN_NAME)
@Requires(condition = Roles.OwnsDatabase.class)
public class UserController {

    /** A user name: letters, digits and {@code . _ @ -}. */
    public static final String NAME_PATTERN = "[A-Za-z0-9._@-]{1,64}";

    private final SecurityStore store;
    private final Accounts accounts;

    public UserController(SecurityStore store, Accounts accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    /**
     * A user as the API shows it: never its password hash. {@code language} and {@code timeZone} are
     * null while the person's browser decides.
     */
    @Serdeable
    public record UserView(String username, List<String> roles, @Nullable String customer, Instant createdAt,
                           Instant updatedAt, @Nullable String language, @Nullable String timeZone,
                           boolean disabled) {
        static UserView of(User user) {
            return new UserView(user.username(), user.roles().stream().map(Role::id).sorted().toList(),
                    user.customer(), user.createdAt(), user.updatedAt(), user.language(), user.timeZone(),
                    user.disabled());
        }
    }

    /**
     * A user's settings. {@code password} is required for a new user and optional for an existing one
     * (kept when absent); {@code customer} names the inventory customer of a {@code customer} user.
     * {@code language} ({@code fr}, {@code en}) and {@code timeZone} (an IANA zone) are the person's
     * console settings, kept when absent, cleared by {@code browser}. {@code disabled} true keeps the
     * user but refuses its logins and ends its sessions; false enables it again; kept when absent.
     */
    @Serdeable
    public record UserBody(@Nullable @Size(min = BootstrapAdmin.MIN_PASSWORD, max = 128) String password,
                           @NotEmpty @Size(max = 7) List<@Pattern(regexp = Role.USER_ROLES_PATTERN, message = "must be one of {regexp}")
                                   String> roles,
                           @Nullable @Size(min = 1, max = 255) String customer,
                           @Nullable @Pattern(regexp = "fr|en|browser", message = "must be fr, en or browser")
                           String language,
                           @Nullable @Size(max = 64) String timeZone,
                           @Nullable Boolean disabled) implements StrictBody {
    }

    @Get
    public HttpResponse<List<UserView>> list(@QueryValue @Nullable String after, @QueryValue @Nullable String limit,
                                             HttpRequest<?> request) {
        PageRequest page = PageRequest.of(limit, after, "users", 1);
        List<User> users = store.users(page.after() == null ? null : page.after().text(0), page.fetchSize());
        return PageLinks.ok(request, Page.of(users, page, user -> Cursor.of("users", user.username()))
                .map(UserView::of));
    }

    @Get("/{username}")
    public UserView show(@PathVariable String username) {
        return store.user(username).map(UserView::of)
                .orElseThrow(() -> ProblemException.notFound("No user " + username));
    }

    @Put(uri = "/{username}", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<UserView> save(@PathVariable @Pattern(regexp = NAME_PATTERN) String username,
                                       @Valid @Body UserBody body, Authentication caller, HttpRequest<?> request) {
        Accounts.Saved saved = accounts.save(username, body, caller, request);
        UserView view = UserView.of(saved.user());
        return saved.created() ? HttpResponse.created(view, URI.create("/api/v1/users/" + username))
                : HttpResponse.ok(view);
    }

    @Delete("/{username}")
    public HttpResponse<Void> delete(@PathVariable String username, Authentication caller, HttpRequest<?> request) {
        accounts.delete(username, caller, request);
        return HttpResponse.noContent();
    }
}
