package noc.cluster;

import noc.alarm.AlarmStore;
import noc.domain.NocDomain;
import noc.domain.SessionState;
import noc.domain.SessionStateLoader;
import noc.engine.CycleChanges;
import noc.engine.Domain;
import noc.inventory.CorrelationDomains;

/**
 * The domain as one partition's session sees it (role {@code engine}): a rebuild reads that
 * partition's alarms, tickets and windows only ({@link PartitionOwnership}), and each cycle commits
 * with the position after its last input and under the epoch the partition was taken with
 * ({@link PartitionOffsets}), so that a node that lost the partition writes nothing.
 */
final class PartitionDomain implements Domain {

    private final String topic;
    private final int partitions;
    private final PartitionOffsets.Taken taken;
    private final NocDomain domain;
    private final SessionStateLoader loader;
    private final AlarmStore alarms;
    private final PartitionOffsets offsets;

    PartitionDomain(String topic, int partitions, PartitionOffsets.Taken taken, NocDomain domain,
                    SessionStateLoader loader, AlarmStore alarms, PartitionOffsets offsets) {
        this.topic = topic;
        this.partitions = partitions;
        this.taken = taken;
        this.domain = domain;
        this.loader = loader;
        this.alarms = alarms;
        this.offsets = offsets;
    }

    /** What partition {@code partition} of {@code state} starts from, with the ownership read from MariaDB. */
    static SessionState restrict(SessionState state, AlarmStore alarms, int partitions, int partition) {
        return ownership(state, alarms, partitions).restrict(state, partition);
    }

    static PartitionOwnership ownership(SessionState state, AlarmStore alarms, int partitions) {
        return new PartitionOwnership(CorrelationDomains.of(state.inventory()), alarms.sourcesOfOpenTickets(),
                state.tickets(), partitions);
    }

    @Override
    public Seed load() {
        return domain.seedOf(restrict(loader.load(), alarms, partitions, taken.partition()));
    }

    @Override
    public Seed throwAway(Seed seed) {
        return domain.throwAway(seed);
    }

    @Override
    public void write(CycleChanges changes) {
        long position = changes.inputsUpTo();
        if (changes.isEmpty() && position < 0) {
            return; // an idle tick: nothing to write, and no input to account for
        }
        domain.write(changes, connection -> offsets.advance(connection, topic, taken,
                position < 0 ? -1 : position + 1));
    }
}
