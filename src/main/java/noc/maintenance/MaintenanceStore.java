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
import noc.database.SqlFilter;
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
        return read(where + " ORDER BY starts_at", parameter == null ? List.of() : List.of(parameter), where,
                parameter);
    }

    /**
     * A page of the windows {@code where} keeps (a condition on the columns of {@code maintenance_window},
     * with its parameters), latest start first.
     */
    public List<MaintenanceWindow> page(SqlFilter where, int limit, int offset) {
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(limit);
        parameters.add(offset);
        return read(where.where() + " ORDER BY starts_at DESC, reference DESC LIMIT ? OFFSET ?", parameters, null,
                null);
    }

    /** The windows {@code where} keeps, earliest start first, at most {@code limit}. */
    public List<MaintenanceWindow> first(SqlFilter where, int limit) {
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(limit);
        return read(where.where() + " ORDER BY starts_at, reference LIMIT ?", parameters, null, null);
    }

    /**
     * The overrun incidents of windows (PROCEDURE.md P-7.4): the P1 tickets that follow ({@code linked_to})
     * their P5 tickets, by window reference, oldest first.
     */
    public Map<String, List<Overrun>> overruns(Collection<String> references) {
        if (references.isEmpty()) {
            return Map.of();
        }
        return transactions.executeRead(status -> {
            Map<String, List<Overrun>> found = new HashMap<>();
            try (PreparedStatement statement = status.getConnection().prepareStatement(
                    "SELECT linked_to, reference, opened_at, status FROM ticket WHERE linked_to IN ("
                            + String.join(", ", java.util.Collections.nCopies(references.size(), "?"))
                            + ") ORDER BY opened_at, reference")) {
                int i = 1;
                for (String reference : references) {
                    statement.setString(i++, reference);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.computeIfAbsent(rows.getString(1), r -> new ArrayList<>()).add(new Overrun(
                                rows.getString(2), Times.fromColumn(rows, 3), rows.getString(4)));
                    }
                }
                return found;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the overruns of maintenance windows: " + e.getMessage(), e);
            }
        });
    }

    /** A P1 incident opened when an occurrence of a window ended overrun, and its status now. */
    public record Overrun(String reference, java.time.Instant openedAt, String status) {
    }

    /**
     * The windows of {@code tail} (a WHERE clause and order over {@code maintenance_window}, with its
     * parameters) and their scopes: those of {@code scopeWhere} (a condition on {@code reference} with
     * {@code scopeParameter}), or else of the windows read.
     */
    private List<MaintenanceWindow> read(String tail, List<Object> parameters, String scopeWhere,
                                         Object scopeParameter) {
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            try {
                List<Row> rows = new ArrayList<>();
                try (PreparedStatement statement = connection.prepareStatement("""
                        SELECT reference, title, description, starts_at, ends_at, recurrence, recurs_until,
                               operation_open, checked_occurrence, affected_customers, requested_by
                        FROM maintenance_window""" + tail)) {
                    int i = 1;
                    for (Object parameter : parameters) {
                        statement.setObject(i++, parameter);
                    }
                    try (ResultSet found = statement.executeQuery()) {
                        while (found.next()) {
                            rows.add(new Row(found.getString(1), found.getString(2), found.getString(3),
                                    Times.fromColumn(found, 4), Times.fromColumn(found, 5), found.getString(6),
                                    Times.fromColumn(found, 7), found.getBoolean(8), Times.fromColumn(found, 9),
                                    found.getString(10), found.getString(11)));
                        }
                    }
                }
                Map<String, Map<String, List<String>>> scopes = new HashMap<>();
                if (scopeWhere != null || !rows.isEmpty()) {
                    String where = scopeWhere != null ? scopeWhere : " WHERE reference IN ("
                            + String.join(", ", java.util.Collections.nCopies(rows.size(), "?")) + ")";
                    try (PreparedStatement statement = connection.prepareStatement(
                            "SELECT reference, kind, name FROM maintenance_scope" + where + " ORDER BY name")) {
                        if (scopeWhere != null) {
                            bind(statement, scopeParameter);
                        } else {
                            for (int i = 0; i < rows.size(); i++) {
                                statement.setString(i + 1, rows.get(i).reference());
                            }
                        }
                        try (ResultSet found = statement.executeQuery()) {
                            while (found.next()) {
                                scopes.computeIfAbsent(found.getString(1), r -> new HashMap<>())
                                        .computeIfAbsent(found.getString(2), k -> new ArrayList<>())
                                        .add(found.getString(3));
                            }
                        }
                    }
                }
                List<MaintenanceWindow> windows = new ArrayList<>();
                for (Row row : rows) {
                    Map<String, List<String>> scope = scopes.getOrDefault(row.reference(), Map.of());
                    windows.add(new MaintenanceWindow(row.reference(), row.title(), row.description(), row.start(),
                            row.end(), Recurrence.valueOf(row.recurrence()), row.until(),
                            scope.getOrDefault("DEVICE", List.of()), scope.getOrDefault("SITE", List.of()),
                            scope.getOrDefault("SERVICE", List.of()), row.operationOpen(), row.checkedOccurrence(),
                            json.readList(row.affectedCustomers()), row.requestedBy()));
                }
                return windows;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the maintenance windows: " + e.getMessage(), e);
            }
        });
    }

    /** A row of {@code maintenance_window}, before its scope joins it. */
    private record Row(String reference, String title, String description, java.time.Instant start,
                       java.time.Instant end, String recurrence, java.time.Instant until, boolean operationOpen,
                       java.time.Instant checkedOccurrence, String affectedCustomers, String requestedBy) {
    }

    private static void bind(PreparedStatement statement, Object parameter) throws SQLException {
        if (parameter != null) {
            statement.setObject(1, parameter);
        }
    }

}
