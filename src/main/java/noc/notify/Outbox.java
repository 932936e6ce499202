package noc.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import noc.alarm.Text;
import noc.configuration.Masked;
import noc.configuration.NodeIdentity;
import noc.database.Times;
import noc.ticket.JournalAction;
import noc.ticket.JournalEntry;
import noc.ticket.TicketStore;

/**
 * The outbox: the engine's cycle writes what to tell whom in its own transaction; a deliverer claims
 * what is due, so that processes sharing the database never send a row at the same time, and records
 * each attempt while its claim holds.
 */
@Singleton
public class Outbox {

    private final TransactionOperations<Connection> transactions;
    private final TicketStore tickets;
    /** This process, as its claims name it. */
    private final String node;

    @Inject
    public Outbox(TransactionOperations<Connection> transactions, TicketStore tickets, NodeIdentity node) {
        this(transactions, tickets, node.id());
    }

    Outbox(TransactionOperations<Connection> transactions, TicketStore tickets, String node) {
        this.transactions = transactions;
        this.tickets = tickets;
        this.node = node;
    }

    /** This process, as its claims name it ({@code noc.node-id}). */
    String node() {
        return node;
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
                    "SELECT ticket_reference, recipient, event, failed_at, channel FROM outbox WHERE id = ? FOR UPDATE")) {
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
                                    + shown(Notification.Channel.valueOf(row.getString(5)), row.getString(2))
                                    + " is sent again, asked by " + by);
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

    /** A pending delivery, claimed by this process until {@code claimedUntil}. */
    /** How logs and journals name a recipient: a webhook's URL without what may be its key ({@link Masked#webhook}). */
    static String shown(Notification.Channel channel, String recipient) {
        return channel == Notification.Channel.WEBHOOK ? Masked.webhook(recipient) : recipient;
    }

    static String shown(Pending pending) {
        return shown(pending.channel(), pending.recipient());
    }

    record Pending(long id, String ticketReference, Notification.Channel channel, String recipient, String event,
                   String body, int attempts, Instant claimedUntil) {
    }

    /** The rows of a claim: the rows nobody else holds or whose holder's lease ran out, oldest first. */
    private static final String CLAIMABLE = """
            SELECT id, ticket_reference, channel, recipient, event, body, attempts FROM outbox
            WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ? AND channel = ?
              AND (claimed_until IS NULL OR claimed_until <= ?)
            ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""";
    /** An attempt's outcome is recorded only while its claim is still ours: nobody took the row over. */
    private static final String OURS = " WHERE id = ? AND claimed_by = ? AND claimed_until = ?";

    /**
     * Claims, for {@code lease}, the oldest notifications of {@code channel} due at {@code now} that no
     * other process holds: in a short transaction of its own, which skips the rows another process's
     * claim has locked ({@code SKIP LOCKED}) and marks those it takes as this process's until
     * {@code now + lease}, so that none is sent by two processes at once. A claim whose lease ran out
     * (its process died mid-send) is taken over. READ COMMITTED, so that the claim locks only the rows
     * it takes and no gap the engine's commit inserts new notifications into.
     */
    List<Pending> claim(Instant now, Notification.Channel channel, int limit, Duration lease) {
        Instant until = now.plus(lease).truncatedTo(ChronoUnit.MILLIS); // as DATETIME(3) keeps it
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition(
                TransactionDefinition.Propagation.REQUIRES_NEW);
        definition.setIsolationLevel(TransactionDefinition.Isolation.READ_COMMITTED);
        return transactions.execute(definition, status -> {
            Connection connection = status.getConnection();
            List<Pending> claimed = new ArrayList<>();
            try (PreparedStatement find = connection.prepareStatement(CLAIMABLE)) {
                find.setObject(1, Times.toColumn(now));
                find.setString(2, channel.name());
                find.setObject(3, Times.toColumn(now));
                find.setInt(4, limit);
                try (ResultSet rows = find.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(new Pending(rows.getLong(1), rows.getString(2),
                                Notification.Channel.valueOf(rows.getString(3)), rows.getString(4), rows.getString(5),
                                rows.getString(6), rows.getInt(7), until));
                    }
                }
                if (claimed.isEmpty()) {
                    return claimed;
                }
                try (PreparedStatement take = connection.prepareStatement(
                        "UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id IN ("
                                + String.join(", ", Collections.nCopies(claimed.size(), "?")) + ")")) {
                    take.setString(1, node);
                    take.setObject(2, Times.toColumn(until));
                    for (int i = 0; i < claimed.size(); i++) {
                        take.setLong(3 + i, claimed.get(i).id());
                    }
                    take.executeUpdate();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot claim notifications: " + e.getMessage(), e);
            }
            return claimed;
        });
    }

    /** Marks a notification delivered; false when its claim was taken over (the outcome is then not ours). */
    boolean delivered(Pending pending, Instant at) {
        return ours(pending, "UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL, "
                + "claimed_until = NULL", Times.toColumn(at));
    }

    /** Plans the next attempt; false when the claim was taken over. */
    boolean scheduleRetry(Pending pending, Instant next, String error) {
        return ours(pending, "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, "
                + "claimed_until = NULL", Times.toColumn(next), error);
    }

    /** Gives claimed notifications back unsent (stopping, or too little lease left): due again at once. */
    void release(List<Pending> claimed) {
        for (Pending pending : claimed) {
            ours(pending, "UPDATE outbox SET claimed_until = NULL");
        }
    }

    /**
     * Gives a notification up and says so in its ticket's journal, in one transaction; false, and
     * nothing journaled, when the claim was taken over.
     */
    boolean failed(Pending pending, Instant at, String error) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement give = connection.prepareStatement(
                    "UPDATE outbox SET failed_at = ?, attempts = attempts + 1, last_error = ?, claimed_until = NULL"
                            + OURS)) {
                give.setObject(1, Times.toColumn(at));
                give.setString(2, error);
                bindClaim(give, 3, pending);
                if (give.executeUpdate() == 0) {
                    return false;
                }
                journal(connection, pending.ticketReference(), at, JournalEntry.AuthorKind.SYSTEM, "notify",
                        JournalAction.DELIVERY_FAILED, "The " + pending.event() + " notification to "
                                + shown(pending) + " failed after " + (pending.attempts() + 1) + " attempts: "
                                + error);
                return true;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot record a failed delivery: " + e.getMessage(), e);
            }
        });
    }

    /** Runs {@code update} with {@code values} on the claimed row while the claim is ours; whether it was. */
    private boolean ours(Pending pending, String update, Object... values) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(update + OURS)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                bindClaim(statement, values.length + 1, pending);
                return statement.executeUpdate() == 1;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot update the outbox: " + e.getMessage(), e);
            }
        });
    }

    private void bindClaim(PreparedStatement statement, int first, Pending pending) throws SQLException {
        statement.setLong(first, pending.id());
        statement.setString(first + 1, node);
        statement.setObject(first + 2, Times.toColumn(pending.claimedUntil()));
    }
}
