package noc.security;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import noc.api.Problem;
import noc.api.StrictBody;
import noc.api.ProblemException;

/** The admin's users: who may log in, with which roles. */
@Controller("/api/v1/users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN_NAME)
public class UserController {

    /** A user name: letters, digits and {@code . _ @ -}. */
    public static final String NAME_PATTERN = "[A-Za-z0-9._@-]{1,64}";

    private final SecurityStore store;
    private final Directory directory;
    private final Audit audit;
    private final Clock clock;

    public UserController(SecurityStore store, Directory directory, Audit audit, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** A user as the API shows it: never its password hash. */
    @Serdeable
    public record UserView(String username, List<String> roles, @Nullable String customer, Instant createdAt,
                           Instant updatedAt) {
        static UserView of(User user) {
            return new UserView(user.username(), user.roles().stream().map(Role::id).sorted().toList(),
                    user.customer(), user.createdAt(), user.updatedAt());
        }
    }

    /**
     * A user's settings. {@code password} is required for a new user and optional for an existing one
     * (kept when absent); {@code customer} names the inventory customer of a {@code customer} user.
     */
    @Serdeable
    public record UserBody(@Nullable @Size(min = BootstrapAdmin.MIN_PASSWORD, max = 128) String password,
                           @NotEmpty @Size(max = 7) List<@Pattern(regexp = "viewer|operator|rules|admin|intake|metrics|customer",
                                   message = "must be one of viewer, operator, rules, admin, intake, metrics, customer")
                                   String> roles,
                           @Nullable @Size(min = 1, max = 255) String customer) implements StrictBody {
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
        Set<Role> roles = Role.ofAll(body.roles());
        List<Problem.FieldError> errors = new ArrayList<>();
        Optional<User> existing = store.user(username);
        if (existing.isEmpty() && body.password() == null) {
            errors.add(new Problem.FieldError("password", "is required for a new user"));
        }
        if (roles.contains(Role.CUSTOMER)) {
            if (roles.size() > 1) {
                errors.add(new Problem.FieldError("roles", "a customer user has the customer role only"));
            }
            if (body.customer() == null) {
                errors.add(new Problem.FieldError("customer", "is required for the customer role: the name of an "
                        + "inventory customer"));
            } else if (!store.customerExists(body.customer())) {
                errors.add(new Problem.FieldError("customer", "is not a customer of the inventory"));
            }
        } else if (body.customer() != null) {
            errors.add(new Problem.FieldError("customer", "is only for a user with the customer role"));
        }
        if (existing.isEmpty() && directory.isName(username)) {
            errors.add(new Problem.FieldError("username", "is already the name of an API token"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() + " problem(s); nothing was saved", errors);
        }
        if (existing.isPresent() && existing.get().roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            refuseLastAdmin(username);
        }
        Instant now = clock.instant();
        String hash = body.password() != null ? Passwords.hash(body.password()) : existing.get().passwordHash();
        User user = new User(username, hash, roles, body.customer(), now,
                existing.map(User::createdAt).orElse(now), now);
        store.saveUser(user);
        directory.refresh();
        audit.record(caller, existing.isPresent() ? "USER_CHANGED" : "USER_CREATED", username, request,
                "roles " + Role.column(roles) + (body.customer() == null ? "" : ", customer " + body.customer())
                        + (body.password() != null ? ", password set" : ""));
        UserView view = UserView.of(user);
        return existing.isPresent() ? HttpResponse.ok(view)
                : HttpResponse.created(view, URI.create("/api/v1/users/" + username));
    }

    @Delete("/{username}")
    public HttpResponse<Void> delete(@PathVariable String username, Authentication caller, HttpRequest<?> request) {
        User user = store.user(username).orElseThrow(() -> ProblemException.notFound("No user " + username));
        if (user.roles().contains(Role.ADMIN)) {
            refuseLastAdmin(username);
        }
        store.deleteUser(username);
        directory.refresh();
        audit.record(caller, "USER_DELETED", username, request, null);
        return HttpResponse.noContent();
    }

    private void refuseLastAdmin(String username) {
        boolean otherAdmin = store.allUsers().stream()
                .anyMatch(u -> !u.username().equals(username) && u.roles().contains(Role.ADMIN));
        if (!otherAdmin) {
            throw new ProblemException(HttpStatus.CONFLICT, "last-admin", username + " is the last admin: make "
                    + "another admin first", List.of());
        }
    }
}
