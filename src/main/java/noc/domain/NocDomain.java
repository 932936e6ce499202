package noc.domain;

import java.util.Collection;
import java.util.List;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import noc.alarm.Alarm;
import noc.engine.CycleChanges;
import noc.engine.Domain;
import noc.engine.SessionContext;
import noc.notify.NotificationPlanner;
import noc.ticket.ReservedTicketNumbers;
import noc.ticket.Ticket;
import noc.ticket.TicketNumbers;

/**
 * The domain the engine hosts: sessions start from MariaDB, number tickets from blocks reserved in
 * MariaDB, plan notifications, and commit to MariaDB, telling {@link CycleCommitted} listeners after
 * each commit.
 */
@Singleton
public class NocDomain implements Domain {

    private static final Logger LOG = LoggerFactory.getLogger(NocDomain.class);

    private final SessionStateLoader loader;
    private final CycleWriter writer;
    private final NotificationPlanner planner;
    private final ApplicationEventPublisher<CycleCommitted> committed;
    private final TicketNumbers numbers;

    public NocDomain(SessionStateLoader loader, CycleWriter writer, NotificationPlanner planner,
                     ApplicationEventPublisher<CycleCommitted> committed, ReservedTicketNumbers numbers) {
        this.loader = loader;
        this.numbers = numbers;
        this.writer = writer;
        this.planner = planner;
        this.committed = committed;
    }

    @Override
    public Seed load() {
        return seedOf(loader.load());
    }

    /** {@code state} planted as {@link #load} plants what it reads (an engine's partition of it). */
    public Seed seedOf(SessionState state) {
        return new Loaded(state, planner, numbers, null);
    }

    /** {@code state} planted as the session of {@code placement} among those sharing the work (role engine). */
    public Seed seedOf(SessionState state, Placement placement) {
        return new Loaded(state, planner, numbers, placement);
    }

    /**
     * The state read from MariaDB, planted with the planner deciding who is told what of each cycle and
     * the numbers reserved in MariaDB, and where the session stands among those sharing the work (or null).
     */
    private record Loaded(SessionState state, NotificationPlanner planner, TicketNumbers numbers,
                          Placement placement) implements Seed {
        @Override
        public Session plant(SessionContext context) {
            return placement == null ? state.notifying(planner, numbers).plant(context)
                    : state.placed(planner, numbers, placement).plant(context);
        }
    }

    /** The same state and planner, numbering tickets in memory: a throw-away session reserves nothing. */
    @Override
    public Seed throwAway(Seed seed) {
        return seed instanceof Loaded loaded ? loaded.state().notifying(loaded.planner()) : seed;
    }

    @Override
    public void rehearse(java.util.function.Consumer<java.util.function.Consumer<CycleChanges>> body) {
        writer.rehearse(body);
    }

    @Override
    public Traffic syntheticTraffic(Seed seed) {
        if (seed instanceof Loaded loaded) {
            return new SyntheticTraffic(loaded.state().inventory());
        }
        return seed instanceof SessionState state ? new SyntheticTraffic(state.inventory()) : null;
    }

    @Override
    public void write(CycleChanges changes) {
        writer.write(changes);
        published(changes);
    }

    /** Writes {@code changes} in a transaction that runs {@code first} before them (see {@link CycleWriter}). */
    public void write(CycleChanges changes, CycleWriter.FirstStatement first) {
        writer.write(changes, first);
        published(changes);
    }

    private void published(CycleChanges changes) {
        Collection<Alarm> alarms = changes.rows(Alarm.class);
        Collection<Ticket> tickets = changes.rows(Ticket.class);
        if (alarms.isEmpty() && tickets.isEmpty()) {
            return; // journal lines or counters only: nothing a listener shows changed
        }
        try {
            committed.publishEvent(new CycleCommitted(List.copyOf(alarms), List.copyOf(tickets)));
        } catch (RuntimeException e) {
            // The cycle is committed: a failing listener must not make the engine write it again.
            LOG.error("A listener of committed cycles failed", e);
        }
    }
}
