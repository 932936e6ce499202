package noc.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import noc.api.Problem;
import noc.api.ProblemException;

/**
 * Makes, changes and deletes users, with their checks and audit entries: the one way both the REST
 * API ({@code /api/v1/users}) and the console's admin pages go, so the two refuse and record the same.
 * Also keeps a person's own settings (language, time zone), which end no session.
 */
@Singleton
public class Accounts {

    /** The value of {@code language} or {@code timeZone} that clears it: as the person's browser says. */
    public static final String BROWSER = "browser";
    public static final List<String> LANGUAGES = List.of("fr", "en");

    private final SecurityStore store;
    private final Directory directory;
    private final Audit audit;
    private final Clock clock;

    public Accounts(SecurityStore store, Directory directory, Audit audit, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** What was saved, and whether the user is new. */
    public record Saved(User user, boolean created) {
    }

    /**
     * Makes or changes user {@code username} as {@code body} says (its constraints already checked).
     * A change of password, roles, customer or of its being disabled ends the user's sessions; settings
     * alone do not.
     *
     * @throws ProblemException 400 naming each wrong field, 409 for the last active admin or the caller's own
     *                           admin role
     */
    public Saved save(String username, UserController.UserBody body, Authentication caller, HttpRequest<?> request) {
        Set<Role> roles = Role.ofAll(body.roles());
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!username.matches(UserController.NAME_PATTERN)) {
            errors.add(new Problem.FieldError("username", "must be 1 to 64 letters, digits or . _ @ -"));
        }
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
        String language = setting(body.language(), existing.map(User::language).orElse(null));
        String timeZone = setting(body.timeZone(), existing.map(User::timeZone).orElse(null));
        if (timeZone != null && !isZone(timeZone)) {
            errors.add(new Problem.FieldError("timeZone", "is not an IANA time zone (such as Europe/Paris) nor "
                    + BROWSER));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() + " problem(s); nothing was saved", errors);
        }
        Instant now = clock.instant();
        Instant disabledAt = body.disabled() == null ? existing.map(User::disabledAt).orElse(null)
                : body.disabled() ? existing.map(User::disabledAt).orElse(now) : null;
        boolean wasActiveAdmin = existing.isPresent() && existing.get().roles().contains(Role.ADMIN)
                && !existing.get().disabled();
        if (wasActiveAdmin && !roles.contains(Role.ADMIN)) {
            refuseOwnAdmin(username, caller, "take the admin role from yourself");
            refuseLastAdmin(username);
        }
        if (wasActiveAdmin && disabledAt != null) {
            refuseOwnAdmin(username, caller, "disable yourself");
            refuseLastAdmin(username);
        }
        String hash = body.password() != null ? Passwords.hash(body.password()) : existing.get().passwordHash();
        // Sessions end when what they were granted under changes, not for a person's settings.
        boolean endsSessions = existing.isEmpty() || body.password() != null
                || !existing.get().roles().equals(roles) || !Objects.equals(existing.get().customer(), body.customer())
                || !Objects.equals(existing.get().disabledAt(), disabledAt);
        User user = new User(username, hash, roles, body.customer(),
                endsSessions ? now : existing.get().validAfter(), existing.map(User::createdAt).orElse(now), now,
                language, timeZone, disabledAt);
        store.saveUser(user);
        directory.refresh();
        audit.record(caller, existing.isPresent() ? "USER_CHANGED" : "USER_CREATED", username, request,
                "roles " + Role.column(roles) + (body.customer() == null ? "" : ", customer " + body.customer())
                        + (body.password() != null ? ", password set" : "")
                        + (disabledAt != null ? ", disabled" : "")
                        + (disabledAt == null && existing.map(User::disabled).orElse(false) ? ", enabled" : ""));
        return new Saved(user, existing.isEmpty());
    }

    /**
     * Deletes user {@code username}, ending its sessions.
     *
     * @throws ProblemException 404 for no such user, 409 for the last admin or the caller themself
     */
    public void delete(String username, Authentication caller, HttpRequest<?> request) {
        User user = store.user(username).orElseThrow(() -> ProblemException.notFound("No user " + username));
        if (user.roles().contains(Role.ADMIN)) {
            refuseOwnAdmin(username, caller, "delete yourself");
            refuseLastAdmin(username);
        }
        store.deleteUser(username);
        directory.refresh();
        audit.record(caller, "USER_DELETED", username, request, null);
    }

    /**
     * A person's own language and time zone ({@code null} or {@link #BROWSER}: as the browser says),
     * in force from their next page on this instance. Their sessions go on.
     *
     * @throws ProblemException 400 naming a wrong field
     */
    public void saveSettings(String username, String language, String timeZone) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String chosenLanguage = setting(language, null);
        String chosenZone = setting(timeZone, null);
        if (chosenLanguage != null && !LANGUAGES.contains(chosenLanguage)) {
            errors.add(new Problem.FieldError("language", "must be fr, en or " + BROWSER));
        }
        if (chosenZone != null && !isZone(chosenZone)) {
            errors.add(new Problem.FieldError("timeZone", "is not an IANA time zone (such as Europe/Paris) nor "
                    + BROWSER));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() + " problem(s); nothing was saved", errors);
        }
        if (!store.saveSettings(username, chosenLanguage, chosenZone, clock.instant())) {
            throw ProblemException.notFound("No user " + username);
        }
        directory.refresh();
    }

    /** Whether {@code id} names a time zone by region (Europe/Paris), as a person would choose one. */
    public static boolean isZone(String id) {
        return ZoneId.getAvailableZoneIds().contains(id);
    }

    /** A setting as given: left out, kept; {@link #BROWSER} or blank, cleared. */
    private static String setting(String given, String kept) {
        if (given == null) {
            return kept;
        }
        return given.isBlank() || given.equals(BROWSER) ? null : given.strip();
    }

    // An admin who took their own role away or deleted themself would be out at once, mid-change.
    private static void refuseOwnAdmin(String username, Authentication caller, String what) {
        if (caller.getName().equals(username)) {
            throw new ProblemException(HttpStatus.CONFLICT, "own-admin", "You cannot " + what
                    + ": another admin can", List.of());
        }
    }

    private void refuseLastAdmin(String username) {
        boolean otherAdmin = store.allUsers().stream()
                .anyMatch(u -> !u.username().equals(username) && u.roles().contains(Role.ADMIN) && !u.disabled());
        if (!otherAdmin) {
            throw new ProblemException(HttpStatus.CONFLICT, "last-admin", username + " is the last active admin: "
                    + "make another admin first", List.of());
        }
    }
}
