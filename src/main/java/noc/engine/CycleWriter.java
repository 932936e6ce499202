package noc.engine;

import java.sql.Connection;
import java.sql.SQLException;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import noc.alarm.AlarmStore;
import noc.maintenance.MaintenanceStore;
import noc.notify.Outbox;
import noc.ticket.TicketStore;

/** Writes one cycle's changes in one transaction: the unit of durability. */
@Singleton
public class CycleWriter {

    private final TransactionOperations<Connection> transactions;
    private final TicketStore tickets;
    private final AlarmStore alarms;
    private final MaintenanceStore maintenance;
    private final Outbox outbox;

    public CycleWriter(TransactionOperations<Connection> transactions, TicketStore tickets, AlarmStore alarms,
                       MaintenanceStore maintenance, Outbox outbox) {
        this.outbox = outbox;
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
            Connection connection = status.getConnection();
            try {
                // Tickets first: alarms and journal lines refer to them.
                tickets.upsert(connection, changes.tickets());
                maintenance.upsert(connection, changes.windows());
                alarms.upsert(connection, changes.alarms());
                // Repeats first: each counts a line of an earlier cycle, the latest of its ticket and
                // action until this cycle's lines are appended.
                tickets.updateRepeats(connection, changes.journalRepeats());
                tickets.append(connection, changes.journal());
                outbox.enqueue(connection, changes.notifications());
                tickets.saveCounters(connection, changes.referenceCounters());
            } catch (SQLException e) {
                throw new CommitException(e);
            }
            return null;
        });
    }

    /** A cycle's transaction failed; nothing of it was committed. */
    public static final class CommitException extends RuntimeException {
        CommitException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
