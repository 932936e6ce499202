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
import noc.api.ProblemException;
import io.micronaut.context.annotation.Requires;
import noc.cluster.Roles;

/**
 * Makes, changes and deletes users, with their checks and audit entries: the one way both the REST
 * API ({@code /api/v1/users}) and the console's admin pages go, so the two refuse and record the same.
 * Also keeps a person's own settings (language, time zone), which end no session.
 */
@Singleton
@Requires(condition = Roles.OwnsDatabase.class)
public class Accounts {

    /** The value of {@code language} or {@code timeZone} that clears it: as the person's browser says. */
    public static final String BROWSER = "browser";
    public static final List<String> LANGUAGES = List.of("fr", "en");
    /** The JDK's zone ids, read once: {@link ZoneId#getAvailableZoneIds()} copies them on every call. */
    private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

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
     * Makes or changes user {@code username} as {@code body} says (its constraints already checked), as
     * {@code PUT /api/v1/users/{username}} does. A change of password, roles, customer or of its being
     * disabled ends the user's sessions; settings alone do not.
     *
     * @throws ProblemException 400 ({@link AccountChecksFailed}) naming each wrong field, 409 for the last
     *                           active admin or the caller's own admin role
     */
    public Saved save(String username, UserController.UserBody body, Authentication caller, HttpRequest<?> request) {
        Optional<User> existing = store.user(username);
        User user = checked(username, body, existing, caller);
        store.saveUser(user);
        directory.refresh();
        audit.record(caller, existing.isPresent() ? "USER_CHANGED" : "USER_CREATED", username, request,
                detail(body, user, existing));
        return new Saved(user, existing.isEmpty());
    }

    /**
     * Makes user {@code username}, never replacing one: its row is inserted, and an insert that finds
     * the name taken (by a user made meanwhile, on this instance or another) changes nothing.
     *
     * @throws ProblemException 409 of type {@code exists} when a user has the name, 400
     *                           ({@link AccountChecksFailed}) naming each wrong field
     */
    public User create(String username, UserController.UserBody body, Authentication caller,
                       HttpRequest<?> request) {
        if (store.user(username).isPresent()) {
            throw exists(username);
        }
        User user = checked(username, body, Optional.empty(), caller);
        if (!store.insertUser(user)) {
            throw exists(username);
        }
        directory.refresh();
        audit.record(caller, "USER_CREATED", username, request, detail(body, user, Optional.empty()));
        return user;
    }

    /** The user {@code body} makes of {@code existing} (or of nothing), once every check has passed. */
    private User checked(String username, UserController.UserBody body, Optional<User> existing,
                         Authentication caller) {
        Set<Role> roles = Role.ofAll(body.roles());
        List<AccountCheck> failed = new ArrayList<>();
        if (!username.matches(UserController.NAME_PATTERN)) {
            failed.add(AccountCheck.USERNAME_FORMAT);
        }
        if (existing.isEmpty() && body.password() == null) {
            failed.add(AccountCheck.PASSWORD_REQUIRED);
        }
        if (roles.contains(Role.CUSTOMER)) {
            if (roles.size() > 1) {
                failed.add(AccountCheck.CUSTOMER_ROLE_ALONE);
            }
            if (body.customer() == null) {
                failed.add(AccountCheck.CUSTOMER_REQUIRED);
            } else if (!store.customerExists(body.customer())) {
                failed.add(AccountCheck.CUSTOMER_UNKNOWN);
            }
        } else if (body.customer() != null) {
            failed.add(AccountCheck.CUSTOMER_WITHOUT_ROLE);
        }
        if (existing.isEmpty() && directory.isTokenName(username)) {
            failed.add(AccountCheck.USERNAME_OF_TOKEN);
        }
        String language = setting(body.language(), existing.map(User::language).orElse(null));
        String timeZone = setting(body.timeZone(), existing.map(User::timeZone).orElse(null));
        if (timeZone != null && !isZone(timeZone)) {
            failed.add(AccountCheck.TIME_ZONE_UNKNOWN);
        }
        if (!failed.isEmpty()) {
            throw new AccountChecksFailed(failed.size() + " problem(s); nothing was saved", failed);
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
        return new User(username, hash, roles, body.customer(),
                endsSessions ? now : existing.get().validAfter(), existing.map(User::createdAt).orElse(now), now,
                language, timeZone, disabledAt);
    }

    /** The audit entry's detail of a save. */
    private static String detail(UserController.UserBody body, User saved, Optional<User> existing) {
        return "roles " + Role.column(saved.roles()) + (body.customer() == null ? "" : ", customer " + body.customer())
                + (body.password() != null ? ", password set" : "")
                + (saved.disabledAt() != null ? ", disabled" : "")
                + (saved.disabledAt() == null && existing.map(User::disabled).orElse(false) ? ", enabled" : "");
    }

    private static ProblemException exists(String username) {
        return new ProblemException(HttpStatus.CONFLICT, "exists", "A user named " + username + " exists: change it "
                + "with PUT /api/v1/users/" + username, List.of());
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
        List<AccountCheck> failed = new ArrayList<>();
        String chosenLanguage = setting(language, null);
        String chosenZone = setting(timeZone, null);
        if (chosenLanguage != null && !LANGUAGES.contains(chosenLanguage)) {
            failed.add(AccountCheck.LANGUAGE_UNKNOWN);
        }
        if (chosenZone != null && !isZone(chosenZone)) {
            failed.add(AccountCheck.TIME_ZONE_UNKNOWN);
        }
        if (!failed.isEmpty()) {
            throw new AccountChecksFailed(failed.size() + " problem(s); nothing was saved", failed);
        }
        if (!store.saveSettings(username, chosenLanguage, chosenZone, clock.instant())) {
            throw ProblemException.notFound("No user " + username);
        }
        directory.refresh();
    }

    /** Whether {@code id} is a time zone the JDK knows: by region (Europe/Paris) or not (UTC, Etc/GMT+3). */
    public static boolean isZone(String id) {
        return ZONES.contains(id);
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
