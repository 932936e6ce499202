package noc.domain;

import java.time.Clock;
import java.time.Instant;

import jakarta.inject.Singleton;
import noc.engine.Policy;
import noc.engine.Retention;
import noc.alarm.AlarmStore;
import noc.inventory.InventoryStore;
import noc.maintenance.MaintenanceStore;
import noc.ticket.SlaPolicy;
import noc.ticket.TicketStore;

/**
 * Reads from MariaDB everything a session starts from: open tickets, and of the finished things only
 * what the retention ({@code noc.retention.*}) keeps in the session, so that a start does not load
 * everything ever stored.
 */
@Singleton
public class SessionStateLoader {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SessionStateLoader.class);

    private final AlarmStore alarms;
    private final TicketStore tickets;
    private final InventoryStore inventory;
    private final MaintenanceStore maintenance;
    private final Policy policy;
    private final SlaPolicy sla;
    private final Retention retention;
    private final Clock clock;

    public SessionStateLoader(AlarmStore alarms, TicketStore tickets, InventoryStore inventory,
                              MaintenanceStore maintenance, Policy policy, SlaPolicy sla, Retention retention,
                              Clock clock) {
        this.policy = policy;
        this.sla = sla;
        this.alarms = alarms;
        this.tickets = tickets;
        this.inventory = inventory;
        this.maintenance = maintenance;
        this.retention = retention;
        this.clock = clock;
    }

    public SessionState load() {
        Instant now = clock.instant();
        long started = System.nanoTime();
        SessionState state = new SessionState(policy, sla, retention, tickets.referenceCounters(),
                alarms.loadForSession(retention.clearedAlarmsBefore(now)), tickets.loadOpen(), inventory.load().all(),
                maintenance.loadForSession(retention.closedTicketsBefore(now)));
        LOG.info("Session state read from MariaDB in {} ms: {} alarms, {} open tickets, {} inventory items, {} "
                        + "maintenance windows", (System.nanoTime() - started) / 1_000_000, state.alarms().size(),
                state.tickets().size(), state.inventory().size(), state.windows().size());
        return state;
    }
}
