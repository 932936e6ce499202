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

    private final JsonColumns json;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    public AccessStore(JsonColumns json, TransactionOperations<Connection> transactions, Clock clock) {
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
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

    /** Sends a pending row keyed by {@code key}; the future completes when the record is acknowledged. */
    @FunctionalInterface
    public interface Sender {
        java.util.concurrent.Future<?> send(String key, Object input);
    }

    /**
     * Claims up to {@code limit} pending rows of each table that no other node is sending
     * ({@code FOR UPDATE SKIP LOCKED}), sends each through {@code sender} (an access keyed by its home,
     * a ticket by the alarm's domain), waits until every one is acknowledged, and clears {@code pending}
     * for the version it sent, all in one transaction: a row changed meanwhile by a cycle waits for the
     * lock and stays pending, and no other node sends a row before this one's send is done, so the
     * records of one alarm keep their order. A failed send rolls back and the rows are sent again later
     * (the sessions ignore a repeat). How many were sent.
     */
    public int send(int limit, Sender sender, java.time.Duration wait) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            int sent = 0;
            List<java.util.concurrent.Future<?>> acknowledged = new ArrayList<>();
            List<Object[]> accesses = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT alarm_key, access, version "
                    + "FROM service_access WHERE pending LIMIT ? FOR UPDATE SKIP LOCKED")) {
                select.setInt(1, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        accesses.add(new Object[] {rows.getString(1), rows.getString(2), rows.getLong(3)});
                    }
                }
            }
            try (PreparedStatement done = connection.prepareStatement(
                    "UPDATE service_access SET pending = FALSE WHERE alarm_key = ? AND version = ?")) {
                for (Object[] row : accesses) {
                    ServiceAccess access = json.read((String) row[1], ServiceAccess.class);
                    acknowledged.add(sender.send(access.home(), access));
                    done.setString(1, (String) row[0]);
                    done.setLong(2, (Long) row[2]);
                    done.addBatch();
                    sent++;
                }
                await(acknowledged, wait);
                if (!accesses.isEmpty()) {
                    done.executeBatch();
                }
            }
            List<Object[]> tickets = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT alarm_key, domain, home, "
                    + "ticket_reference, seq FROM alarm_ticket WHERE pending LIMIT ? FOR UPDATE SKIP LOCKED")) {
                select.setInt(1, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        tickets.add(new Object[] {new AlarmTicket(rows.getString(1), rows.getString(2),
                                rows.getString(3), rows.getString(4)), rows.getLong(5)});
                    }
                }
            }
            try (PreparedStatement done = connection.prepareStatement(
                    "UPDATE alarm_ticket SET pending = FALSE WHERE alarm_key = ? AND seq = ?")) {
                for (Object[] row : tickets) {
                    AlarmTicket ticket = (AlarmTicket) row[0];
                    acknowledged.add(sender.send(ticket.domain(), ticket));
                    done.setString(1, ticket.reductionKey());
                    done.setLong(2, (Long) row[1]);
                    done.addBatch();
                    sent++;
                }
                await(acknowledged, wait);
                if (!tickets.isEmpty()) {
                    done.executeBatch();
                }
            }
            return sent;
        });
    }

    /** Waits until every send is acknowledged, within {@code wait} in all; fails on the first that is not. */
    public static void await(List<java.util.concurrent.Future<?>> sends, java.time.Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            for (java.util.concurrent.Future<?> send : sends) {
                send.get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("not acknowledged: " + e.getMessage(), e);
        }
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
