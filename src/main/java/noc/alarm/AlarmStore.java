package noc.alarm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import jakarta.inject.Singleton;
import noc.database.JsonColumns;
import noc.database.MultiRowInsert;
import noc.database.Times;

/** Writes alarms for the engine's cycle transaction, and reads them back to rebuild the session. */
@Singleton
public final class AlarmStore {

    private final AlarmRepository repository;
    private final JsonColumns json;
    private final MultiRowInsert<Alarm> upsert;

    public AlarmStore(AlarmRepository repository, JsonColumns json) {
        this.repository = repository;
        this.json = json;
        this.upsert = new MultiRowInsert<>("""
                INSERT INTO alarm (reduction_key, source_kind, source, name, oid, resource, severity, state,
                                   occurrences, first_seen, last_seen, cleared_at, ticket_reference, attributes,
                                   raises)
                VALUES""", """
                ON DUPLICATE KEY UPDATE severity = VALUES(severity), state = VALUES(state),
                    occurrences = VALUES(occurrences), last_seen = VALUES(last_seen), cleared_at = VALUES(cleared_at),
                    ticket_reference = VALUES(ticket_reference), attributes = VALUES(attributes),
                    raises = VALUES(raises)""", 15, this::bind);
    }

    /** Writes the final state of each changed alarm. */
    public void upsert(Connection connection, Collection<Alarm> alarms) throws SQLException {
        upsert.write(connection, alarms);
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
        statement.setString(i++, alarm.raises().stream().map(r -> Long.toString(r.toEpochMilli()))
                .collect(java.util.stream.Collectors.joining(",")));
        return i;
    }

    /** Every stored alarm, as facts, to rebuild the session. */
    public List<Alarm> loadAll() {
        return repository.findAll().stream().map(this::toFact).toList();
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
