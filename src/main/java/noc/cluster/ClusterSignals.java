package noc.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import noc.configuration.NodeIdentity;
import noc.database.Times;

/**
 * Changes every engine node must apply, whichever node made them (table {@code cluster_signal}): a
 * node that changed the inventory or reloaded its rules raises the signal's version, and every engine
 * node, reading the table each second, applies what it has not seen yet. Through MariaDB, which every
 * engine already shares, so that a signal is never lost while Kafka or a node is away: a node that
 * starts reads the inventory and rules afresh anyway.
 */
@Singleton
@Requires(condition = Roles.Engine.class)
public class ClusterSignals {

    /** The inventory changed: sessions take it again from MariaDB. */
    public static final String INVENTORY = "inventory";
    /** The rules were reloaded: every engine node reloads its rules folder. */
    public static final String RULES = "rules";

    private static final String RAISE = """
            INSERT INTO cluster_signal (name, version, changed_by, changed_at) VALUES (?, 1, ?, ?)
            ON DUPLICATE KEY UPDATE version = version + 1, changed_by = VALUES(changed_by),
                changed_at = VALUES(changed_at)""";

    private final TransactionOperations<Connection> transactions;
    private final NodeIdentity node;
    private final Clock clock;
    /** The version of each signal this node has applied (or raised itself, when it applies its own change). */
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    public ClusterSignals(TransactionOperations<Connection> transactions, NodeIdentity node, Clock clock) {
        this.transactions = transactions;
        this.node = node;
        this.clock = clock;
    }

    /**
     * Raises signal {@code name} for every engine node; {@code appliedHere} when this node has already
     * applied the change itself, so that it does not apply it again.
     */
    public void raise(String name, boolean appliedHere) {
        long version = transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement raise = connection.prepareStatement(RAISE)) {
                raise.setString(1, name);
                raise.setString(2, node.id());
                raise.setObject(3, Times.toColumn(clock.instant()));
                raise.executeUpdate();
            }
            return versions(connection).getOrDefault(name, 0L);
        });
        if (appliedHere) {
            seen.merge(name, version, Math::max);
        }
    }

    /** Marks every signal as it stands now as seen: a node starting reads everything afresh. */
    public void startingFromNow() {
        seen.putAll(transactions.executeRead(status -> versions(status.getConnection())));
    }

    /**
     * The signals raised since this node last applied them, with their versions; each stays new until
     * {@link #applied} says it was applied here, so that one that failed to apply is tried again.
     */
    public Map<String, Long> news() {
        Map<String, Long> versions = transactions.executeRead(status -> versions(status.getConnection()));
        Map<String, Long> news = new java.util.TreeMap<>();
        versions.forEach((name, version) -> {
            Long before = seen.get(name);
            if (before == null || before < version) {
                news.put(name, version);
            }
        });
        return news;
    }

    /** Signal {@code name} was applied on this node up to {@code version}. */
    public void applied(String name, long version) {
        seen.merge(name, version, Math::max);
    }

    private static Map<String, Long> versions(Connection connection) throws java.sql.SQLException {
        Map<String, Long> versions = new java.util.HashMap<>();
        try (PreparedStatement read = connection.prepareStatement("SELECT name, version FROM cluster_signal");
             ResultSet rows = read.executeQuery()) {
            while (rows.next()) {
                versions.put(rows.getString(1), rows.getLong(2));
            }
        }
        return versions;
    }
}
