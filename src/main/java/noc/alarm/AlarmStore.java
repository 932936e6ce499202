package noc.alarm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import noc.api.Cursor;
import noc.api.Page;
import noc.database.JsonColumns;
import noc.database.MultiRowInsert;
import noc.database.SqlFilter;
import noc.database.Times;

/** Writes alarms for the engine's cycle transaction, and reads them back to rebuild the session. */
@Singleton
public final class AlarmStore {

    private final JsonColumns json;
    private final MultiRowInsert<Alarm> upsert;
    private final MultiRowInsert<Identified> upsertById;
    private final AlarmRowIds ids = new AlarmRowIds(AlarmRowIds.KEPT);
    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;

    public AlarmStore(JsonColumns json, TransactionOperations<Connection> transactions, JdbcOperations jdbc) {
        this.json = json;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.upsert = new MultiRowInsert<>("INSERT INTO alarm (" + COLUMNS + ") VALUES", ON_DUPLICATE, 15,
                this::bind);
        this.upsertById = new MultiRowInsert<>("INSERT INTO alarm (id, " + COLUMNS + ") VALUES", ON_DUPLICATE, 16,
                (statement, index, row) -> {
                    statement.setLong(index, row.id());
                    return bind(statement, index + 1, row.alarm());
                });
    }

    /** The columns {@link #bind} binds, in its order. */
    private static final String COLUMNS = "reduction_key, source_kind, source, name, oid, resource, severity, "
            + "state, occurrences, first_seen, last_seen, cleared_at, ticket_reference, attributes, raises";
    /** What an upsert changes in a row that exists (on its id, or on its reduction key). */
    private static final String ON_DUPLICATE = """
            ON DUPLICATE KEY UPDATE first_seen = VALUES(first_seen), severity = VALUES(severity),
                state = VALUES(state),
                occurrences = VALUES(occurrences), last_seen = VALUES(last_seen), cleared_at = VALUES(cleared_at),
                ticket_reference = VALUES(ticket_reference), attributes = VALUES(attributes),
                raises = VALUES(raises)""";

    /** An alarm and the id of its row. */
    private record Identified(long id, Alarm alarm) {
    }

    /**
     * Writes the final state of each changed alarm. {@code first_seen} is written too: an alarm retired
     * from the session (noc.retention.cleared-alarms) whose reduction key comes back is a new alarm,
     * which takes over the row of the old one (whose story stays in its ticket's journal).
     */
    public void upsert(Connection connection, Collection<Alarm> alarms) throws SQLException {
        List<Identified> known = new ArrayList<>(alarms.size());
        List<Alarm> unknown = new ArrayList<>();
        for (Alarm alarm : alarms) {
            Long id = ids.get(alarm.reductionKey());
            if (id != null) {
                known.add(new Identified(id, alarm));
            } else {
                unknown.add(alarm);
            }
        }
        upsertById.write(connection, known);
        if (!unknown.isEmpty()) {
            upsert.write(connection, unknown);
            readIds(connection, unknown);
        }
    }

    /** Reads the row ids of {@code alarms}, just written, into {@link #ids}. */
    private void readIds(Connection connection, List<Alarm> alarms) throws SQLException {
        int at = 0;
        while (at < alarms.size()) {
            int count = MultiRowInsert.statementSize(alarms.size() - at);
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, reduction_key FROM alarm WHERE reduction_key IN (?"
                            + ", ?".repeat(count - 1) + ")")) {
                for (int i = 0; i < count; i++) {
                    statement.setString(i + 1, alarms.get(at + i).reductionKey());
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.put(rows.getString(2), rows.getLong(1));
                    }
                }
            }
            at += count;
        }
    }

    private int bind(PreparedStatement statement, int index, Alarm alarm) throws SQLException {
        int i = index;
        statement.setString(i++, alarm.reductionKey());
        statement.setString(i++, alarm.sourceKind().name());
        statement.setString(i++, alarm.source());
        statement.setString(i++, alarm.name());
        statement.setString(i++, alarm.oid());
        statement.setString(i++, alarm.resource());
        statement.setString(i++, alarm.severity().name());
        statement.setString(i++, alarm.state().name());
        statement.setLong(i++, alarm.count());
        statement.setObject(i++, Times.toColumn(alarm.firstSeen()));
        statement.setObject(i++, Times.toColumn(alarm.lastSeen()));
        statement.setObject(i++, Times.toColumn(alarm.clearedAt()));
        statement.setString(i++, alarm.ticketReference());
        statement.setString(i++, Attributes.toJson(alarm.attributes()));
        statement.setString(i++, raisesColumn(alarm.raises()));
        return i;
    }

    /** The raise times as the column holds them: epoch milliseconds, comma-separated. */
    private static String raisesColumn(List<java.time.Instant> raises) {
        StringBuilder column = new StringBuilder(raises.size() * 14);
        for (java.time.Instant raise : raises) {
            if (!column.isEmpty()) {
                column.append(',');
            }
            column.append(raise.toEpochMilli());
        }
        return column.toString();
    }

    /**
     * For each open ticket with alarms, the least source among them: where an engine sharing the work
     * by correlation domain finds which partition the ticket belongs to (its alarms' domain). Alarms that
     * another session's ticket holds (alarm_ticket) do not count: their ticket lives in their home's.
     */
    public java.util.Map<String, String> sourcesOfOpenTickets() {
        // An alarm whose ticket another session gave it (its services' home: alarm_ticket) is not counted.
        String sql = "SELECT a.ticket_reference, MIN(a.source) FROM alarm a JOIN ticket t ON t.reference = "
                + "a.ticket_reference WHERE t.status <> 'CLOSED' AND NOT EXISTS (SELECT 1 FROM alarm_ticket x "
                + "WHERE x.alarm_key = a.reduction_key AND x.ticket_reference = a.ticket_reference) "
                + "GROUP BY a.ticket_reference";
        return transactions.executeRead(status -> {
            java.util.Map<String, String> sources = new java.util.HashMap<>();
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sources.put(rows.getString(1), rows.getString(2));
                }
            }
            return sources;
        });
    }

    /**
     * The alarms a session starts from: the raised ones, those cleared at or after {@code clearedAfter}
     * (noc.retention.cleared-alarms), and the older cleared ones whose ticket is still open (the same
     * rule as the engine's retirement). Three disjoint index ranges, read with plain JDBC: at 100,000
     * alarms the row mapping is most of the startup. Their row ids are kept for the
     * upserts (see {@link AlarmRowIds}).
     */
    public List<Alarm> loadForSession(java.time.Instant clearedAfter) {
        String columns = "SELECT a.reduction_key, a.source_kind, a.source, a.name, a.oid, a.resource, a.severity, "
                + "a.state, a.occurrences, a.first_seen, a.last_seen, a.cleared_at, a.ticket_reference, a.attributes, "
                + "a.raises, a.id FROM alarm a";
        String sql = columns + " WHERE a.state = 'RAISED'"
                + " UNION ALL " + columns + " WHERE a.state = 'CLEARED' AND a.cleared_at >= ?"
                + " UNION ALL " + columns + " JOIN ticket t ON t.reference = a.ticket_reference"
                + " WHERE a.state = 'CLEARED' AND (a.cleared_at < ? OR a.cleared_at IS NULL) AND t.status <> 'CLOSED'";
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                statement.setObject(1, Times.toColumn(clearedAfter));
                statement.setObject(2, Times.toColumn(clearedAfter));
                statement.setFetchSize(1000);
                List<Alarm> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Alarm alarm = new Alarm(rows.getString(1), SourceKind.valueOf(rows.getString(2)),
                                rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                                Severity.valueOf(rows.getString(7)), AlarmState.valueOf(rows.getString(8)),
                                rows.getLong(9), Times.fromColumn(rows, 10), Times.fromColumn(rows, 11),
                                Times.fromColumn(rows, 12), rows.getString(13), json.readMap(rows.getString(14)),
                                raises(rows.getString(15)));
                        found.add(alarm);
                        ids.put(alarm.reductionKey(), rows.getLong(16));
                    }
                }
                return found;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot load the alarms: " + e.getMessage(), e);
            }
        });
    }

    /**
     * One page of the alarms {@code query} selects, last seen first ({@code last_seen}, then id, both
     * descending): a keyset query that reads at most one row more than the page. An alarm seen again
     * while a client pages moves to the front: that walk does not show it again.
     */
    public Page<Alarm> list(AlarmQuery query) {
        int limit = query.page().fetchSize();
        String order = " ORDER BY last_seen DESC, id DESC LIMIT ?";
        List<Object> parameters = new ArrayList<>();
        String sql;
        if (query.source() == null && query.state() == AlarmQuery.StateFilter.ALL) {
            // No index holds last_seen alone (every repeat would move the alarm's entry in it): both
            // states are one range each of the state index, merged.
            SqlFilter raised = filter(query, AlarmState.RAISED);
            SqlFilter cleared = filter(query, AlarmState.CLEARED);
            sql = "(SELECT * FROM alarm FORCE INDEX (alarm_state_last_seen)" + raised.where() + order
                    + ") UNION ALL (SELECT * FROM alarm FORCE INDEX (alarm_state_last_seen)" + cleared.where() + order
                    + ")" + order;
            parameters.addAll(raised.parameters());
            parameters.add(limit);
            parameters.addAll(cleared.parameters());
            parameters.add(limit);
        } else {
            SqlFilter filter = filter(query, switch (query.state()) {
                case RAISED -> AlarmState.RAISED;
                case CLEARED -> AlarmState.CLEARED;
                case ALL -> null;
            });
            // Given an equality filter, MariaDB 10.11 prefers a ref on the index prefix to a range that
            // also covers last_seen, and then reads every row before the cursor: the hint keeps the
            // range. The alarms of one source are read by source and sorted: they are few, and an
            // index holding their last_seen would move at every repeat.
            String index = query.source() != null ? "alarm_source" : "alarm_state_last_seen";
            sql = "SELECT * FROM alarm FORCE INDEX (" + index + ")" + filter.where() + order;
            parameters.addAll(filter.parameters());
        }
        parameters.add(limit);
        List<AlarmRow> rows = transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                List<AlarmRow> found = new ArrayList<>();
                try (ResultSet results = statement.executeQuery()) {
                    while (results.next()) {
                        found.add(jdbc.readEntity(results, AlarmRow.class));
                    }
                }
                return found;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot list alarms: " + e.getMessage(), e);
            }
        });
        return Page.of(rows, query.page(), AlarmStore::cursor).map(this::toFact);
    }

    /** The conditions of {@code query}, of one {@code state} (null: any), its cursor included. */
    private static SqlFilter filter(AlarmQuery query, AlarmState state) {
        SqlFilter filter = new SqlFilter();
        if (state != null) {
            filter.and("state = ?", state.name());
        }
        if (query.source() != null) {
            filter.and("source = ?", query.source());
        }
        if (query.name() != null) {
            filter.and("name = ?", query.name());
        }
        filter.in("severity", query.severities().stream().map(Severity::name).sorted().toList());
        Cursor after = query.page().after();
        if (after != null) {
            Object lastSeen = Times.toColumn(after.instant(0));
            long id = after.number(1);
            // The redundant "<=" lets MariaDB start the index range at the cursor instead of scanning up to it.
            filter.and("last_seen <= ? AND (last_seen < ? OR id < ?)", lastSeen, lastSeen, id);
        }
        return filter;
    }

    /**
     * The {@code limit} raised alarms last seen, of any of {@code severities} (all when empty), that
     * {@code search} finds, the last seen first: the console's board. One index range
     * (alarm_state_last_seen), read from its end until {@code limit} alarms match.
     */
    public List<Alarm> recentlyRaised(Set<Severity> severities, AlarmSearch search, int limit) {
        return recent(AlarmState.RAISED, "alarm_state_last_seen", "last_seen", severities, search, limit);
    }

    /**
     * The {@code limit} alarms cleared last, of any of {@code severities} (all when empty), that
     * {@code search} finds, the last cleared first: the console's history. One index range
     * (alarm_state_cleared_at, V18, whose rows InnoDB orders by id within a time), read from its end
     * until {@code limit} alarms match, so that a filter reaches back past the alarms cleared last.
     */
    public List<Alarm> recentlyCleared(Set<Severity> severities, AlarmSearch search, int limit) {
        return recent(AlarmState.CLEARED, "alarm_state_cleared_at", "cleared_at", severities, search, limit);
    }

    /** The device of an alarm as the console shows it: the one with its source as an address, else the one so named. */
    private static final String DEVICE = "COALESCE((SELECT da.device FROM device_address da WHERE da.address = a.source),"
            + " a.source)";
    /** Whether the alarm's device has an address-owner whose name is like the parameter. */
    private static final String DEVICE_LIKE = "EXISTS (SELECT 1 FROM device_address da WHERE da.address = a.source"
            + " AND LOWER(da.device) LIKE ? ESCAPE '!')";
    /**
     * Whether a customer of one of the alarm's device's services has a name like the parameter. The
     * subquery does not depend on the alarm: MariaDB reads it once into a hashed set and still walks
     * the alarms in index order (a correlated EXISTS let it start from the inventory and sort every alarm).
     */
    private static final String CUSTOMER_LIKE = DEVICE + " IN (SELECT ds.device FROM device_service ds"
            + " JOIN service s ON s.reference = ds.service WHERE LOWER(s.customer) LIKE ? ESCAPE '!')";

    private List<Alarm> recent(AlarmState state, String index, String time, Set<Severity> severities,
                               AlarmSearch search, int limit) {
        SqlFilter filter = new SqlFilter().and("a.state = ?", state.name());
        filter.in("a.severity", severities.stream().map(Severity::name).sorted().toList());
        if (search.source() != null) {
            String part = SqlFilter.containing(search.source());
            filter.and("LOWER(a.source) LIKE ? ESCAPE '!' OR " + DEVICE_LIKE, part, part);
        }
        if (search.customer() != null) {
            filter.and(CUSTOMER_LIKE, SqlFilter.containing(search.customer()));
        }
        if (search.text() != null) {
            String part = SqlFilter.containing(search.text());
            filter.and("LOWER(a.name) LIKE ? ESCAPE '!' OR LOWER(a.source) LIKE ? ESCAPE '!'"
                    + " OR LOWER(a.resource) LIKE ? ESCAPE '!' OR LOWER(a.ticket_reference) LIKE ? ESCAPE '!'"
                    + " OR " + DEVICE_LIKE + " OR " + CUSTOMER_LIKE, part, part, part, part, part, part);
        }
        String sql = "SELECT a.* FROM alarm a FORCE INDEX (" + index + ")" + filter.where()
                + " ORDER BY a." + time + " DESC, a.id DESC LIMIT ?";
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                statement.setInt(filter.bind(statement), limit);
                List<Alarm> found = new ArrayList<>();
                try (ResultSet results = statement.executeQuery()) {
                    while (results.next()) {
                        found.add(toFact(jdbc.readEntity(results, AlarmRow.class)));
                    }
                }
                return found;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot list " + state.name().toLowerCase(java.util.Locale.ROOT)
                        + " alarms: " + e.getMessage(), e);
            }
        });
    }

    private static Cursor cursor(AlarmRow row) {
        return Cursor.of(AlarmQuery.LIST, Times.fromColumn(row.lastSeen()), row.id());
    }

    public Alarm toFact(AlarmRow row) {
        return new Alarm(row.reductionKey(), SourceKind.valueOf(row.sourceKind()), row.source(), row.name(),
                row.oid(), row.resource(), Severity.valueOf(row.severity()), AlarmState.valueOf(row.state()),
                row.occurrences(), Times.fromColumn(row.firstSeen()), Times.fromColumn(row.lastSeen()),
                Times.fromColumn(row.clearedAt()), row.ticketReference(), json.readMap(row.attributes()),
                raises(row.raises()));
    }

    private static List<java.time.Instant> raises(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(column.split(",")).map(m -> java.time.Instant.ofEpochMilli(Long.parseLong(m)))
                .toList();
    }
}
