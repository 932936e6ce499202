package noc.console;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import noc.api.Problem;
import noc.api.ProblemException;
import noc.security.AccountChecksFailed;
import noc.security.Accounts;
import noc.security.Role;
import noc.security.SecurityStore;
import noc.security.User;
import noc.security.UserController;

/**
 * The admin's users ({@code /admin/users}): a paged, filtered list, a form to make one, and a page
 * per user to change its roles, customer or password, or delete it. Each change goes through
 * {@link Accounts}, as {@code PUT} and {@code DELETE /api/v1/users/{username}} do, with the same checks
 * (the form's fields against {@link UserController.UserBody}'s constraints first) and audit entries.
 */
@Controller
@ConsolePage
@Hidden
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminUsersController {

    static final String ADMIN = "/admin";
    static final String USERS = ADMIN + "/users";
    static final int PAGE_SIZE = 50;

    private final SecurityStore store;
    private final Accounts accounts;
    private final PortalForms forms;
    private final Csrf csrf;
    private final MessageSource messages;
    private final HttpLocaleResolver locales;

    public AdminUsersController(SecurityStore store, Accounts accounts, PortalForms forms, Csrf csrf,
                                MessageSource messages, HttpLocaleResolver locales) {
        this.store = store;
        this.accounts = accounts;
        this.forms = forms;
        this.csrf = csrf;
        this.messages = messages;
        this.locales = locales;
    }

    /**
     * What the user forms post: {@code roles} repeated, one per ticked box; a blank password keeps the
     * user's (any other is taken as typed, spaces and all, as the API takes it); a blank customer is
     * none; {@code disabled} is there when its box is ticked.
     */
    @Introspected
    @Serdeable
    public record UserForm(@Nullable String csrfToken, @Nullable String username, @Nullable String password,
                           @Nullable List<String> roles, @Nullable String customer, @Nullable String disabled) {

        static UserForm empty() {
            return new UserForm(null, "", "", List.of("viewer"), "", null);
        }

        static UserForm of(User user) {
            return new UserForm(null, user.username(), "", user.roles().stream().map(Role::id).toList(),
                    user.customer() == null ? "" : user.customer(), user.disabled() ? "on" : null);
        }

        /** The API's body for this form: the person's own settings are left as they are. */
        UserController.UserBody body() {
            return new UserController.UserBody(password == null || password.isBlank() ? null : password,
                    roles == null ? List.of() : roles, ConsoleParameters.blankToNull(customer), null, null,
                    disabled != null && !disabled.isBlank());
        }

        public List<String> chosenRoles() {
            return roles == null ? List.of() : roles;
        }
    }

    /** A row of the list. */
    public record Row(String username, String roles, @Nullable String customer, @Nullable String language,
                      @Nullable String timeZone, java.time.Instant updatedAt, boolean disabled) {

        static Row of(User user) {
            return new Row(user.username(), Role.column(user.roles()).replace(",", ", "), user.customer(),
                    user.language(), user.timeZone(), user.updatedAt(), user.disabled());
        }
    }

    /** What the delete button posts. */
    @Introspected
    @Serdeable
    public record DeleteForm(@Nullable String csrfToken) {
    }

    /** The top bar's "Admin": its first page. */
    @Get(uri = ADMIN, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> admin() {
        return HttpResponse.seeOther(URI.create(USERS));
    }

    @Get(uri = USERS, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> list(HttpRequest<?> request, Authentication caller, @QueryValue @Nullable String q,
                                @QueryValue @Nullable String role, @QueryValue @Nullable String after,
                                @QueryValue @Nullable String deleted) {
        return listPage(request, caller, HttpResponse.ok(), q, role, after, UserForm.empty(), Map.of(), deleted);
    }

    @Post(uri = USERS, consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> create(HttpRequest<?> request, Authentication caller, @Body UserForm form) {
        if (!csrf.accepts(request, form.csrfToken())) {
            return listPage(request, caller, HttpResponse.status(HttpStatus.BAD_REQUEST), null, null, null, form,
                    Map.of("csrfToken", "expired"), null);
        }
        String username = form.username() == null ? "" : form.username().strip();
        UserController.UserBody body = form.body();
        Map<String, String> errors = new HashMap<>(forms.errors(body, request));
        HttpStatus status = HttpStatus.BAD_REQUEST;
        if (errors.isEmpty()) {
            try {
                accounts.create(username, body, caller, request);
            } catch (AccountChecksFailed invalid) {
                errors.putAll(checks(request, invalid));
            } catch (ProblemException taken) {
                // 409: a user has the name, found first or by the insert itself (made meanwhile); never replaced.
                status = taken.status();
                errors.put("username", text(request, "admin.users.exists"));
            }
        }
        if (!errors.isEmpty()) {
            return listPage(request, caller, HttpResponse.status(status), null, null, null, form, errors, null);
        }
        return HttpResponse.seeOther(saved(username));
    }

    @Get(uri = USERS + "/{username}", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> show(HttpRequest<?> request, Authentication caller, @PathVariable String username,
                                @QueryValue @Nullable String saved) {
        return store.user(username)
                .<HttpResponse<?>>map(user -> userPage(request, caller, HttpResponse.ok(), user, UserForm.of(user),
                        Map.of(), saved != null))
                .orElseGet(() -> missing(request, caller, username));
    }

    @Post(uri = USERS + "/{username}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> change(HttpRequest<?> request, Authentication caller, @PathVariable String username,
                                  @Body UserForm form) {
        User user = store.user(username).orElse(null);
        if (user == null) {
            return missing(request, caller, username);
        }
        Map<String, String> errors = csrf.accepts(request, form.csrfToken()) ? save(username, form, caller, request)
                : Map.of("csrfToken", "expired");
        if (!errors.isEmpty()) {
            return userPage(request, caller, HttpResponse.status(errors.containsKey("refusal") ? HttpStatus.CONFLICT
                    : HttpStatus.BAD_REQUEST), user, form, errors, false);
        }
        return HttpResponse.seeOther(saved(username));
    }

    @Post(uri = USERS + "/{username}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public HttpResponse<?> delete(HttpRequest<?> request, Authentication caller, @PathVariable String username,
                                  @Body DeleteForm form) {
        User user = store.user(username).orElse(null);
        if (user == null) {
            return missing(request, caller, username);
        }
        if (!csrf.accepts(request, form.csrfToken())) {
            return userPage(request, caller, HttpResponse.status(HttpStatus.BAD_REQUEST), user, UserForm.of(user),
                    Map.of("csrfToken", "expired"), false);
        }
        try {
            accounts.delete(username, caller, request);
        } catch (ProblemException refused) {
            return userPage(request, caller, HttpResponse.status(refused.status()), user, UserForm.of(user),
                    Map.of("refusal", refusal(request, refused)), false);
        }
        return HttpResponse.seeOther(UriBuilder.of(USERS).queryParam("deleted", username).build());
    }

    /** Saves through {@link Accounts} after the API body's constraints; the problems by field, none when saved. */
    private Map<String, String> save(String username, UserForm form, Authentication caller, HttpRequest<?> request) {
        UserController.UserBody body = form.body();
        Map<String, String> errors = new HashMap<>(forms.errors(body, request));
        if (errors.isEmpty()) {
            try {
                accounts.save(username, body, caller, request);
            } catch (AccountChecksFailed invalid) {
                errors.putAll(checks(request, invalid));
            } catch (ProblemException refused) {
                errors.put("refusal", refusal(request, refused));
            }
        }
        return errors;
    }

    /** Each failed check next to its field, in the page's language (the first of each field). */
    private Map<String, String> checks(HttpRequest<?> request, AccountChecksFailed invalid) {
        Map<String, String> errors = new HashMap<>();
        invalid.failed().forEach(check -> errors.putIfAbsent(check.field(), text(request, check.key())));
        return errors;
    }

    private static URI saved(String username) {
        return UriBuilder.of(USERS).path(username).queryParam("saved", 1).build();
    }

    private MutableHttpResponse<Object> listPage(HttpRequest<?> request, Authentication caller,
                                                 MutableHttpResponse<Object> response, @Nullable String q,
                                                 @Nullable String role, @Nullable String after, UserForm form,
                                                 Map<String, String> errors, @Nullable String deleted) {
        String name = q == null || q.isBlank() ? null : q.strip();
        Role holding = null;
        if (role != null && !role.isBlank()) {
            holding = Role.of(role.strip()).orElseThrow(() -> ProblemException.badRequest("role is not a role",
                    List.of(new Problem.FieldError("role", "must be one of " + String.join(", ", Role.ids())))));
        }
        if (name != null && name.length() > 64) {
            throw ProblemException.badRequest("q is too long", List.of(new Problem.FieldError("q",
                    "must be at most 64 characters")));
        }
        List<User> found = store.users(after == null || after.isBlank() ? null : after, PAGE_SIZE + 1, name, holding);
        Map<String, Object> model = new HashMap<>();
        model.put("user", caller.getName());
        model.put("csrfToken", csrf.token(request, response));
        model.put("users", found.stream().limit(PAGE_SIZE).map(Row::of).toList());
        model.put("next", found.size() > PAGE_SIZE ? found.get(PAGE_SIZE - 1).username() : null);
        model.put("q", name == null ? "" : name);
        model.put("role", holding == null ? "" : holding.id());
        model.put("roles", Role.ids());
        model.put("form", form);
        model.put("errors", errors);
        model.put("deleted", deleted);
        return response.body(new ModelAndView<>("admin-users", model));
    }

    private MutableHttpResponse<Object> userPage(HttpRequest<?> request, Authentication caller,
                                                 MutableHttpResponse<Object> response, User shown, UserForm form,
                                                 Map<String, String> errors, boolean saved) {
        Map<String, Object> model = new HashMap<>();
        model.put("user", caller.getName());
        model.put("csrfToken", csrf.token(request, response));
        model.put("shown", shown);
        model.put("self", shown.username().equals(caller.getName()));
        model.put("roles", Role.ids());
        model.put("form", form);
        model.put("errors", errors);
        model.put("saved", saved);
        return response.body(new ModelAndView<>("admin-user", model));
    }

    private MutableHttpResponse<Object> missing(HttpRequest<?> request, Authentication caller, String username) {
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.NOT_FOUND);
        Map<String, Object> model = new HashMap<>();
        model.put("user", caller.getName());
        model.put("csrfToken", csrf.token(request, response));
        model.put("username", username);
        return response.body(new ModelAndView<>("admin-missing", model));
    }

    /** Why {@link Accounts} refused, in the page's language: the last admin, or the caller's own admin role. */
    private String refusal(HttpRequest<?> request, ProblemException refused) {
        return messages.getMessage("admin.users.refused." + refused.type(), locales.resolveOrDefault(request))
                .orElse(refused.getMessage());
    }

    private String text(HttpRequest<?> request, String key) {
        return messages.getMessage(key, locales.resolveOrDefault(request)).orElse(key);
    }
}
