package noc.cluster;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import noc.alarm.AccessStore;
import noc.alarm.AlarmLifecycle;
import noc.alarm.AlarmStore;
import noc.domain.NocDomain;
import noc.domain.Placement;
import noc.domain.SessionState;
import noc.domain.SessionStateLoader;
import noc.engine.CycleChanges;
import noc.engine.Domain;
import noc.inventory.CorrelationDomains;
import noc.maintenance.MaintenanceWindow;
import noc.maintenance.WindowScope;

/**
 * The domain as one partition's session sees it (role {@code engine}): a rebuild reads that
 * partition's alarms, tickets and windows only ({@link PartitionOwnership}), and each cycle commits
 * with the position after its last input and under the epoch the partition was taken with
 * ({@link PartitionOffsets}), so that a node that lost the partition writes nothing. The outcomes
 * of the people's commands the cycle applied are written in that transaction too ({@link CycleOutcomes}).
 */
final class PartitionDomain implements Domain {

    private final String topic;
    private final int partitions;
    private final PartitionOffsets.Taken taken;
    private final NocDomain domain;
    private final SessionStateLoader loader;
    private final AlarmStore alarms;
    private final AccessStore accesses;
    private final PartitionOffsets offsets;
    private final CommandOutcomeStore outcomes;
    private final Clock clock;

    PartitionDomain(String topic, int partitions, PartitionOffsets.Taken taken, NocDomain domain,
                    SessionStateLoader loader, AlarmStore alarms, AccessStore accesses, PartitionOffsets offsets,
                    CommandOutcomeStore outcomes, Clock clock) {
        this.accesses = accesses;
        this.topic = topic;
        this.partitions = partitions;
        this.taken = taken;
        this.domain = domain;
        this.loader = loader;
        this.alarms = alarms;
        this.offsets = offsets;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** What partition {@code partition} of {@code state} starts from, with the ownership read from MariaDB. */
    static PartitionOwnership ownership(SessionState state, AlarmStore alarms, AccessStore accesses,
                                        CommandOutcomeStore outcomes, int partitions) {
        return new PartitionOwnership(CorrelationDomains.of(state.inventory()), alarms.sourcesOfOpenTickets(),
                accesses.homesOfOpenTickets(), outcomes.pins(), state.tickets(), partitions);
    }

    /**
     * Where partition {@code partition}'s session stands: the domains of that partition are its own; it
     * holds the alarms sent to homes of that partition ({@code mirrors}, read from MariaDB), and knows
     * the windows of {@code state} held by other partitions that cover devices whose alarms it decides
     * ({@code restricted}: what it holds of {@code state} itself).
     */
    static Placement placement(int partition, int partitions, List<AlarmLifecycle.Mirrored> mirrors,
                               SessionState state, SessionState restricted) {
        Predicate<String> local = domain -> Partitions.of(domain, partitions) == partition;
        CorrelationDomains domains = CorrelationDomains.of(state.inventory());
        Set<String> own = new HashSet<>();
        restricted.windows().forEach(window -> own.add(window.reference()));
        List<WindowScope> windows = new ArrayList<>();
        for (MaintenanceWindow window : state.windows()) {
            if (own.contains(window.reference())) {
                continue;
            }
            domains.windowOwner(window.devices(), window.sites(), window.services()).ifPresent(owner -> domains
                    .windowGuests(owner, window.devices(), window.sites(), window.services()).stream()
                    .filter(local).findFirst().ifPresent(guest -> windows.add(WindowScope.of(window, owner, guest))));
        }
        Map<String, String> sent = new HashMap<>();
        mirrors.forEach(mirror -> sent.put(mirror.access().reductionKey(), mirror.access().home()));
        return new Placement(local, mirrors.stream()
                .filter(mirror -> Partitions.of(mirror.access().home(), partitions) == partition).toList(), windows,
                sent);
    }

    @Override
    public Seed load() {
        SessionState state = loader.load();
        SessionState restricted = ownership(state, alarms, accesses, outcomes, partitions).restrict(state,
                taken.partition());
        return domain.seedOf(restricted, placement(taken.partition(), partitions, accesses.mirrors(), state,
                restricted));
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
        CycleOutcomes commands = changes.partOrNull(CycleOutcomes.class);
        domain.write(changes, connection -> {
            offsets.advance(connection, topic, taken, position < 0 ? -1 : position + 1);
            if (commands != null && !commands.isEmpty()) {
                outcomes.write(connection, commands, clock.instant());
            }
        });
    }
}
