package noc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import noc.inventory.CorrelationDomains;
import noc.inventory.Device;
import noc.inventory.InventoryItem;
import noc.inventory.Site;
import noc.ticket.Priority;
import noc.ticket.SlaClock;
import noc.ticket.Ticket;

class PartitionOwnershipTest {

    private static final Instant AT = Instant.parse("2026-12-02T08:00:00Z");
    private static final CorrelationDomains DOMAINS = CorrelationDomains.of(List.<InventoryItem>of(
            new Site("POP Paris", null, "Paris", "paris"),
            new Site("POP Lyon", null, "Lyon", "lyon"),
            new Device("pe-paris-1", "POP Paris", null, List.of("192.0.2.1"), List.of()),
            new Device("pe-lyon-1", "POP Lyon", null, List.of("192.0.2.2"), List.of())));

    private static Ticket ticket(String reference, String linkedTo) {
        return Ticket.opened(reference, Priority.P3, "t", "r", "g:" + reference, AT, linkedTo,
                SlaClock.started(java.time.Duration.ofHours(8)));
    }

    private final PartitionOwnership ownership = new PartitionOwnership(DOMAINS,
            Map.of("INC-1", "192.0.2.1", "MNT-2", "192.0.2.2"),
            Map.of("INC-7", "paris", "INC-1", "lyon"),
            Map.of("DEC-3", "customer:Initrode", "MNT-2", "paris", "MNT-4", "lyon"),
            List.of(ticket("INC-1", null), ticket("MNT-2", null), ticket("DEC-3", null), ticket("MNT-4", null),
                    ticket("INC-5", "MNT-4"), ticket("INC-6", null),
                    ticket("INC-7", null)), 12);

    @Test
    void aTicketWithAlarmsLivesInTheDomainOfItsLeastSource() {
        assertThat(ownership.domainOfTicket("INC-1")).isEqualTo("paris");
        assertThat(ownership.domainOfTicket("MNT-2")).as("its alarms before what was recorded").isEqualTo("lyon");
    }

    @Test
    void aTicketHoldingOnlyAlarmsOfOtherSessionsLivesInTheirServicesHome() {
        assertThat(ownership.domainOfTicket("INC-7")).isEqualTo("paris");
        assertThat(ownership.domainOfTicket("INC-1")).as("its own alarms first").isEqualTo("paris");
    }

    @Test
    void aTicketACommandOpenedLivesInTheDomainItWasOpenedIn() {
        assertThat(ownership.domainOfTicket("DEC-3")).isEqualTo("customer:Initrode");
        assertThat(ownership.domainOfTicket("MNT-4")).isEqualTo("lyon");
        assertThat(ownership.ofTicket("DEC-3")).isEqualTo(Partitions.of("customer:Initrode", 12));
    }

    @Test
    void aLinkedTicketFollowsTheTicketItIsLinkedToAndAnyOtherIsItsOwnDomain() {
        assertThat(ownership.domainOfTicket("INC-5")).isEqualTo("lyon");
        assertThat(ownership.domainOfTicket("INC-6")).isEqualTo("ticket:INC-6");
    }

    @Test
    void aNodeLookingUpOneTicketFindsTheSameDomainAsARebuild() {
        Map<String, String> linked = Map.of("INC-5", "MNT-4");
        PartitionOwnership.TicketFacts oneByOne = new PartitionOwnership.TicketFacts() {
            @Override
            public String leastSource(String reference) {
                return Map.of("INC-1", "192.0.2.1").get(reference);
            }

            @Override
            public String homeDomain(String reference) {
                return Map.of("INC-7", "paris").get(reference);
            }

            @Override
            public String pinnedDomain(String reference) {
                return Map.of("MNT-4", "lyon", "DEC-3", "customer:Initrode").get(reference);
            }

            @Override
            public String linkedTo(String reference) {
                return linked.get(reference);
            }
        };
        for (String reference : List.of("INC-1", "DEC-3", "MNT-4", "INC-5", "INC-6", "INC-7")) {
            assertThat(PartitionOwnership.domainOfTicket(reference, () -> DOMAINS, oneByOne)).as(reference)
                    .isEqualTo(ownership.domainOfTicket(reference));
        }
    }
}
