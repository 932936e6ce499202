package noc.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which correlation domain an input belongs to, and which links of the inventory cross domains. */
class CorrelationDomainsTest {

    /**
     * A point of presence in Paris, shared by the customer sites hanging off it, and a Lyon site of its
     * own: pe-paris-1 stands in "POP Paris" (domain paris), acme-cpe-1 at "Acme Paris" (domain paris),
     * acme-cpe-2 at "Acme Lyon" (no domain: its name), a switch without a site hanging off the CPE, a
     * core router with neither site nor parent.
     */
    private static final List<InventoryItem> INVENTORY = List.of(
            new Customer("Acme", Contract.STANDARD, null),
            new Site("POP Paris", null, "Paris", "paris"),
            new Site("Acme Paris", "Acme", "1 rue de Rivoli", "paris"),
            new Site("Acme Lyon", "Acme", "2 quai Saint-Antoine", null),
            new Service("ACME-INTERNET-1", "Acme", "Acme Paris", Criticality.HIGH, false),
            new Service("ACME-VPN-2", "Acme", null, Criticality.MEDIUM, true),
            new Service("ACME-NOWHERE", "Acme", null, Criticality.LOW, false),
            new Device("pe-paris-1", "POP Paris", null, List.of("192.0.2.1", "2001:db8::1"), List.of()),
            new Device("acme-cpe-1", "Acme Paris", "pe-paris-1", List.of("192.0.2.10"),
                    List.of("ACME-INTERNET-1", "ACME-VPN-2")),
            new Device("acme-sw-1", null, "acme-cpe-1", List.of("192.0.2.11"), List.of()),
            new Device("acme-cpe-2", "Acme Lyon", "pe-paris-1", List.of("192.0.2.20"), List.of("ACME-VPN-2")),
            new Device("core-1", null, null, List.of("198.51.100.1"), List.of()));

    private final CorrelationDomains domains = CorrelationDomains.of(INVENTORY);

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({
            "192.0.2.1,    paris",                     // an address of a device at a site with a domain
            "2001:db8::1,  paris",                     // its other address
            "pe-paris-1,   paris",                     // its name, as monitoring systems send it
            "192.0.2.10,   paris",                     // another site of the same domain
            "192.0.2.11,   paris",                     // no site: its parent's domain
            "192.0.2.20,   Acme Lyon",                 // a site without a domain is its own, its name
            "acme-cpe-2,   Acme Lyon",
            "198.51.100.1, core-1",                    // neither site nor parent: its own name
            "203.0.113.9,  address:203.0.113.9",       // the inventory does not know it
            "unknown-host, address:unknown-host"})
    void theDomainOfASourceIsItsDevicesSitesDomain(String source, String domain) {
        assertThat(domains.ofSource(source)).isEqualTo(domain);
    }

    @Test
    void theKnownSourcesAreEveryAddressAndNameOfADevice() {
        assertThat(domains.sources()).hasSize(11).containsEntry("2001:db8::1", "paris")
                .containsEntry("acme-sw-1", "paris").containsEntry("198.51.100.1", "core-1")
                .doesNotContainKey("203.0.113.9");
    }

    @Test
    void devicesAndSitesHaveTheirDomainAndWhatTheInventoryDoesNotKnowHasNone() {
        assertThat(domains.ofDevice("acme-sw-1")).hasValue("paris");
        assertThat(domains.ofDevice("core-1")).hasValue("core-1");
        assertThat(domains.ofDevice("ghost")).isEmpty();
        assertThat(domains.ofSite("Acme Paris")).hasValue("paris");
        assertThat(domains.ofSite("Acme Lyon")).hasValue("Acme Lyon");
        assertThat(domains.ofSite("Atlantis")).isEmpty();
    }

    @Test
    void aServiceIsInItsSitesDomainElseInThatOfTheFirstDeviceCarryingIt() {
        assertThat(domains.ofService("ACME-INTERNET-1")).hasValue("paris");
        // no site: acme-cpe-1 comes before acme-cpe-2 by name
        assertThat(domains.ofService("ACME-VPN-2")).hasValue("paris");
        assertThat(domains.ofService("ACME-NOWHERE")).isEmpty();
    }

    @Test
    void aDevicesAlarmsAreTicketedAtTheHomeOfTheLeastServiceOfItsGroup() {
        // acme-cpe-2 (Acme Lyon) carries ACME-VPN-2, which acme-cpe-1 carries with ACME-INTERNET-1, and
        // hangs off pe-paris-1 as acme-cpe-1 does; acme-sw-1 hangs off acme-cpe-1: one group, whose least
        // service, ACME-INTERNET-1, is at Acme Paris. core-1 is linked to nothing.
        assertThat(domains.ticketHomeOf("acme-cpe-2")).hasValue("paris");
        assertThat(domains.ticketHomeOf("acme-cpe-1")).hasValue("paris");
        assertThat(domains.ticketHomeOf("pe-paris-1")).hasValue("paris");
        assertThat(domains.ticketHomeOf("acme-sw-1")).hasValue("paris");
        assertThat(domains.ticketHomeOf("core-1")).isEmpty();
        assertThat(domains.ticketHomes()).hasSize(4);
    }

    @Test
    void aWindowOverSeveralHomesLivesInTheLeastAndIsToldToTheDomainsOfTheOthersDevices() {
        // pe-paris-1 (paris) and acme-cpe-2 (Acme Lyon) are one group, homed in paris; core-1 is alone
        assertThat(domains.ofScope(List.of("pe-paris-1", "acme-cpe-2"), List.of(), List.of()))
                .containsExactly("Acme Lyon", "paris");
        assertThat(domains.windowHomes(List.of("pe-paris-1", "acme-cpe-2"), List.of(), List.of()))
                .containsExactly("paris");
        assertThat(domains.windowOwner(List.of("pe-paris-1", "acme-cpe-2"), List.of(), List.of())).hasValue("paris");
        assertThat(domains.windowGuests("paris", List.of("pe-paris-1", "acme-cpe-2"), List.of(), List.of())).isEmpty();
        assertThat(domains.windowHomes(List.of("core-1"), List.of("Acme Lyon"), List.of()))
                .containsExactly("core-1", "paris");
        assertThat(domains.windowOwner(List.of("core-1"), List.of("Acme Lyon"), List.of())).hasValue("core-1");
        assertThat(domains.windowGuests("core-1", List.of("core-1"), List.of("Acme Lyon"), List.of()))
                .containsExactly("Acme Lyon");
        assertThat(domains.windowOwner(List.of("acme-cpe-2"), List.of(), List.of())).hasValue("Acme Lyon");
    }

    @Test
    void aGroupOfParentLinksWithoutServicesIsHomedWithItsLeastTopDevice() {
        CorrelationDomains topology = CorrelationDomains.of(List.of(
                new Site("Nice", null, "Nice", "nice"),
                new Site("Lyon", null, "Lyon", "lyon"),
                new Device("pe-nice", "Nice", null, List.of("192.0.2.1"), List.of()),
                new Device("cpe-lyon", "Lyon", "pe-nice", List.of("192.0.2.2"), List.of()),
                new Device("alone", "Lyon", null, List.of("192.0.2.3"), List.of())));

        assertThat(topology.ticketHomes()).isEqualTo(java.util.Map.of("pe-nice", "nice", "cpe-lyon", "nice"));
    }

    @Test
    void servicesLinkedThroughSeveralDevicesShareOneTicketHome() {
        CorrelationDomains chain = CorrelationDomains.of(List.of(
                new Site("Lyon", "Acme", "Lyon", "lyon"),
                new Site("Nice", "Acme", "Nice", "nice"),
                new Service("S-B", "Acme", "Nice", Criticality.LOW, false),
                new Service("S-C", "Acme", "Lyon", Criticality.LOW, false),
                new Service("S-A", "Acme", "Lyon", Criticality.LOW, false),
                new Device("d1", "Nice", null, List.of("192.0.2.1"), List.of("S-C", "S-B")),
                new Device("d2", "Nice", null, List.of("192.0.2.2"), List.of("S-B")),
                new Device("d3", "Lyon", null, List.of("192.0.2.3"), List.of("S-A", "S-C")),
                new Device("d4", "Nice", null, List.of("192.0.2.4"), List.of("S-B", "S-C"))));

        // S-A, S-B and S-C are one group through d1 and d3; S-A is at Lyon
        assertThat(chain.ticketHomes()).containsOnlyKeys("d1", "d2", "d3", "d4").containsValues("lyon")
                .doesNotContainValue("nice");
    }

    @Test
    void aDeclarationGoesWithTheFirstOfItsServicesThatTheInventoryPlaces() {
        assertThat(domains.ofDeclaration("Acme", List.of("ACME-UNKNOWN", "ACME-NOWHERE", "ACME-INTERNET-1")))
                .isEqualTo("paris");
        assertThat(domains.ofDeclaration("Acme", List.of("ACME-UNKNOWN"))).isEqualTo("customer:Acme");
        assertThat(domains.ofDeclaration("Initech", List.of())).isEqualTo("customer:Initech");
    }

    @Test
    void aMaintenanceScopeTouchesTheDomainsOfItsDevicesSitesAndTheDevicesOfItsServices() {
        assertThat(domains.ofScope(List.of("core-1"), List.of("Acme Paris"), List.of("ACME-VPN-2")))
                .containsExactly("Acme Lyon", "core-1", "paris");
        assertThat(domains.ofScope(List.of("acme-sw-1"), List.of(), List.of())).containsExactly("paris");
        assertThat(domains.ofScope(List.of("ghost"), List.of("Atlantis"), List.of("ACME-NOWHERE"))).isEmpty();
    }

    @Test
    void aDeviceWhoseParentIsInAnotherDomainAndAServiceOverSeveralDomainsCross() {
        List<DomainCrossing> crossings = domains.crossings();

        assertThat(crossings).extracting(DomainCrossing::kind, DomainCrossing::key, DomainCrossing::field)
                .containsExactly(
                        tuple("devices", "acme-cpe-2", "parent"),
                        tuple("services", "ACME-VPN-2", null));
        DomainCrossing parent = crossings.get(0);
        assertThat(parent.values()).containsExactly("Acme Lyon", "pe-paris-1", "paris");
        assertThat(parent.message()).contains("'Acme Lyon'").contains("'pe-paris-1' in 'paris'");
        assertThat(parent.involved()).containsExactlyInAnyOrder("DEVICES:acme-cpe-2", "DEVICES:pe-paris-1",
                "SITES:Acme Lyon", "SITES:POP Paris");
        DomainCrossing service = crossings.get(1);
        assertThat(service.values()).containsExactly("Acme Lyon, paris");
        assertThat(service.message()).startsWith("is carried by devices in correlation domains [Acme Lyon, paris]");
        assertThat(service.involves(InventoryKind.SITES, "Acme Lyon")).isTrue();
        assertThat(service.involves(InventoryKind.DEVICES, "acme-cpe-1")).isTrue();
        assertThat(service.involves(InventoryKind.DEVICES, "core-1")).isFalse();
    }

    @Test
    void givingTheSitesOneDomainLeavesNothingCrossing() {
        List<InventoryItem> fixed = INVENTORY.stream().map(item -> item instanceof Site site
                ? new Site(site.name(), site.customer(), site.address(), "paris") : item).toList();

        CorrelationDomains one = CorrelationDomains.of(fixed);

        assertThat(one.crossings()).isEmpty();
        assertThat(one.ofSource("192.0.2.20")).isEqualTo("paris");
    }

    @Test
    void aServiceAtASiteOfOneDomainCarriedByADeviceOfAnotherDoesNotCross() {
        // Only its declarations go by the site, and no rule joins a declaration with alarms.
        CorrelationDomains split = CorrelationDomains.of(List.of(
                new Customer("Acme", Contract.STANDARD, null),
                new Site("Acme Paris", "Acme", "Paris", null),
                new Service("ACME-INTERNET-1", "Acme", "Acme Paris", Criticality.HIGH, false),
                new Device("cpe", null, null, List.of("192.0.2.10"), List.of("ACME-INTERNET-1"))));

        assertThat(split.crossings()).isEmpty();
        assertThat(split.ofDeclaration("Acme", List.of("ACME-INTERNET-1"))).isEqualTo("Acme Paris");
        assertThat(split.ofSource("192.0.2.10")).isEqualTo("cpe");
    }

    @Test
    void theSourcesWhoseDomainChangedAreTheMoves() {
        List<InventoryItem> moved = new java.util.ArrayList<>(INVENTORY.stream()
                .filter(item -> !(item instanceof Device device && device.name().equals("core-1")))
                .map(item -> item instanceof Site site && site.name().equals("Acme Lyon")
                        ? new Site(site.name(), site.customer(), site.address(), "paris") : item)
                .toList());
        moved.add(new Device("new-1", null, null, List.of("203.0.113.9"), List.of()));

        assertThat(CorrelationDomains.of(moved).movesSince(domains)).containsExactly(
                new DomainMove("192.0.2.20", "Acme Lyon", "paris"),
                new DomainMove("198.51.100.1", "core-1", "address:198.51.100.1"),
                new DomainMove("203.0.113.9", "address:203.0.113.9", "new-1"),
                new DomainMove("acme-cpe-2", "Acme Lyon", "paris"),
                new DomainMove("core-1", "core-1", "address:core-1"),
                new DomainMove("new-1", "address:new-1", "new-1"));
        assertThat(domains.movesSince(CorrelationDomains.of(INVENTORY))).isEmpty();
    }

    @Test
    void aCrossingInvolvesTheDevicesAndTheSiteAParentInheritsItsDomainThrough() {
        CorrelationDomains chain = CorrelationDomains.of(List.of(
                new Site("POP", null, "a", "pop"), new Site("Far", null, "b", null),
                new Device("pe", "POP", null, List.of(), List.of()),
                new Device("agg", null, "pe", List.of(), List.of()),
                new Device("cpe", "Far", "agg", List.of(), List.of())));

        assertThat(chain.crossings()).singleElement().satisfies(crossing -> {
            assertThat(crossing.key()).isEqualTo("cpe");
            assertThat(crossing.values()).containsExactly("Far", "agg", "pop");
            assertThat(crossing.involved()).containsExactlyInAnyOrder("DEVICES:cpe", "DEVICES:agg", "DEVICES:pe",
                    "SITES:Far", "SITES:POP");
        });
    }

    @Test
    void aParentLoopEndsWithoutHangingAndGivesOneDomain() {
        // The import refuses loops; a list with one still resolves.
        CorrelationDomains looped = CorrelationDomains.of(List.of(
                new Device("a", null, "b", List.of("192.0.2.1"), List.of()),
                new Device("b", null, "a", List.of("192.0.2.2"), List.of())));

        assertThat(looped.ofSource("192.0.2.1")).isEqualTo(looped.ofSource("192.0.2.2"));
        assertThat(looped.crossings()).isEmpty();
    }

    @Test
    void anAddressWinsOverADeviceOfTheSameName() {
        CorrelationDomains named = CorrelationDomains.of(List.of(
                new Site("A", null, "a", "one"), new Site("B", null, "b", "two"),
                new Device("192.0.2.1", "A", null, List.of(), List.of()),
                new Device("router", "B", null, List.of("192.0.2.1"), List.of())));

        assertThat(named.ofSource("192.0.2.1")).isEqualTo("two");
        assertThat(named.ofDevice("192.0.2.1")).hasValue("one");
    }
}
