package noc.maintenance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Future;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import noc.alarm.AccessStore;
import noc.database.JsonColumns;

/**
 * The maintenance windows a session holds that other sessions must know ({@link WindowScope},
 * table {@code window_scope}; role {@code engine}): written in the holding session's cycle, sent by the
 * engines' publisher as {@code AccessStore} sends the alarms that cross domains.
 */
@Singleton
public final class WindowScopeStore {

    private static final String WRITE = """
            INSERT INTO window_scope (reference, domain, scope, pending, updated_at) VALUES (?, ?, ?, TRUE, ?)
            ON DUPLICATE KEY UPDATE scope = VALUES(scope), pending = TRUE, updated_at = VALUES(updated_at)""";

    private final JsonColumns json;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    public WindowScopeStore(JsonColumns json, TransactionOperations<Connection> transactions, Clock clock) {
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Writes a cycle's window scopes, pending until sent, in the cycle's transaction. */
    public void write(Connection connection, Collection<WindowScope> scopes) throws SQLException {
        if (scopes.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(WRITE)) {
            for (WindowScope scope : scopes) {
                statement.setString(1, scope.reference());
                statement.setString(2, scope.domain());
                statement.setString(3, json.write(scope));
                statement.setTimestamp(4, Timestamp.from(clock.instant()));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Claims up to {@code limit} pending rows no other node is sending, sends each keyed by its domain,
     * waits until every one is acknowledged and marks them sent, in one transaction (as
     * {@link AccessStore#send}). How many were sent.
     */
    public int send(int limit, AccessStore.Sender sender, Duration wait) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            List<WindowScope> claimed = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT scope FROM window_scope "
                    + "WHERE pending LIMIT ? FOR UPDATE SKIP LOCKED")) {
                select.setInt(1, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(json.read(rows.getString(1), WindowScope.class));
                    }
                }
            }
            if (claimed.isEmpty()) {
                return 0;
            }
            List<Future<?>> acknowledged = new ArrayList<>();
            try (PreparedStatement done = connection.prepareStatement(
                    "UPDATE window_scope SET pending = FALSE WHERE reference = ? AND domain = ?")) {
                for (WindowScope scope : claimed) {
                    acknowledged.add(sender.send(scope.domain(), scope));
                    done.setString(1, scope.reference());
                    done.setString(2, scope.domain());
                    done.addBatch();
                }
                AccessStore.await(acknowledged, wait);
                done.executeBatch();
            }
            return claimed.size();
        });
    }

    /** Forgets the rows sent before {@code before}: a rebuilt session reads the windows themselves. */
    public void purge(Instant before) {
        transactions.executeWrite(status -> {
            try (PreparedStatement delete = status.getConnection().prepareStatement(
                    "DELETE FROM window_scope WHERE NOT pending AND updated_at < ?")) {
                delete.setTimestamp(1, Timestamp.from(before));
                delete.executeUpdate();
            }
            return null;
        });
    }
}
