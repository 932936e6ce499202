package noc.cluster;

import java.time.Clock;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import noc.engine.CycleChanges;
import noc.engine.InputRefusedException;
import noc.engine.Receipt;
import noc.maintenance.MaintenanceRequest;
import noc.ticket.Declaration;

/**
 * The receipt of a person's command that a partition's engine applies (role {@code engine}): it is
 * how the outcome gets into the very transaction that commits the command's effects, while the
 * engine knows no command. Before the cycle is committed, the engine hands it the rules' reply and
 * the cycle's changes ({@link Receipt#beforeCommit}); it adds the outcome row, and the domain of a
 * ticket the command opened, to the cycle's {@link CycleOutcomes}, which {@link PartitionDomain}
 * writes with the partition's offset. Once committed, a sender waiting on this node is told at once.
 *
 * <p>A command whose own data the database refused is committed by no cycle: its {@code REFUSED}
 * outcome is written on its own, off the engine thread. A cycle that fails otherwise writes nothing:
 * when the partition was taken by another node or the engine is stopping, whoever owns the partition
 * next reads the record again and writes the outcome; a cycle that failed outside the rules drops its
 * inputs (the log says why), and such a command stays {@code PENDING}.
 */
final class CommandReceipt implements Receipt {

    private static final Logger LOG = LoggerFactory.getLogger(CommandReceipt.class);

    private final String id;
    private final String domain;
    private final String unreadable;
    private final CommandReplies replies;
    private final CommandOutcomeStore store;
    private final CommandPublisher waiters;
    private final Executor background;
    private final Clock clock;
    private volatile CommandOutcome outcome;

    /**
     * @param domain     the record's key: the domain whose session applies the command
     * @param unreadable why the record could not be read (its outcome then says so), or null
     */
    CommandReceipt(String id, String domain, String unreadable, CommandReplies replies, CommandOutcomeStore store,
                   CommandPublisher waiters, Executor background, Clock clock) {
        this.id = id;
        this.domain = domain;
        this.unreadable = unreadable;
        this.replies = replies;
        this.store = store;
        this.waiters = waiters;
        this.background = background;
        this.clock = clock;
    }

    @Override
    public void beforeCommit(Object reply, CycleChanges changes) {
        CycleOutcomes cycle = changes.part(CycleOutcomes.class, CycleOutcomes::new);
        CommandOutcome written = unreadable != null
                ? new CommandOutcome(id, CommandOutcome.Status.UNREADABLE, replies.unreadable(unreadable), clock.instant())
                : new CommandOutcome(id, CommandOutcome.Status.COMMITTED, replies.write(reply), clock.instant());
        cycle.add(written);
        if (domain != null && reply instanceof Declaration.Opened opened) {
            cycle.pin(opened.reference(), domain);
        } else if (domain != null && reply instanceof MaintenanceRequest.Planned planned) {
            cycle.pin(planned.reference(), domain);
        }
        outcome = written;
    }

    @Override
    public void committed() {
        CommandOutcome written = outcome;
        if (written != null) {
            waiters.settled(written);
        }
    }

    @Override
    public void failed(Exception cause) {
        if (!(cause instanceof InputRefusedException)) {
            return; // not applied, and read again by whoever owns the partition next
        }
        CommandOutcome refused = new CommandOutcome(id, CommandOutcome.Status.REFUSED, null, clock.instant());
        background.execute(() -> {
            try {
                store.write(refused);
                waiters.settled(refused);
            } catch (RuntimeException e) {
                LOG.warn("The refusal of command {} could not be written: {}", id, e.getMessage());
            }
        });
    }
}
