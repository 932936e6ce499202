package noc.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a correlator committed, read straight from its MariaDB with JDBC. */
public final class StoredRows {

    private StoredRows() {
    }

    /** A connection to the database of {@code datasource} (as {@link TestDatabase#fresh} returns it). */
    public static Connection connect(Map<String, Object> datasource) throws SQLException {
        return DriverManager.getConnection(String.valueOf(datasource.get("datasources.default.url")),
                String.valueOf(datasource.get("datasources.default.username")),
                String.valueOf(datasource.get("datasources.default.password")));
    }

    /**
     * The rows {@code sql} selects on the database of {@code datasource}, with {@code parameters} bound in
     * order, each row its columns' values: for a test's look at what a node stored.
     */
    public static List<List<Object>> select(Map<String, Object> datasource, String sql, Object... parameters)
            throws SQLException {
        List<List<Object>> found = new java.util.ArrayList<>();
        try (Connection connection = connect(datasource); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<Object> row = new java.util.ArrayList<>(columns);
                    for (int column = 1; column <= columns; column++) {
                        row.add(rows.getObject(column));
                    }
                    found.add(row);
                }
            }
        }
        return found;
    }

    /** Each stored alarm's occurrence count by source, for the sources starting with {@code prefix}. */
    public static Map<String, Long> occurrencesBySource(Connection connection, String prefix) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT source, occurrences FROM alarm WHERE source LIKE ?")) {
            statement.setString(1, prefix + "%");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.merge(rows.getString(1), rows.getLong(2), Long::sum);
                }
            }
        }
        return counts;
    }

    /**
     * The inputs not stored exactly once: each source of {@code expected} whose stored count is not 1 (0 when
     * it is missing), and each other stored source counted more than once. Empty when all is well.
     */
    public static Map<String, Long> notStoredOnce(Map<String, Long> stored, java.util.Set<String> expected) {
        Map<String, Long> wrong = new java.util.TreeMap<>();
        expected.forEach(source -> {
            long count = stored.getOrDefault(source, 0L);
            if (count != 1) {
                wrong.put(source, count);
            }
        });
        stored.forEach((source, count) -> {
            if (count != 1) {
                wrong.put(source, count);
            }
        });
        return wrong;
    }

    /** The occurrences of all stored alarms of one intake ({@code SNMP}, {@code GENERIC} …), summed. */
    public static long occurrences(Connection connection, String sourceKind) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COALESCE(SUM(occurrences), 0) FROM alarm WHERE source_kind = ?")) {
            statement.setString(1, sourceKind);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** A stored ticket, as a client could have seen it. */
    public record TicketRow(String reference, String title, String openedAt) {
    }

    /** Every stored ticket, in the order they opened. */
    public static List<TicketRow> tickets(Connection connection) throws SQLException {
        List<TicketRow> tickets = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT reference, title, opened_at FROM ticket ORDER BY opened_at, reference")) {
            while (rows.next()) {
                tickets.add(new TicketRow(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        return tickets;
    }
}
