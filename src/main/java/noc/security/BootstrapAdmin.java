package noc.security;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micronaut.context.annotation.Requires;
import noc.cluster.Roles;

/**
 * At a start with no user at all, makes {@code admin}: with {@code noc.security.bootstrap-admin-password}
 * when set, else with a generated password written once to the log. Then reads users and tokens.
 */
@Singleton
@Requires(condition = Roles.OwnsDatabase.class)
public class BootstrapAdmin implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdmin.class);
    public static final String ADMIN = "admin";
    /** As for every user: see {@link UserController.UserBody}. */
    static final int MIN_PASSWORD = 10;

    private final SecurityStore store;
    private final Directory directory;
    private final SecurityConfiguration configuration;
    private final Clock clock;

    public BootstrapAdmin(SecurityStore store, Directory directory, SecurityConfiguration configuration, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.configuration = configuration;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (store.userCount() == 0) {
            String given = configuration.bootstrapAdminPassword();
            boolean generated = given == null || given.isBlank();
            if (!generated && given.length() < MIN_PASSWORD) {
                throw new IllegalStateException("noc.security.bootstrap-admin-password must have at least "
                        + MIN_PASSWORD + " characters (as every user's password)");
            }
            String password = generated ? Passwords.random(20) : given;
            Instant now = clock.instant();
            User admin = new User(ADMIN, Passwords.hash(password), EnumSet.of(Role.ADMIN), null, now, now, now, null,
                    null, null);
            if (store.insertUser(admin)) {
                store.audit(AuditEntry.of(now, "system", "USER_CREATED", ADMIN, null,
                        "first start: admin made with the " + (generated ? "generated" : "configured") + " password"));
                if (generated) {
                    // Printed this once only: whoever installs the service reads it and changes it.
                    LOG.warn("No user existed: made user 'admin' with password {} ; log in with POST /login and "
                            + "change it with PUT /api/v1/users/admin (or set NOC_SECURITY_BOOTSTRAP_ADMIN_PASSWORD "
                            + "before the first start)", password);
                } else {
                    LOG.info("No user existed: made user 'admin' with the password of "
                            + "noc.security.bootstrap-admin-password");
                }
            }
        }
        directory.refresh();
    }
}
