package noc.cluster;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one correlator process does ({@code noc.role}). {@code all} is the single process of today,
 * which receives, correlates and notifies; issue #14 splits it into {@code collector}s, which receive
 * and publish to Kafka, and {@code engine}s, which consume and correlate.
 */
public enum Role {
    ALL,
    COLLECTOR,
    ENGINE;

    /** The role as {@code noc.role} names it. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Settings a node of this role runs with, over anything its configuration says. A collector owns
     * no database: it opens no connection pool and migrates nothing (Micronaut would connect at start
     * and fail without one), and it neither issues nor checks login tokens, whose users and signing key
     * live in MariaDB: integrations reach it with API tokens, from the directory topic. Nor does it
     * serve the console's files or Swagger UI.
     */
    public Map<String, Object> impliedSettings() {
        return switch (this) {
            case ALL, ENGINE -> Map.of();
            case COLLECTOR -> Map.of(
                    "datasources.default.enabled", false,
                    "flyway.datasources.default.enabled", false,
                    "micronaut.security.token.jwt.enabled", false,
                    "micronaut.security.endpoints.login.enabled", false,
                    // no console and no API document to show
                    "micronaut.router.static-resources.swagger-ui.enabled", false,
                    "micronaut.router.static-resources.webjars.enabled", false,
                    "micronaut.router.static-resources.console.enabled", false);
        };
    }

    /**
     * {@link #impliedSettings()} of the role {@code key} names; none when it names no role, which the
     * start then refuses by name.
     */
    public static Map<String, Object> settingsImpliedBy(String key) {
        try {
            return of(key == null ? ALL.key() : key).impliedSettings();
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }

    /** The role {@code noc.role} names, in any case; a clear error naming the key for anything else. */
    public static Role of(String key) {
        String name = key == null ? "" : key.strip();
        return Arrays.stream(values()).filter(role -> role.key().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("noc.role must be "
                        + Arrays.stream(values()).map(Role::key).collect(Collectors.joining(", ")) + ", not '"
                        + name + "'"));
    }
}
