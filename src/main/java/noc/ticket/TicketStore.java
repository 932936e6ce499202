package noc.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import noc.api.Cursor;
import noc.api.Page;
import noc.database.JsonColumns;
import noc.database.MultiRowInsert;
import noc.database.SqlFilter;
import noc.database.Times;

/** Writes tickets and their journal for the engine's cycle transaction, and reads them back. */
@Singleton
public final class TicketStore {

    private static final String UPSERT_TICKET_HEAD = """
            INSERT INTO ticket (reference, status, priority, title, priority_reason, group_key, opened_at, updated_at,
                                linked_to, major, restore_objective_ms, paused_ms, waiting_since, breached,
                                question_asked_at, escalation_level, escalated_at, escalation_acknowledgement_due,
                                escalation_acknowledged_by, escalation_breach_escalated, resolved_at, customers,
                                watchers)
            VALUES""";
    private static final String UPSERT_TICKET_TAIL = """
            ON DUPLICATE KEY UPDATE status = VALUES(status), priority = VALUES(priority), title = VALUES(title),
                priority_reason = VALUES(priority_reason), group_key = VALUES(group_key),
                updated_at = VALUES(updated_at), linked_to = VALUES(linked_to),
                major = VALUES(major), restore_objective_ms = VALUES(restore_objective_ms),
                paused_ms = VALUES(paused_ms), waiting_since = VALUES(waiting_since), breached = VALUES(breached),
                question_asked_at = VALUES(question_asked_at), escalation_level = VALUES(escalation_level),
                escalated_at = VALUES(escalated_at),
                escalation_acknowledgement_due = VALUES(escalation_acknowledgement_due),
                escalation_acknowledged_by = VALUES(escalation_acknowledged_by),
                escalation_breach_escalated = VALUES(escalation_breach_escalated), resolved_at = VALUES(resolved_at),
                customers = VALUES(customers), watchers = VALUES(watchers)""";
    /** The counter of a year moves on by a block at once: the row's write lock serialises the processes. */
    private static final String RESERVE_NUMBERS = """
            INSERT INTO ticket_reference_counter (year, last_value) VALUES (?, ?)
            ON DUPLICATE KEY UPDATE last_value = last_value + VALUES(last_value)""";

    private final TicketRepository tickets;
    private final JsonColumns json;
    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;
    private final MultiRowInsert<Ticket> ticketUpsert = new MultiRowInsert<>(UPSERT_TICKET_HEAD, UPSERT_TICKET_TAIL,
            23, this::bindTicket);
    private final MultiRowInsert<JournalEntry> journalInsert = new MultiRowInsert<>(
            "INSERT INTO ticket_journal (ticket_reference, at, author_kind, author, action, text, facts, visibility, "
                    + "repeat_count, last_at, wording, note) VALUES", "", 12, this::bindJournal);

    public TicketStore(TicketRepository tickets, JsonColumns json, TransactionOperations<Connection> transactions,
                       JdbcOperations jdbc) {
        this.tickets = tickets;
        this.json = json;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /**
     * Writes the changed tickets with multi-row statements: a JDBC batch of one statement a ticket would,
     * while a table is locked, wait out the lock timeout once per ticket before the commit can be retried.
     */
    public void upsert(Connection connection, Collection<Ticket> changed) throws SQLException {
        ticketUpsert.write(connection, changed);
    }

    private int bindTicket(PreparedStatement statement, int index, Ticket ticket) throws SQLException {
        int i = index;
        statement.setString(i++, ticket.reference());
        statement.setString(i++, ticket.status().name());
        statement.setString(i++, ticket.priority().name());
        statement.setString(i++, ticket.title());
        statement.setString(i++, ticket.priorityReason());
        statement.setString(i++, ticket.groupKey());
        statement.setObject(i++, Times.toColumn(ticket.openedAt()));
        statement.setObject(i++, Times.toColumn(ticket.updatedAt()));
        statement.setString(i++, ticket.linkedTo());
        statement.setBoolean(i++, ticket.major());
        SlaClock sla = ticket.sla();
        statement.setObject(i++, sla.restoreObjective() == null ? null : sla.restoreObjective().toMillis());
        statement.setLong(i++, sla.paused().toMillis());
        statement.setObject(i++, Times.toColumn(sla.waitingSince()));
        statement.setBoolean(i++, sla.breached());
        statement.setObject(i++, Times.toColumn(sla.questionAskedAt()));
        EscalationState escalation = ticket.escalation();
        statement.setInt(i++, escalation.level());
        statement.setObject(i++, Times.toColumn(escalation.escalatedAt()));
        statement.setObject(i++, Times.toColumn(escalation.acknowledgementDue()));
        statement.setString(i++, escalation.acknowledgedBy());
        statement.setBoolean(i++, escalation.breachEscalated());
        statement.setObject(i++, Times.toColumn(sla.resolvedAt()));
        statement.setString(i++, json.write(ticket.customers()));
        statement.setString(i++, json.write(ticket.watchers()));
        return i;
    }

    public void append(Connection connection, List<JournalEntry> entries) throws SQLException {
        journalInsert.write(connection, entries);
    }

    /**
     * Counts the repeats of journal lines written by earlier cycles: each entry's line is the ticket's
     * latest line of its action, which takes the entry's count, last time, text and facts. Run before
     * the cycle's own lines are appended (a line of the same cycle is counted in the cycle instead).
     */
    public void updateRepeats(Connection connection, Collection<JournalEntry> repeats) throws SQLException {
        if (repeats.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE ticket_journal SET repeat_count = ?, last_at = ?, text = ?, facts = ?
                WHERE ticket_reference = ? AND action = ? ORDER BY id DESC LIMIT 1""")) {
            for (JournalEntry entry : repeats) {
                statement.setLong(1, entry.count());
                statement.setObject(2, Times.toColumn(entry.lastAt()));
                statement.setString(3, entry.text());
                statement.setString(4, json.write(entry.facts()));
                statement.setString(5, entry.ticketReference());
                statement.setString(6, entry.action().name());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private int bindJournal(PreparedStatement statement, int index, JournalEntry entry) throws SQLException {
        int i = index;
        statement.setString(i++, entry.ticketReference());
        statement.setObject(i++, Times.toColumn(entry.at()));
        statement.setString(i++, entry.authorKind().name());
        statement.setString(i++, entry.author());
        statement.setString(i++, entry.action().name());
        statement.setString(i++, entry.text());
        statement.setString(i++, json.write(entry.facts()));
        statement.setString(i++, entry.visibility().name());
        statement.setLong(i++, entry.count());
        statement.setObject(i++, Times.toColumn(entry.lastAt()));
        statement.setString(i++, entry.wording());
        statement.setString(i++, entry.note());
        return i;
    }

    /**
     * Reserves the next {@code count} numbers of {@code year} in a transaction of its own, committed
     * before it returns, so that no other process on this database is given them; returns the last of
     * them. The counter holds the last number reserved, at least the last one given.
     */
    public long reserveNumbers(int year, int count) {
        return transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW),
                status -> {
                    Connection connection = status.getConnection();
                    try (PreparedStatement reserve = connection.prepareStatement(RESERVE_NUMBERS);
                         PreparedStatement read = connection.prepareStatement(
                                 "SELECT last_value FROM ticket_reference_counter WHERE year = ?")) {
                        reserve.setInt(1, year);
                        reserve.setLong(2, count);
                        reserve.executeUpdate();
                        // the row is ours until the commit: this reads our own update
                        read.setInt(1, year);
                        try (ResultSet row = read.executeQuery()) {
                            row.next();
                            return row.getLong(1);
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException("cannot reserve ticket numbers: " + e.getMessage(), e);
                    }
                });
    }

    /** The tickets not yet closed, as facts, to rebuild the session. */
    public List<Ticket> loadOpen() {
        return tickets.findByStatusNotEqualOrderByOpenedAtDesc(TicketStatus.CLOSED.name()).stream()
                .map(this::toFact).toList();
    }

    /**
     * One page of the tickets {@code query} selects, newest first ({@code opened_at}, then reference, both
     * descending): a keyset query that reads at most one row more than the page.
     */
    public Page<Ticket> list(TicketQuery query) {
        SqlFilter filter = new SqlFilter();
        switch (query.status()) {
            // An IN list of the open statuses rather than "<> CLOSED", so the (status, opened_at) index finds
            // the few open tickets among many closed ones.
            case OPEN -> filter.in("status", Arrays.stream(TicketStatus.values()).filter(TicketStatus::isOpen)
                    .map(TicketStatus::name).toList());
            case CLOSED -> filter.and("status = ?", TicketStatus.CLOSED.name());
            case ALL -> {
            }
        }
        filter.in("priority", query.priorities().stream().map(Priority::name).sorted().toList());
        if (query.customer() != null) {
            // customers is a JSON array of inventory customer names; exact, case-sensitive like the names.
            filter.and("JSON_CONTAINS(customers, JSON_QUOTE(?))", query.customer());
        }
        if (query.text() != null) {
            String pattern = SqlFilter.containing(query.text());
            filter.and("LOWER(reference) LIKE LOWER(?) ESCAPE '!' OR LOWER(title) LIKE LOWER(?) ESCAPE '!'",
                    pattern, pattern);
        }
        Cursor after = query.page().after();
        if (after != null) {
            Object openedAt = Times.toColumn(after.instant(0));
            // The redundant "<=" lets MariaDB start the index range at the cursor instead of scanning up to it.
            filter.and("opened_at <= ? AND (opened_at < ? OR reference < ?)", openedAt, openedAt, after.text(1));
        }
        // Given a status, MariaDB 10.11 prefers a ref on the status prefix of the index to a range that also
        // covers opened_at, and then reads every row before the cursor: the hint keeps the range.
        String index = query.status() == TicketQuery.StatusFilter.ALL ? "" : " FORCE INDEX (ticket_status_opened_at)";
        String sql = "SELECT * FROM ticket" + index + filter.where()
                + " ORDER BY opened_at DESC, reference DESC LIMIT ?";
        List<TicketRow> rows = transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                statement.setInt(filter.bind(statement), query.page().fetchSize());
                List<TicketRow> found = new ArrayList<>();
                try (ResultSet results = statement.executeQuery()) {
                    while (results.next()) {
                        found.add(jdbc.readEntity(results, TicketRow.class));
                    }
                }
                return found;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot list tickets: " + e.getMessage(), e);
            }
        });
        return Page.of(rows, query.page(), TicketStore::cursor).map(this::toFact);
    }

    private static Cursor cursor(TicketRow row) {
        return Cursor.of(TicketQuery.LIST, Times.fromColumn(row.openedAt()), row.reference());
    }

    public Map<Integer, Long> referenceCounters() {
        return tickets.referenceCounters().stream()
                .collect(Collectors.toMap(ReferenceCounter::year, ReferenceCounter::lastValue));
    }

    public Ticket toFact(TicketRow row) {
        return new Ticket(row.reference(), TicketStatus.valueOf(row.status()), Priority.valueOf(row.priority()),
                row.title(), row.priorityReason(), row.groupKey(), Times.fromColumn(row.openedAt()),
                Times.fromColumn(row.updatedAt()), row.linkedTo(), row.major(),
                new SlaClock(row.restoreObjectiveMs() == null ? null : Duration.ofMillis(row.restoreObjectiveMs()),
                        Duration.ofMillis(row.pausedMs()), Times.fromColumn(row.waitingSince()), row.breached(),
                        Times.fromColumn(row.questionAskedAt()), Times.fromColumn(row.resolvedAt())),
                new EscalationState(row.escalationLevel(), Times.fromColumn(row.escalatedAt()),
                        Times.fromColumn(row.escalationAcknowledgementDue()), row.escalationAcknowledgedBy(),
                        row.escalationBreachEscalated()),
                json.readList(row.customers()), json.readList(row.watchers()));
    }
}
