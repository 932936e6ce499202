package noc.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import noc.alarm.Text;
import noc.database.Times;
import noc.ticket.JournalAction;
import noc.ticket.JournalEntry;
import noc.ticket.TicketStore;

/**
 * The outbox: the engine's cycle writes what to tell whom in its own transaction; the deliverer
 * reads what is due and records each attempt.
 */
@Singleton
public class Outbox {

    private final TransactionOperations<Connection> transactions;
    private final TicketStore tickets;

    public Outbox(TransactionOperations<Connection> transactions, TicketStore tickets) {
        this.transactions = transactions;
        this.tickets = tickets;
    }

    /** Journals, in the caller's transaction, what happened to a ticket's notification. */
    private void journal(Connection connection, String reference, Instant at, JournalEntry.AuthorKind kind,
                         String author, JournalAction action, String text) throws SQLException {
        tickets.append(connection, List.of(new JournalEntry(reference, at, kind, Text.limit(author, 512), action,
                Text.limit(text, 4000), List.of())));
    }

    /** Writes, in the caller's transaction, what a cycle planned to tell. */
    public void enqueue(Connection connection, List<Notification> notifications) throws SQLException {
        if (notifications.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO outbox (ticket_reference, channel, recipient, event, body, created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (Notification notification : notifications) {
                statement.setString(1, notification.ticketReference());
                statement.setString(2, notification.channel().name());
                statement.setString(3, notification.recipient());
                statement.setString(4, notification.event());
                statement.setString(5, notification.body());
                statement.setObject(6, Times.toColumn(notification.createdAt()));
                statement.setObject(7, Times.toColumn(notification.createdAt()));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** A notification as the log of its ticket shows it. */
    @io.micronaut.serde.annotation.Serdeable
    public record Sent(long id, String channel, String recipient, String event, String status, Instant createdAt,
                       int attempts, @io.micronaut.core.annotation.Nullable Instant nextAttemptAt,
                       @io.micronaut.core.annotation.Nullable Instant deliveredAt,
                       @io.micronaut.core.annotation.Nullable Instant failedAt,
                       @io.micronaut.core.annotation.Nullable String lastError) {
    }

    /** What was, or is to be, told of a ticket, oldest first. */
    public List<Sent> ofTicket(String reference) {
        return transactions.executeRead(status -> {
            List<Sent> sent = new ArrayList<>();
            try (PreparedStatement statement = status.getConnection().prepareStatement("""
                    SELECT id, channel, recipient, event, created_at, attempts, next_attempt_at, delivered_at,
                           failed_at, last_error
                    FROM outbox WHERE ticket_reference = ? ORDER BY id""")) {
                statement.setString(1, reference);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Instant delivered = Times.fromColumn(rows, 8);
                        Instant failed = Times.fromColumn(rows, 9);
                        sent.add(new Sent(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                                delivered != null ? "DELIVERED" : failed != null ? "FAILED" : "PENDING",
                                Times.fromColumn(rows, 5), rows.getInt(6),
                                delivered == null && failed == null ? Times.fromColumn(rows, 7) : null, delivered, failed,
                                rows.getString(10)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the outbox: " + e.getMessage(), e);
            }
            return sent;
        });
    }

    /**
     * Sends a given-up notification again from now, with its attempts counted afresh, and says who
     * asked in its ticket's journal. Null when there is no such notification; false when it was not
     * given up (delivered, or still being tried).
     */
    public Boolean resend(long id, String by, Instant now) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement find = connection.prepareStatement(
                    "SELECT ticket_reference, recipient, event, failed_at FROM outbox WHERE id = ? FOR UPDATE")) {
                find.setLong(1, id);
                try (ResultSet row = find.executeQuery()) {
                    if (!row.next()) {
                        return null;
                    }
                    if (row.getObject(4) == null) {
                        return false;
                    }
                    try (PreparedStatement again = connection.prepareStatement("""
                            UPDATE outbox SET failed_at = NULL, attempts = 0, next_attempt_at = ? WHERE id = ?""")) {
                        again.setObject(1, Times.toColumn(now));
                        again.setLong(2, id);
                        again.executeUpdate();
                    }
                    journal(connection, row.getString(1), now, JournalEntry.AuthorKind.PERSON, by,
                            JournalAction.DELIVERY_RETRIED, "The " + row.getString(3) + " notification to "
                                    + row.getString(2) + " is sent again, asked by " + by);
                    return true;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot retry a notification: " + e.getMessage(), e);
            }
        });
    }

    /** Forgets delivered and given-up notifications older than {@code before}; how many. */
    int purge(Instant before) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(
                    "DELETE FROM outbox WHERE delivered_at < ? OR failed_at < ? LIMIT 10000")) {
                statement.setObject(1, Times.toColumn(before));
                statement.setObject(2, Times.toColumn(before));
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot purge the outbox: " + e.getMessage(), e);
            }
        });
    }

    /** A pending delivery. */
    record Pending(long id, String ticketReference, Notification.Channel channel, String recipient, String event,
                   String body, int attempts) {
    }

    /** The oldest notifications of {@code channel} due at {@code now}. */
    List<Pending> due(Instant now, Notification.Channel channel, int limit) {
        return transactions.executeRead(status -> {
            List<Pending> due = new ArrayList<>();
            try (PreparedStatement statement = status.getConnection().prepareStatement("""
                    SELECT id, ticket_reference, channel, recipient, event, body, attempts FROM outbox
                    WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ? AND channel = ?
                    ORDER BY id LIMIT ?""")) {
                statement.setObject(1, Times.toColumn(now));
                statement.setString(2, channel.name());
                statement.setInt(3, limit);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        due.add(new Pending(rows.getLong(1), rows.getString(2),
                                Notification.Channel.valueOf(rows.getString(3)), rows.getString(4), rows.getString(5),
                                rows.getString(6), rows.getInt(7)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the outbox: " + e.getMessage(), e);
            }
            return due;
        });
    }

    void delivered(long id, Instant at) {
        update("UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?",
                Times.toColumn(at), id);
    }

    void scheduleRetry(long id, Instant next, String error) {
        update("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
                Times.toColumn(next), error, id);
    }

    /** Gives a notification up and says so in its ticket's journal, in one transaction. */
    void failed(Pending pending, Instant at, String error) {
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement give = connection.prepareStatement(
                    "UPDATE outbox SET failed_at = ?, attempts = attempts + 1, last_error = ? WHERE id = ?")) {
                give.setObject(1, Times.toColumn(at));
                give.setString(2, error);
                give.setLong(3, pending.id());
                give.executeUpdate();
                journal(connection, pending.ticketReference(), at, JournalEntry.AuthorKind.SYSTEM, "notify",
                        JournalAction.DELIVERY_FAILED, "The " + pending.event() + " notification to "
                                + pending.recipient() + " failed after " + (pending.attempts() + 1) + " attempts: "
                                + error);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot record a failed delivery: " + e.getMessage(), e);
            }
            return null;
        });
    }

    private void update(String sql, Object... values) {
        transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot update the outbox: " + e.getMessage(), e);
            }
            return null;
        });
    }
}
