package noc.maintenance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import noc.database.JsonColumns;
import noc.database.Times;

/** Writes maintenance windows in the engine's cycle transaction, and reads them back. */
@Singleton
public class MaintenanceStore {

    private static final String UPSERT = """
            INSERT INTO maintenance_window (reference, title, description, starts_at, ends_at, recurrence, recurs_until,
                                            operation_open, checked_occurrence, affected_customers, requested_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE operation_open = VALUES(operation_open),
                checked_occurrence = VALUES(checked_occurrence)""";

    private final TransactionOperations<Connection> transactions;
    private final JsonColumns json;

    public MaintenanceStore(TransactionOperations<Connection> transactions, JsonColumns json) {
        this.transactions = transactions;
        this.json = json;
    }

    public void upsert(Connection connection, Collection<MaintenanceWindow> windows) throws SQLException {
        for (MaintenanceWindow window : windows) {
            int inserted;
            try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
                int i = 1;
                statement.setString(i++, window.reference());
                statement.setString(i++, window.title());
                statement.setString(i++, window.description());
                statement.setObject(i++, Times.toColumn(window.start()));
                statement.setObject(i++, Times.toColumn(window.end()));
                statement.setString(i++, window.recurrence().name());
                statement.setObject(i++, Times.toColumn(window.until()));
                statement.setBoolean(i++, window.operationOpen());
                statement.setObject(i++, Times.toColumn(window.checkedOccurrence()));
                statement.setString(i++, json.write(window.affectedCustomers()));
                statement.setString(i, window.requestedBy());
                inserted = statement.executeUpdate();
            }
            if (inserted == 1) { // a new window: its scope, which never changes
                try (PreparedStatement statement = connection.prepareStatement(
                        "INSERT IGNORE INTO maintenance_scope (reference, kind, name) VALUES (?, ?, ?)")) {
                    addScope(statement, window.reference(), "DEVICE", window.devices());
                    addScope(statement, window.reference(), "SITE", window.sites());
                    addScope(statement, window.reference(), "SERVICE", window.services());
                    statement.executeBatch();
                }
            }
        }
    }

    private static void addScope(PreparedStatement statement, String reference, String kind, List<String> names)
            throws SQLException {
        for (String name : names) {
            statement.setString(1, reference);
            statement.setString(2, kind);
            statement.setString(3, name);
            statement.addBatch();
        }
    }

    public List<MaintenanceWindow> loadAll() {
        return load("", null);
    }

    /**
     * The windows a session starts from: all but those whose ticket closed before {@code closedBefore}
     * (noc.retention.closed-tickets), which can no longer take an alarm; left out by MariaDB, so that a
     * rebuild does not read every window ever planned.
     */
    public List<MaintenanceWindow> loadForSession(java.time.Instant closedBefore) {
        return load(" WHERE reference NOT IN (SELECT t.reference FROM ticket t "
                + "WHERE t.status = 'CLOSED' AND t.updated_at < ?)", Times.toColumn(closedBefore));
    }

    /** One window by its reference. */
    public java.util.Optional<MaintenanceWindow> find(String reference) {
        return load(" WHERE reference = ?", reference).stream().findFirst();
    }

    /** The windows {@code where} keeps (a condition on {@code reference}, with one parameter or none). */
    private List<MaintenanceWindow> load(String where, Object parameter) {
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            try {
                Map<String, Map<String, List<String>>> scopes = new HashMap<>();
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT reference, kind, name FROM maintenance_scope" + where + " ORDER BY name")) {
                    bind(statement, parameter);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            scopes.computeIfAbsent(rows.getString(1), r -> new HashMap<>())
                                    .computeIfAbsent(rows.getString(2), k -> new ArrayList<>()).add(rows.getString(3));
                        }
                    }
                }
                List<MaintenanceWindow> windows = new ArrayList<>();
                try (PreparedStatement statement = connection.prepareStatement("""
                        SELECT reference, title, description, starts_at, ends_at, recurrence, recurs_until,
                               operation_open, checked_occurrence, affected_customers, requested_by
                        FROM maintenance_window""" + where + " ORDER BY starts_at")) {
                    bind(statement, parameter);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            String window = rows.getString(1);
                            Map<String, List<String>> scope = scopes.getOrDefault(window, Map.of());
                            windows.add(new MaintenanceWindow(window, rows.getString(2), rows.getString(3),
                                    Times.fromColumn(rows, 4), Times.fromColumn(rows, 5), Recurrence.valueOf(rows.getString(6)),
                                    Times.fromColumn(rows, 7), scope.getOrDefault("DEVICE", List.of()),
                                    scope.getOrDefault("SITE", List.of()), scope.getOrDefault("SERVICE", List.of()),
                                    rows.getBoolean(8), Times.fromColumn(rows, 9), json.readList(rows.getString(10)),
                                    rows.getString(11)));
                        }
                    }
                }
                return windows;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the maintenance windows: " + e.getMessage(), e);
            }
        });
    }

    private static void bind(PreparedStatement statement, Object parameter) throws SQLException {
        if (parameter != null) {
            statement.setObject(1, parameter);
        }
    }

}
