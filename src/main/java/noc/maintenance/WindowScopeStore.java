package noc.maintenance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import noc.database.JsonColumns;
import noc.database.PendingRows;

/**
 * The maintenance windows a session holds that other sessions must know ({@link WindowScope},
 * table {@code window_scope}; role {@code engine}): written in the holding session's cycle, sent by the
 * engines' publisher as {@code AccessStore}'s rows are ({@link PendingRows}).
 */
@Singleton
public final class WindowScopeStore {

    private static final String WRITE = """
            INSERT INTO window_scope (reference, domain, scope, pending, updated_at) VALUES (?, ?, ?, TRUE, ?)
            ON DUPLICATE KEY UPDATE scope = VALUES(scope), pending = TRUE, updated_at = VALUES(updated_at)""";

    private final JsonColumns json;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final PendingRows<WindowScope> pending;

    public WindowScopeStore(JsonColumns json, TransactionOperations<Connection> transactions, Clock clock) {
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
        this.pending = new PendingRows<>(
                "SELECT scope FROM window_scope WHERE pending LIMIT ? FOR UPDATE SKIP LOCKED",
                "UPDATE window_scope SET pending = FALSE WHERE reference = ? AND domain = ?",
                row -> json.read(row.getString(1), WindowScope.class), WindowScope::domain, scope -> scope,
                (done, scope) -> {
                    done.setString(1, scope.reference());
                    done.setString(2, scope.domain());
                });
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

    /** Sends up to {@code limit} pending rows, each keyed by its domain ({@link PendingRows}); how many. */
    public int send(int limit, PendingRows.Sender sender, Duration wait) {
        return transactions.executeWrite(status -> pending.send(status.getConnection(), limit, sender, wait));
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
