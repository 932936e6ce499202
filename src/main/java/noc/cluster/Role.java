package noc.cluster;

import java.util.Arrays;
import java.util.Locale;
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

    /** The role {@code noc.role} names, in any case; a clear error naming the key for anything else. */
    public static Role of(String key) {
        String name = key == null ? "" : key.strip();
        return Arrays.stream(values()).filter(role -> role.key().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("noc.role must be "
                        + Arrays.stream(values()).map(Role::key).collect(Collectors.joining(", ")) + ", not '"
                        + name + "'"));
    }
}
