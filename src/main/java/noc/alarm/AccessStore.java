package noc.alarm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import noc.database.JsonColumns;
import noc.database.PendingRows;

/**
 * The alarms that cross correlation domains because their tickets are decided in another session
 * (role {@code engine}; docs/correlation-domains.md, "Alarms across domains"): the states sent to
 * the homes ({@code service_access}) and the tickets told back ({@code alarm_ticket}), written in the
 * cycles' transactions, sent by the engines' publisher, read back when a home's session is rebuilt.
 */
@Singleton
public final class AccessStore {

    private static final String WRITE_ACCESS = """
            INSERT INTO service_access (alarm_key, home, access, version, raised, pending, updated_at)
            VALUES (?, ?, ?, ?, ?, TRUE, ?)
            ON DUPLICATE KEY UPDATE home = VALUES(home), access = VALUES(access), version = VALUES(version),
                raised = VALUES(raised), pending = TRUE, updated_at = VALUES(updated_at)""";
    private static final String WRITE_TICKET = """
            INSERT INTO alarm_ticket (alarm_key, domain, home, ticket_reference, seq, pending, updated_at)
            VALUES (?, ?, ?, ?, 1, TRUE, ?)
            ON DUPLICATE KEY UPDATE domain = VALUES(domain), home = VALUES(home),
                ticket_reference = VALUES(ticket_reference), seq = seq + 1, pending = TRUE,
                updated_at = VALUES(updated_at)""";

    /** A claimed row: what is sent, and the version of it to mark sent. */
    private record Claimed<T>(T sent, long version) {
    }

    private final PendingRows<Claimed<ServiceAccess>> accessRows;
    private final PendingRows<Claimed<AlarmTicket>> ticketRows = new PendingRows<>(
            "SELECT alarm_key, domain, home, ticket_reference, seq FROM alarm_ticket WHERE pending LIMIT ? "
                    + "FOR UPDATE SKIP LOCKED",
            "UPDATE alarm_ticket SET pending = FALSE WHERE alarm_key = ? AND seq = ?",
            row -> new Claimed<>(new AlarmTicket(row.getString(1), row.getString(2), row.getString(3),
                    row.getString(4)), row.getLong(5)),
            claimed -> claimed.sent().domain(), Claimed::sent, (done, claimed) -> {
                done.setString(1, claimed.sent().reductionKey());
                done.setLong(2, claimed.version());
            });
    private final JsonColumns json;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    public AccessStore(JsonColumns json, TransactionOperations<Connection> transactions, Clock clock) {
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
        this.accessRows = new PendingRows<>(
                "SELECT access, version FROM service_access WHERE pending LIMIT ? FOR UPDATE SKIP LOCKED",
                "UPDATE service_access SET pending = FALSE WHERE alarm_key = ? AND version = ?",
                row -> new Claimed<>(json.read(row.getString(1), ServiceAccess.class), row.getLong(2)),
                claimed -> claimed.sent().home(), Claimed::sent, (done, claimed) -> {
                    done.setString(1, claimed.sent().reductionKey());
                    done.setLong(2, claimed.version());
                });
    }

    /** Writes a cycle's accesses and told tickets, pending until sent, in the cycle's transaction. */
    public void write(Connection connection, Collection<ServiceAccess> accesses, Collection<AlarmTicket> tickets)
            throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        if (!accesses.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(WRITE_ACCESS)) {
                for (ServiceAccess access : accesses) {
                    statement.setString(1, access.reductionKey());
                    statement.setString(2, access.home());
                    statement.setString(3, json.write(access));
                    statement.setLong(4, access.version());
                    statement.setBoolean(5, access.state() == AlarmState.RAISED);
                    statement.setTimestamp(6, now);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
        if (!tickets.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(WRITE_TICKET)) {
                for (AlarmTicket ticket : tickets) {
                    statement.setString(1, ticket.reductionKey());
                    statement.setString(2, ticket.domain());
                    statement.setString(3, ticket.home());
                    statement.setString(4, ticket.ticketReference());
                    statement.setTimestamp(5, now);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
    }

    /** Every alarm sent to a home, as last written, with the ticket that home gave it (or null). */
    public List<AlarmLifecycle.Mirrored> mirrors() {
        String sql = "SELECT s.access, x.ticket_reference FROM service_access s LEFT JOIN alarm_ticket x "
                + "ON x.alarm_key = s.alarm_key AND x.home = s.home";
        return transactions.executeRead(status -> {
            List<AlarmLifecycle.Mirrored> mirrored = new ArrayList<>();
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    mirrored.add(new AlarmLifecycle.Mirrored(json.read(rows.getString(1), ServiceAccess.class),
                            rows.getString(2)));
                }
            }
            return mirrored;
        });
    }

    /**
     * For each open ticket holding alarms of other sessions, the least of their homes: the domain of
     * the session that holds the ticket, for a ticket whose own alarms are all mirrors.
     */
    public Map<String, String> homesOfOpenTickets() {
        String sql = "SELECT x.ticket_reference, MIN(x.home) FROM alarm_ticket x JOIN ticket t ON t.reference = "
                + "x.ticket_reference WHERE t.status <> 'CLOSED' GROUP BY x.ticket_reference";
        return transactions.executeRead(status -> {
            Map<String, String> homes = new HashMap<>();
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    homes.put(rows.getString(1), rows.getString(2));
                }
            }
            return homes;
        });
    }

    /**
     * Sends the pending rows of both tables, up to {@code limit} of each, in one transaction: an access
     * keyed by its home, a ticket by the alarm's domain, each marked sent for the version it sent
     * ({@link PendingRows}; the sessions ignore a repeat). How many were sent.
     */
    public int send(int limit, PendingRows.Sender sender, java.time.Duration wait) {
        return transactions.executeWrite(status -> accessRows.send(status.getConnection(), limit, sender, wait)
                + ticketRows.send(status.getConnection(), limit, sender, wait));
    }

    /**
     * Forgets what no session needs any more: accesses sent, of alarms cleared before {@code before}
     * (a home's session has retired their mirrors by then, noc.retention.cleared-alarms), and the
     * tickets told of alarms no longer sent anywhere.
     */
    public void purge(Instant before) {
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement accesses = connection.prepareStatement("DELETE FROM service_access WHERE "
                    + "NOT pending AND NOT raised AND updated_at < ?");
                 PreparedStatement tickets = connection.prepareStatement("DELETE FROM alarm_ticket WHERE NOT "
                         + "pending AND updated_at < ? AND alarm_key NOT IN (SELECT alarm_key FROM service_access)")) {
                accesses.setTimestamp(1, Timestamp.from(before));
                accesses.executeUpdate();
                tickets.setTimestamp(1, Timestamp.from(before));
                tickets.executeUpdate();
            }
            return null;
        });
    }
}
