package noc.engine;

import jakarta.inject.Singleton;
import noc.alarm.AlarmStore;
import noc.inventory.InventoryStore;
import noc.maintenance.MaintenanceStore;
import noc.ticket.SlaPolicy;
import noc.ticket.TicketStore;

/** Reads from MariaDB everything a session starts from. */
@Singleton
public class SessionStateLoader {

    private final AlarmStore alarms;
    private final TicketStore tickets;
    private final InventoryStore inventory;
    private final MaintenanceStore maintenance;
    private final Policy policy;
    private final SlaPolicy sla;

    public SessionStateLoader(AlarmStore alarms, TicketStore tickets, InventoryStore inventory,
                              MaintenanceStore maintenance, Policy policy, SlaPolicy sla) {
        this.policy = policy;
        this.sla = sla;
        this.alarms = alarms;
        this.tickets = tickets;
        this.inventory = inventory;
        this.maintenance = maintenance;
    }

    public SessionState load() {
        return new SessionState(policy, sla, tickets.referenceCounters(), alarms.loadAll(), tickets.loadOpen(),
                inventory.load().all(), maintenance.loadAll());
    }
}
