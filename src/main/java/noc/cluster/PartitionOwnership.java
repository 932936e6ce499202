package noc.cluster;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

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
 *       into one ticket share a domain), not counting the alarms of other sessions whose tickets this
 *       one decides (their services' home: {@code alarm_ticket}); with only those, that home; a ticket without alarms that a person's command opened (a
 *       declaration's, a maintenance window's) the domain it was opened in, as recorded then
 *       ({@code ticket_domain}); else the domain of the ticket it is linked to (an overrun incident
 *       its maintenance), else its own reference, {@code ticket:<reference>};</li>
 *   <li>a maintenance window: its ticket's (they share the reference).</li>
 * </ul>
 *
 * A device moved to another domain takes its alarms to the new domain's partition at the next
 * rebuild, where its new inputs go too. A node routing a command to its ticket's partition works the
 * domain out the same way ({@link #domainOfTicket(String, Supplier, TicketFacts)}), from
 * MariaDB's rows of that one ticket.
 */
public final class PartitionOwnership {

    /** What the domain of a ticket without alarms, recorded domain or link starts with. */
    public static final String TICKET = "ticket:";

    private final CorrelationDomains domains;
    private final TicketFacts facts;
    private final int partitions;

    /**
     * @param ticketSources for each open ticket with alarms, one of their sources (the least)
     * @param pinned        the domain recorded for each ticket a command opened
     * @param tickets       the open tickets, for their links
     */
    public PartitionOwnership(CorrelationDomains domains, Map<String, String> ticketSources,
                              Map<String, String> ticketHomes, Map<String, String> pinned, List<Ticket> tickets,
                              int partitions) {
        this.domains = domains;
        this.partitions = partitions;
        Map<String, String> sources = Map.copyOf(ticketSources);
        Map<String, String> homes = Map.copyOf(ticketHomes);
        Map<String, String> recorded = Map.copyOf(pinned);
        Map<String, String> linkedTo = new HashMap<>();
        for (Ticket ticket : tickets) {
            if (ticket.linkedTo() != null) {
                linkedTo.put(ticket.reference(), ticket.linkedTo());
            }
        }
        this.facts = new TicketFacts() {
            @Override
            public String leastSource(String reference) {
                return sources.get(reference);
            }

            @Override
            public String homeDomain(String reference) {
                return homes.get(reference);
            }

            @Override
            public String pinnedDomain(String reference) {
                return recorded.get(reference);
            }

            @Override
            public String linkedTo(String reference) {
                return linkedTo.get(reference);
            }
        };
    }

    /**
     * What a ticket's domain is worked out from. Only open tickets' alarms and links count: a closed
     * ticket is in no session, so whichever partition its commands go to refuses them alike.
     */
    public interface TicketFacts {
        /**
         * The least source among the alarms of open ticket {@code reference} that it holds as alarms of
         * its own session (not those another session sent it: {@code alarm_ticket}), or null.
         */
        String leastSource(String reference);

        /**
         * The least domain among the homes that gave open ticket {@code reference} alarms of other
         * sessions ({@code alarm_ticket}): the domain of its session when it has no alarm of its own; or null.
         */
        String homeDomain(String reference);

        /** The domain recorded when a command opened ticket {@code reference}, or null. */
        String pinnedDomain(String reference);

        /** The ticket that open ticket {@code reference} is linked to, or null. */
        String linkedTo(String reference);
    }

    /** The correlation domain of ticket {@code reference}. */
    public String domainOfTicket(String reference) {
        return domainOfTicket(reference, () -> domains, facts);
    }

    /**
     * The correlation domain of ticket {@code reference}, from {@code facts}: the one rule for every
     * node. {@code domains} is asked for only when the ticket has alarms.
     */
    public static String domainOfTicket(String reference, Supplier<CorrelationDomains> domains, TicketFacts facts) {
        Set<String> seen = new HashSet<>();
        String current = reference;
        while (seen.add(current)) {
            String source = facts.leastSource(current);
            if (source != null) {
                return domains.get().ofSource(source);
            }
            String home = facts.homeDomain(current);
            if (home != null) {
                return home;
            }
            String pinned = facts.pinnedDomain(current);
            if (pinned != null) {
                return pinned;
            }
            String next = facts.linkedTo(current);
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
