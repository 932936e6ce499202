package noc.domain;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import noc.alarm.Alarm;
import noc.alarm.AccessStore;
import noc.alarm.AlarmStore;
import noc.alarm.AlarmTicket;
import noc.alarm.ServiceAccess;
import noc.engine.CycleChanges;
import noc.maintenance.MaintenanceStore;
import noc.maintenance.MaintenanceWindow;
import noc.notify.Outbox;
import noc.notify.PlannedNotifications;
import noc.ticket.Ticket;
import noc.ticket.TicketChanges;
import noc.ticket.TicketStore;

/** Writes one cycle's changes in one transaction: the unit of durability. */
@Singleton
public class CycleWriter {

    private final TransactionOperations<Connection> transactions;
    private final TicketStore tickets;
    private final AlarmStore alarms;
    private final MaintenanceStore maintenance;
    private final Outbox outbox;
    private final AccessStore accesses;
    private final noc.maintenance.WindowScopeStore scopes;

    public CycleWriter(TransactionOperations<Connection> transactions, TicketStore tickets, AlarmStore alarms,
                       MaintenanceStore maintenance, Outbox outbox, AccessStore accesses,
                       noc.maintenance.WindowScopeStore scopes) {
        this.scopes = scopes;
        this.outbox = outbox;
        this.accesses = accesses;
        this.transactions = transactions;
        this.tickets = tickets;
        this.alarms = alarms;
        this.maintenance = maintenance;
    }

    public void write(CycleChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        transactions.executeWrite(status -> {
            writeIn(status.getConnection(), changes);
            return null;
        });
    }

    /**
     * Writes the cycle's changes, if any, in one transaction that runs {@code first} before them (an
     * engine sharing the work records there how far its partition's inputs went, and finds out whether
     * the partition is still its own); when {@code first} throws, nothing is written.
     */
    public void write(CycleChanges changes, FirstStatement first) {
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try {
                first.run(connection);
            } catch (SQLException e) {
                throw new CommitException(e);
            }
            if (!changes.isEmpty()) {
                writeIn(connection, changes);
            }
            return null;
        });
    }

    /** A statement run at the start of a cycle's transaction. */
    @FunctionalInterface
    public interface FirstStatement {
        void run(Connection connection) throws SQLException;
    }

    /**
     * Opens a transaction of its own and calls {@code body} with a writer that runs, in it, the
     * statements {@link #write} would run for each cycle it is given; then rolls the transaction back
     * (the engine's warm-up). One transaction for all the cycles, so that a cycle's rows may refer to
     * the tickets of an earlier one, as they do when committed. The JDBC driver, the statements and
     * MariaDB's plans get warm; nothing stays (but the AUTO_INCREMENT ids the inserts took, which
     * InnoDB never gives back: gaps in {@code ticket_journal.id} and {@code outbox.id}).
     */
    public void rehearse(Consumer<Consumer<CycleChanges>> body) {
        transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW), status -> {
            status.setRollbackOnly();
            Connection connection = status.getConnection();
            body.accept(changes -> {
                if (!changes.isEmpty()) {
                    writeIn(connection, changes);
                }
            });
            return null;
        });
    }

    private void writeIn(Connection connection, CycleChanges changes) {
        try {
            // Tickets first: alarms and journal lines refer to them.
            TicketChanges ticketChanges = TicketChanges.in(changes);
            tickets.upsert(connection, changes.rows(Ticket.class));
            maintenance.upsert(connection, changes.rows(MaintenanceWindow.class));
            alarms.upsert(connection, changes.rows(Alarm.class));
            // Repeats first: each counts a line of an earlier cycle, the latest of its ticket and
            // action until this cycle's lines are appended.
            tickets.updateRepeats(connection, ticketChanges.journalRepeats());
            tickets.append(connection, ticketChanges.journal());
            outbox.enqueue(connection, PlannedNotifications.in(changes));
            // Engines sharing the work: alarms whose tickets another session decides (none in one process).
            accesses.write(connection, changes.rows(ServiceAccess.class), changes.rows(AlarmTicket.class));
            scopes.write(connection, changes.rows(noc.maintenance.WindowScope.class));
        } catch (SQLException e) {
            throw new CommitException(e);
        }
    }

    /** A cycle's transaction failed; nothing of it was committed. */
    public static final class CommitException extends RuntimeException {
        CommitException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
