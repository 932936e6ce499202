package noc.domain;

import java.util.List;
import java.util.Map;

import noc.alarm.Alarm;
import noc.engine.Domain;
import noc.engine.Policy;
import noc.engine.Retention;
import noc.engine.SessionContext;
import noc.inventory.InventoryItem;
import noc.maintenance.MaintenanceWindow;
import noc.ticket.SlaPolicy;
import noc.ticket.Ticket;
import noc.ticket.TicketNumbers;

/**
 * What a session starts from: the ticket counters and the facts MariaDB holds, as at startup and at
 * every rule reload (or what a scenario gives). Planted as it is, it plans no notification and counts
 * ticket numbers on from its counters in memory; the engine plants it {@link #notifying} its planner,
 * with numbers reserved in MariaDB.
 */
public record SessionState(Policy policy, SlaPolicy sla, Retention retention, Map<Integer, Long> referenceCounters,
                           List<Alarm> alarms, List<Ticket> tickets, List<InventoryItem> inventory,
                           List<MaintenanceWindow> windows) implements Domain.Seed {

    public SessionState {
        java.util.Objects.requireNonNull(policy, "policy is null");
        java.util.Objects.requireNonNull(retention, "retention is null");
        java.util.Objects.requireNonNull(sla, "sla is null");
        referenceCounters = Map.copyOf(referenceCounters);
        alarms = List.copyOf(alarms);
        tickets = List.copyOf(tickets);
        inventory = List.copyOf(inventory);
        windows = List.copyOf(windows);
    }

    @Override
    public Domain.Session plant(SessionContext context) {
        return new Features(context, this, null, TicketNumbers.counting(referenceCounters));
    }

    /**
     * This state, planted with {@code planner} deciding who is told what of each cycle, counting ticket
     * numbers on from its counters in memory (a scenario, the warm-up).
     */
    public Domain.Seed notifying(noc.notify.NotificationPlanner planner) {
        return context -> new Features(context, this, planner, TicketNumbers.counting(referenceCounters));
    }

    /** This state, planted with {@code planner}, its tickets numbered from {@code numbers} (the engine's). */
    public Domain.Seed notifying(noc.notify.NotificationPlanner planner, TicketNumbers numbers) {
        return context -> new Features(context, this, planner, numbers);
    }

    /**
     * This state, planted with {@code planner} (or none), as the session of {@code placement} among
     * those that share the work, its tickets numbered from {@code numbers}.
     */
    public Domain.Seed placed(noc.notify.NotificationPlanner planner, TicketNumbers numbers, Placement placement) {
        return context -> new Features(context, this, planner, numbers, placement);
    }

    /** This state as the session of {@code placement}, planning no notification, counting numbers in memory. */
    public Domain.Seed placed(Placement placement) {
        return placed(null, TicketNumbers.counting(referenceCounters), placement);
    }

    public static SessionState empty() {
        return new SessionState(Policy.defaults(), SlaPolicy.defaults(), Retention.defaults(), Map.of(), List.of(),
                List.of(), List.of(), List.of());
    }

    public SessionState withInventory(List<InventoryItem> items) {
        return new SessionState(policy, sla, retention, referenceCounters, alarms, tickets, items, windows);
    }

    public SessionState withReferenceCounters(Map<Integer, Long> counters) {
        return new SessionState(policy, sla, retention, counters, alarms, tickets, inventory, windows);
    }

    public SessionState withPolicy(Policy next) {
        return new SessionState(next, sla, retention, referenceCounters, alarms, tickets, inventory, windows);
    }

    public SessionState withSla(SlaPolicy next) {
        return new SessionState(policy, next, retention, referenceCounters, alarms, tickets, inventory, windows);
    }

    public SessionState withRetention(Retention next) {
        return new SessionState(policy, sla, next, referenceCounters, alarms, tickets, inventory, windows);
    }
}
