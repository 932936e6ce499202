package noc.cluster;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import noc.alarm.Alarm;
import noc.domain.SessionState;
import noc.inventory.CorrelationDomains;
import noc.maintenance.MaintenanceWindow;
import noc.ticket.Ticket;

/**
 * Which partition of the inputs topic each stored alarm, ticket and maintenance window belongs to, so
 * that an engine rebuilding a partition's session reads exactly what that partition's inputs will
 * meet. Worked out from the inventory as it stands, the same way the collectors key the inputs:
 *
 * <ul>
 *   <li>an alarm: the correlation domain of its source;</li>
 *   <li>a ticket: the domain of its alarms (the least source among them; the alarms a session merges
 *       into one ticket share a domain); a ticket without alarms follows the ticket it is linked to
 *       (an overrun incident its maintenance), else its own reference, {@code ticket:<reference>};</li>
 *   <li>a maintenance window: its ticket's (they share the reference).</li>
 * </ul>
 *
 * A device moved to another domain takes its alarms to the new domain's partition at the next
 * rebuild, where its new inputs go too.
 */
public final class PartitionOwnership {

    /** What the domain of a ticket without alarms or link starts with. */
    public static final String TICKET = "ticket:";

    private final CorrelationDomains domains;
    private final Map<String, String> ticketSources;
    private final Map<String, String> linkedTo = new HashMap<>();
    private final int partitions;

    /**
     * @param ticketSources for each open ticket with alarms, one of their sources (the least)
     * @param tickets       the open tickets, for their links
     */
    public PartitionOwnership(CorrelationDomains domains, Map<String, String> ticketSources, List<Ticket> tickets,
                              int partitions) {
        this.domains = domains;
        this.ticketSources = Map.copyOf(ticketSources);
        this.partitions = partitions;
        for (Ticket ticket : tickets) {
            if (ticket.linkedTo() != null) {
                linkedTo.put(ticket.reference(), ticket.linkedTo());
            }
        }
    }

    /** The correlation domain of ticket {@code reference}. */
    public String domainOfTicket(String reference) {
        Set<String> seen = new HashSet<>();
        String current = reference;
        while (seen.add(current)) {
            String source = ticketSources.get(current);
            if (source != null) {
                return domains.ofSource(source);
            }
            String next = linkedTo.get(current);
            if (next == null) {
                break;
            }
            current = next;
        }
        return TICKET + reference;
    }

    public int ofAlarm(Alarm alarm) {
        return Partitions.of(domains.ofSource(alarm.source()), partitions);
    }

    public int ofTicket(String reference) {
        return Partitions.of(domainOfTicket(reference), partitions);
    }

    /** What of {@code state} partition {@code partition}'s session starts from: its own facts, all the inventory. */
    public SessionState restrict(SessionState state, int partition) {
        List<Alarm> alarms = state.alarms().stream().filter(alarm -> ofAlarm(alarm) == partition).toList();
        List<Ticket> tickets = state.tickets().stream().filter(ticket -> ofTicket(ticket.reference()) == partition)
                .toList();
        List<MaintenanceWindow> windows = state.windows().stream()
                .filter(window -> ofTicket(window.reference()) == partition).toList();
        return new SessionState(state.policy(), state.sla(), state.retention(), state.referenceCounters(), alarms,
                tickets, state.inventory(), windows);
    }
}
