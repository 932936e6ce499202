package noc.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import noc.database.Times;

/**
 * The rows of {@code command_outcome} (what became of each person's command sent through the inputs
 * topic) and of {@code ticket_domain} (the domain each ticket opened by a command lives in). The
 * owner of a command's partition writes both in the cycle that applied it; the node that took the
 * request writes {@code PENDING} before publishing and reads the row back.
 */
@Singleton
@Requires(condition = Roles.OwnsDatabase.class)
public class CommandOutcomeStore {

    /** An engine's outcome replaces whatever the sender wrote ({@code PENDING}, or {@code UNSENT} in doubt). */
    private static final String SETTLE = """
            INSERT INTO command_outcome (id, status, reply, at) VALUES (?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE status = VALUES(status), reply = VALUES(reply), at = VALUES(at)""";
    private static final String PIN = """
            INSERT INTO ticket_domain (reference, domain, pinned_at) VALUES (?, ?, ?)
            ON DUPLICATE KEY UPDATE domain = VALUES(domain), pinned_at = VALUES(pinned_at)""";

    private final TransactionOperations<Connection> transactions;

    /**
     * Records {@code domains} (ticket reference to domain) for the tickets that have none yet, leaving
     * those recorded alone: the windows a single process planned, whose tickets no command pinned.
     */
    public void pinUnpinned(Map<String, String> domains, Instant at) {
        if (domains.isEmpty()) {
            return;
        }
        transactions.executeWrite(status -> {
            try (PreparedStatement pin = status.getConnection().prepareStatement(
                    "INSERT IGNORE INTO ticket_domain (reference, domain, pinned_at) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> each : domains.entrySet()) {
                    pin.setString(1, each.getKey());
                    pin.setString(2, each.getValue());
                    pin.setObject(3, Times.toColumn(at));
                    pin.addBatch();
                }
                pin.executeBatch();
            }
            return null;
        });
    }

    public CommandOutcomeStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** The command {@code id} is about to be published. */
    public void pending(String id, Instant at) {
        transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement(
                    "INSERT INTO command_outcome (id, status, reply, at) VALUES (?, 'PENDING', NULL, ?)")) {
                insert.setString(1, id);
                insert.setObject(2, Times.toColumn(at));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Kafka did not take command {@code id}: unless an engine has written its outcome meanwhile (a
     * send reported failed may still have reached the topic), it stands {@code UNSENT}.
     */
    public void unsent(String id, Instant at) {
        transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(
                    "UPDATE command_outcome SET status = 'UNSENT', at = ? WHERE id = ? AND status = 'PENDING'")) {
                update.setObject(1, Times.toColumn(at));
                update.setString(2, id);
                update.executeUpdate();
            }
            return null;
        });
    }

    /** In a cycle's transaction: the outcomes of the commands it applied and the domains of the tickets they opened. */
    void write(Connection connection, CycleOutcomes cycle, Instant at) throws SQLException {
        if (!cycle.outcomes().isEmpty()) {
            try (PreparedStatement settle = connection.prepareStatement(SETTLE)) {
                for (CommandOutcome outcome : cycle.outcomes()) {
                    bind(settle, outcome);
                    settle.addBatch();
                }
                settle.executeBatch();
            }
        }
        if (!cycle.pins().isEmpty()) {
            try (PreparedStatement pin = connection.prepareStatement(PIN)) {
                for (Map.Entry<String, String> each : cycle.pins().entrySet()) {
                    pin.setString(1, each.getKey());
                    pin.setString(2, each.getValue());
                    pin.setObject(3, Times.toColumn(at));
                    pin.addBatch();
                }
                pin.executeBatch();
            }
        }
    }

    /** Writes {@code outcome} in a transaction of its own (a command refused outside any cycle's commit). */
    public void write(CommandOutcome outcome) {
        transactions.executeWrite(status -> {
            try (PreparedStatement settle = status.getConnection().prepareStatement(SETTLE)) {
                bind(settle, outcome);
                settle.executeUpdate();
            }
            return null;
        });
    }

    private static void bind(PreparedStatement settle, CommandOutcome outcome) throws SQLException {
        settle.setString(1, outcome.id());
        settle.setString(2, outcome.status().name());
        settle.setString(3, outcome.reply());
        settle.setObject(4, Times.toColumn(outcome.at()));
    }

    public Optional<CommandOutcome> find(String id) {
        List<CommandOutcome> found = read(List.of(id), false);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The outcomes of those of {@code ids} that are settled (not {@code PENDING}). */
    public List<CommandOutcome> settled(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : read(ids, true);
    }

    private List<CommandOutcome> read(Collection<String> ids, boolean settledOnly) {
        String sql = "SELECT id, status, reply, at FROM command_outcome WHERE id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")"
                + (settledOnly ? " AND status <> 'PENDING'" : "");
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(sql)) {
                int index = 1;
                for (String id : ids) {
                    select.setString(index++, id);
                }
                List<CommandOutcome> outcomes = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        outcomes.add(new CommandOutcome(rows.getString(1),
                                CommandOutcome.Status.valueOf(rows.getString(2)), rows.getString(3),
                                Times.fromColumn(rows, 4)));
                    }
                }
                return outcomes;
            }
        });
    }

    /** Every ticket's recorded domain, for an engine working out which partition owns what. */
    public Map<String, String> pins() {
        return transactions.executeRead(status -> {
            Map<String, String> pins = new HashMap<>();
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT reference, domain FROM ticket_domain");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pins.put(rows.getString(1), rows.getString(2));
                }
            }
            return pins;
        });
    }

    /**
     * Deletes the outcomes written before {@code before} (nobody waits that long), and the recorded
     * domains of tickets closed before {@code closedBefore} (no session loads them or their windows
     * any more) that no open ticket follows from; how many rows went.
     */
    public int purge(Instant before, Instant closedBefore) {
        return transactions.executeWrite(status -> {
            int purged;
            try (PreparedStatement delete = status.getConnection().prepareStatement(
                    "DELETE FROM command_outcome WHERE at < ?")) {
                delete.setObject(1, Times.toColumn(before));
                purged = delete.executeUpdate();
            }
            try (PreparedStatement delete = status.getConnection().prepareStatement(
                    "DELETE p FROM ticket_domain p JOIN ticket t ON t.reference = p.reference "
                            + "WHERE t.status = 'CLOSED' AND t.updated_at < ? AND NOT EXISTS (SELECT 1 FROM ticket o "
                            + "WHERE o.linked_to = p.reference AND o.status <> 'CLOSED')")) {
                delete.setObject(1, Times.toColumn(closedBefore));
                purged += delete.executeUpdate();
            }
            return purged;
        });
    }
}
