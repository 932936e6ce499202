package noc.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import noc.alarm.AlarmEvent;
import noc.domain.SessionState;
import noc.engine.CompiledRules;
import noc.engine.RuleBuildException;
import noc.engine.RuleCompiler;
import noc.inventory.CorrelationDomains;
import noc.inventory.DomainCrossing;

/**
 * The shipped scenarios that would decide otherwise with several engines, because their inventory
 * crosses correlation domains or a maintenance scope spans several, are those docs/correlation-domains.md
 * names: the document and the scenarios cannot drift apart unnoticed.
 */
class ScenarioDomainsTest {

    /**
     * A redundant service homed in Paris (its site) carried by a CPE in Paris and one in Lyon: the
     * Lyon link down comes first, is ticketed in Paris's session, and the Paris one joins it (P1);
     * then both links come up and the ticket resolves after the hold-down; a Lyon link down much later
     * opens a ticket of its own, in Paris's session again.
     */
    private static final String PARIS_LYON = """
            name: A redundant service carried in Paris and Lyon
            given:
              inventory:
                customers:
                  - {name: Acme, contract: standard}
                sites:
                  - {name: paris-1, customer: Acme, address: 1 rue de Paris, domain: paris}
                  - {name: lyon-1, customer: Acme, address: 1 rue de Lyon, domain: lyon}
                services:
                  - {reference: ACME-VPN-2, customer: Acme, criticality: high, redundant: true, site: paris-1}
                  - {reference: ACME-INTERNET-9, customer: Acme, criticality: high, redundant: false, site: lyon-1}
                devices:
                  - {name: cpe-paris, site: paris-1, addresses: [192.0.2.21], services: [ACME-VPN-2]}
                  - {name: cpe-lyon, site: lyon-1, addresses: [192.0.2.22], services: [ACME-VPN-2]}
                  - {name: cpe-lyon-2, site: lyon-1, addresses: [192.0.2.23], services: [ACME-INTERNET-9]}
            steps:
              - at: 0s
                alarms:
                  - {source: 192.0.2.22, name: "IF-MIB::linkDown", resource: ifIndex.1}
                  - {source: 192.0.2.23, name: "IF-MIB::linkDown", resource: ifIndex.1}
              - at: 2m
                alarms:
                  - {source: 192.0.2.21, name: "IF-MIB::linkDown", resource: ifIndex.1}
              - at: 3m
                alarms:
                  - {source: 192.0.2.22, name: "IF-MIB::linkDown", resource: ifIndex.1}
              - at: 10m
                alarms:
                  - {source: 192.0.2.22, name: "IF-MIB::linkUp", resource: ifIndex.1}
                  - {source: 192.0.2.21, name: "IF-MIB::linkUp", resource: ifIndex.1}
              - at: 40m
              - at: 50m
                alarms:
                  - {source: 192.0.2.22, name: "IF-MIB::linkDown", resource: ifIndex.1}
              - at: 51m
                alarms:
                  - {source: 192.0.2.22, name: "IF-MIB::linkUp", resource: ifIndex.1}
                  - {source: 192.0.2.22, name: "IF-MIB::linkDown", resource: ifIndex.1}
            """;

    /**
     * A provider edge in Paris whose customer devices stand in Lyon and Nice, each site its own domain:
     * one group, homed in Lyon (its service's site). The edge's failure gathers the Lyon CPE's link
     * down and the Nice CPE's, as in one session; clears reach the ticket; once the cause clears, the
     * Nice CPE's next link down opens a ticket of its own; later the Nice CPE's link down comes first,
     * and the edge's second failure and the Lyon link down follow.
     */
    private static final String ROOT_CAUSE = """
            name: A provider edge in Paris and the customer devices hanging off it in Lyon and Nice
            given:
              inventory:
                customers:
                  - {name: Acme, contract: standard}
                sites:
                  - {name: POP Paris, address: Paris, domain: paris}
                  - {name: Acme Lyon, customer: Acme, address: Lyon, domain: lyon}
                  - {name: Acme Nice, customer: Acme, address: Nice, domain: nice}
                services:
                  - {reference: ACME-INTERNET-1, customer: Acme, criticality: high, redundant: false, site: Acme Lyon}
                devices:
                  - {name: pe-paris-1, site: POP Paris, addresses: [192.0.2.1]}
                  - {name: acme-cpe-1, site: Acme Lyon, parent: pe-paris-1, addresses: [192.0.2.10],
                     services: [ACME-INTERNET-1]}
                  - {name: acme-cpe-2, site: Acme Nice, parent: pe-paris-1, addresses: [192.0.2.20]}
            steps:
              - at: 0s
                alarms:
                  - {kind: generic, source: pe-paris-1, name: Device down, severity: critical}
              - at: 1m
                alarms:
                  - {source: 192.0.2.10, name: "IF-MIB::linkDown", resource: ifIndex.1}
                  - {source: 192.0.2.1, name: "IF-MIB::linkDown", resource: ifIndex.3}
                  - {source: 192.0.2.20, name: "IF-MIB::linkDown", resource: ifIndex.2}
              - at: 5m
                alarms:
                  - {source: 192.0.2.10, name: "IF-MIB::linkUp", resource: ifIndex.1}
              - at: 10m
                alarms:
                  - {kind: generic, source: pe-paris-1, name: Device down, state: clear}
              - at: 11m
                alarms:
                  - {source: 192.0.2.20, name: "IF-MIB::linkDown", resource: ifIndex.1}
              - at: 40m
                alarms:
                  - {source: 192.0.2.1, name: "IF-MIB::linkUp", resource: ifIndex.3}
                  - {source: 192.0.2.20, name: "IF-MIB::linkUp", resource: ifIndex.2}
                  - {source: 192.0.2.20, name: "IF-MIB::linkUp", resource: ifIndex.1}
              - at: 70m
              - at: 80m
                alarms:
                  - {source: 192.0.2.20, name: "IF-MIB::linkDown", resource: ifIndex.5}
              - at: 81m
                alarms:
                  - {kind: generic, source: pe-paris-1, name: Device down, severity: critical}
                  - {source: 192.0.2.10, name: "IF-MIB::linkDown", resource: ifIndex.1}
            """;

    /**
     * Works on the Paris edge and the Nice CPE, two domains of a group homed in Lyon: the window lives in
     * Lyon's session, where the alarms of both are decided; it holds them back, and a failure after
     * the window is an incident, as in one session.
     */
    private static final String MAINTENANCE = ROOT_CAUSE.substring(0, ROOT_CAUSE.indexOf("steps:")) + """
            steps:
              - at: 0s
                maintenance:
                  - {title: Edge upgrade, start: 1m, end: 61m, devices: [pe-paris-1, acme-cpe-2]}
              - at: 5m
                alarms:
                  - {source: 192.0.2.1, name: "IF-MIB::linkDown", resource: ifIndex.3}
              - at: 6m
                alarms:
                  - {source: 192.0.2.20, name: "IF-MIB::linkDown", resource: ifIndex.2}
              - at: 30m
                alarms:
                  - {source: 192.0.2.1, name: "IF-MIB::linkUp", resource: ifIndex.3}
                  - {source: 192.0.2.20, name: "IF-MIB::linkUp", resource: ifIndex.2}
              - at: 62m
              - at: 70m
                alarms:
                  - {source: 192.0.2.20, name: "IF-MIB::linkDown", resource: ifIndex.2}
            """;

    /**
     * Works on devices of two unrelated groups: Acme's service homed in Paris (its CPEs in Paris and
     * Lyon) and Globex's homed in Nice (its CPEs in Nice and Marseille). The window covers the Paris,
     * Lyon and Marseille CPEs: it lives in Nice's session, the least home, and Paris's and Lyon's
     * sessions learn of it. The link downs during the window all go to its ticket; the Paris link still
     * down at its end overruns into a P1, whose clear after the end reaches it there; the Lyon link
     * down after the end, back after its clear, and a new one in Marseille open incidents of their own.
     */
    private static final String MAINTENANCE_OF_TWO_HOMES = """
            name: A window over devices of two groups homed apart
            given:
              inventory:
                customers:
                  - {name: Acme, contract: standard}
                  - {name: Globex, contract: standard}
                sites:
                  - {name: paris-1, customer: Acme, address: Paris, domain: paris}
                  - {name: lyon-1, customer: Acme, address: Lyon, domain: lyon}
                  - {name: nice-1, customer: Globex, address: Nice, domain: nice}
                  - {name: marseille-1, customer: Globex, address: Marseille, domain: marseille}
                services:
                  - {reference: ACME-VPN-2, customer: Acme, criticality: high, redundant: true, site: paris-1}
                  - {reference: GLOBEX-NET-7, customer: Globex, criticality: high, redundant: true, site: nice-1}
                devices:
                  - {name: cpe-paris, site: paris-1, addresses: [192.0.2.21], services: [ACME-VPN-2]}
                  - {name: cpe-lyon, site: lyon-1, addresses: [192.0.2.22], services: [ACME-VPN-2]}
                  - {name: cpe-nice, site: nice-1, addresses: [192.0.2.31], services: [GLOBEX-NET-7]}
                  - {name: cpe-marseille, site: marseille-1, addresses: [192.0.2.32], services: [GLOBEX-NET-7]}
            steps:
              - at: 0s
                maintenance:
                  - {title: Access upgrade, start: 1m, end: 61m, devices: [cpe-paris, cpe-lyon, cpe-marseille]}
              - at: 5m
                alarms:
                  - {source: 192.0.2.22, name: "IF-MIB::linkDown", resource: ifIndex.1}
                  - {source: 192.0.2.21, name: "IF-MIB::linkDown", resource: ifIndex.1}
                  - {source: 192.0.2.32, name: "IF-MIB::linkDown", resource: ifIndex.1}
              - at: 30m
                alarms:
                  - {source: 192.0.2.22, name: "IF-MIB::linkUp", resource: ifIndex.1}
                  - {source: 192.0.2.32, name: "IF-MIB::linkUp", resource: ifIndex.1}
              - at: 62m
              - at: 70m
                alarms:
                  - {source: 192.0.2.21, name: "IF-MIB::linkUp", resource: ifIndex.1}
              - at: 75m
                alarms:
                  - {source: 192.0.2.22, name: "IF-MIB::linkDown", resource: ifIndex.1}
              - at: 80m
                alarms:
                  - {source: 192.0.2.32, name: "IF-MIB::linkDown", resource: ifIndex.2}
              - at: 90m
            """;

    /** A link of the Lyon CPE of a service homed in Paris flaps: its flapping alarm joins the home's ticket. */
    private static final String FLAPPING = """
            name: A flapping link of a device whose service is homed in another domain
            given:
              inventory:
                customers:
                  - {name: Acme, contract: standard}
                sites:
                  - {name: paris-1, customer: Acme, address: Paris, domain: paris}
                  - {name: lyon-1, customer: Acme, address: Lyon, domain: lyon}
                services:
                  - {reference: ACME-VPN-2, customer: Acme, criticality: high, redundant: true, site: paris-1}
                devices:
                  - {name: cpe-paris, site: paris-1, addresses: [192.0.2.21], services: [ACME-VPN-2]}
                  - {name: cpe-lyon, site: lyon-1, addresses: [192.0.2.22], services: [ACME-VPN-2]}
            steps:
              - {at: 0m, alarms: [{source: 192.0.2.22, name: "IF-MIB::linkDown", resource: ifIndex.4}]}
              - {at: 0m30s, alarms: [{source: 192.0.2.22, name: "IF-MIB::linkUp", resource: ifIndex.4}]}
              - {at: 2m, alarms: [{source: 192.0.2.22, name: "IF-MIB::linkDown", resource: ifIndex.4}]}
              - {at: 2m30s, alarms: [{source: 192.0.2.22, name: "IF-MIB::linkUp", resource: ifIndex.4}]}
              - {at: 4m, alarms: [{source: 192.0.2.22, name: "IF-MIB::linkDown", resource: ifIndex.4}]}
              - {at: 4m30s, alarms: [{source: 192.0.2.22, name: "IF-MIB::linkUp", resource: ifIndex.4}]}
              - {at: 6m, alarms: [{source: 192.0.2.22, name: "IF-MIB::linkDown", resource: ifIndex.4}]}
              - {at: 6m30s, alarms: [{source: 192.0.2.22, name: "IF-MIB::linkUp", resource: ifIndex.4}]}
              - {at: 8m, alarms: [{source: 192.0.2.22, name: "IF-MIB::linkDown", resource: ifIndex.4}]}
              - {at: 19m}
            """;

    private static CompiledRules rules;

    @BeforeAll
    static void compile() throws RuleBuildException {
        rules = new RuleCompiler().compile(Path.of("rules"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alarms-of-one-service-merge-into-its-ticket.yaml",
            "p1-affecting-many-customers-is-major.yaml"})
    void aShippedScenarioWhoseServicesSpanDomainsDecidesAlikeWithEachDomainInASessionOfItsOwn(String file)
            throws IOException {
        Scenario scenario = Scenario.parse(file, Files.readString(Path.of("rules", "tests", file)));

        Map<Integer, List<String>> single = outcomes(scenario, 1);
        Map<Integer, List<String>> split = outcomes(scenario, Integer.MAX_VALUE);

        assertThat(split).isEqualTo(single);
    }

    @Test
    void aServiceOfTwoDomainsIsTicketedInItsHomeAndDecidesAsInOneSession() {
        Scenario scenario = Scenario.parse("paris-lyon.yaml", PARIS_LYON);

        Map<Integer, List<String>> single = outcomes(scenario, 1);
        Map<Integer, List<String>> split = outcomes(scenario, Integer.MAX_VALUE);

        assertThat(split).isEqualTo(single);
        assertThat(single.get(2).get(0)).contains("Link down on cpe-lyon (192.0.2.22) opened 2026-03-02T08:00:00Z=OPEN P1")
                .contains("192.0.2.21|", "192.0.2.22|");
        assertThat(single.get(4).get(0)).contains("Link down on cpe-lyon (192.0.2.22) opened 2026-03-02T08:00:00Z=RESOLVED");
        assertThat(single.get(5).get(0)).contains("Link down on cpe-lyon (192.0.2.22) opened 2026-03-02T08:00:00Z=OPEN P1");
    }

    @Test
    void aDeviceDownGathersTheAlarmsOfDevicesHangingOffItInOtherDomainsAsInOneSession() {
        Scenario scenario = Scenario.parse("root-cause.yaml", ROOT_CAUSE);

        Map<Integer, List<String>> single = outcomes(scenario, 1);
        Map<Integer, List<String>> split = outcomes(scenario, Integer.MAX_VALUE);

        assertThat(split).isEqualTo(single);
        assertThat(single.get(1).get(0)).contains("Device down on pe-paris-1 opened 2026-03-02T08:00:00Z=OPEN P1")
                .contains("192.0.2.10|IF-MIB::linkDown|ifIndex.1", "192.0.2.20|IF-MIB::linkDown|ifIndex.2");
    }

    @Test
    void aWindowOverDomainsOfOneGroupLivesInItsHomeAndHoldsBackAllItsAlarmsAsInOneSession() {
        Scenario scenario = Scenario.parse("maintenance.yaml", MAINTENANCE);

        Map<Integer, List<String>> single = outcomes(scenario, 1);
        Map<Integer, List<String>> split = outcomes(scenario, Integer.MAX_VALUE);

        assertThat(split).isEqualTo(single);
        assertThat(single.get(2).get(1)).contains("192.0.2.20|IF-MIB::linkDown|ifIndex.2=RAISED on Maintenance")
                .contains("192.0.2.1|IF-MIB::linkDown|ifIndex.3=RAISED on Maintenance");
        assertThat(single.get(5).get(0)).contains("Link down on acme-cpe-2 (192.0.2.20)");
    }

    @Test
    void aWindowOverDevicesOfSeveralHomesLivesInTheLeastAndTakesTheAlarmsOfAllAsInOneSession() {
        Scenario scenario = Scenario.parse("maintenance-two-homes.yaml", MAINTENANCE_OF_TWO_HOMES);

        Map<Integer, List<String>> single = outcomes(scenario, 1);
        Map<Integer, List<String>> split = outcomes(scenario, Integer.MAX_VALUE);

        assertThat(split).isEqualTo(single);
        assertThat(single.get(1).get(1)).contains("192.0.2.21|IF-MIB::linkDown|ifIndex.1=RAISED on Maintenance",
                "192.0.2.22|IF-MIB::linkDown|ifIndex.1=RAISED on Maintenance",
                "192.0.2.32|IF-MIB::linkDown|ifIndex.1=RAISED on Maintenance");
        assertThat(single.get(1).get(0)).doesNotContain("Link down");
        assertThat(single.get(3).get(1)).contains("192.0.2.21|IF-MIB::linkDown|ifIndex.1=RAISED on Maintenance overrun");
        assertThat(single.get(3).get(0)).contains("Maintenance overrun: Access upgrade opened 2026-03-02T09:02:00Z=OPEN P1");
        assertThat(single.get(4).get(1)).contains("192.0.2.21|IF-MIB::linkDown|ifIndex.1=CLEARED on Maintenance overrun");
        assertThat(single.get(5).get(1)).contains("192.0.2.22|IF-MIB::linkDown|ifIndex.1=RAISED on Link down on cpe-lyon");
        assertThat(single.get(6).get(1)).contains("192.0.2.32|IF-MIB::linkDown|ifIndex.2=RAISED on Link down on cpe-marseille");
        assertThat(single.get(7).get(0)).contains("Maintenance overrun: Access upgrade opened 2026-03-02T09:02:00Z=RESOLVED");
    }

    @Test
    void aFlappingAlarmJoinsItsCausesTicketInTheHomeAsInOneSession() {
        Scenario scenario = Scenario.parse("flapping.yaml", FLAPPING);

        Map<Integer, List<String>> single = outcomes(scenario, 1);
        Map<Integer, List<String>> split = outcomes(scenario, Integer.MAX_VALUE);

        assertThat(split).isEqualTo(single);
        assertThat(single.get(8).get(1)).contains("192.0.2.22|NOC::flapping|ifIndex.4=RAISED on Link down on cpe-lyon");
    }

    @Test
    void theP56CustomerCountTakesTheAccessesOfAnotherDomain() throws IOException {
        String file = "p1-affecting-many-customers-is-major.yaml";
        Scenario scenario = Scenario.parse(file, Files.readString(Path.of("rules", "tests", file)));

        Map<Integer, List<String>> split = outcomes(scenario, Integer.MAX_VALUE);

        assertThat(split.get(1).get(0)).contains("OPEN P1 major customers [Acme, Globex]");
    }

    /**
     * Per step, the tickets and the alarms, run with every domain in one session ({@code sessions} 1) or
     * each domain in a session of its own (any larger number).
     */
    private static Map<Integer, List<String>> outcomes(Scenario scenario, int sessions) {
        SessionState state = GivenState.of(scenario, ScenarioConfiguration.builtIn().bind(scenario.given().config()));
        CorrelationDomains domains = CorrelationDomains.of(state.inventory());
        List<String> known = new ArrayList<>(new java.util.TreeSet<>(domains.sources().values()));
        ToIntFunction<String> sessionOf = domain -> known.contains(domain) ? known.indexOf(domain) : known.size();
        Map<Integer, List<String>> seen = new LinkedHashMap<>();
        try (SplitSessions run = sessions == 1 ? SplitSessions.single(rules, scenario, state)
                : SplitSessions.split(rules, scenario, state, known.size() + 1, sessionOf)) {
            for (int i = 0; i < scenario.steps().size(); i++) {
                Scenario.Step step = scenario.steps().get(i);
                Instant now = scenario.start().plus(step.at());
                List<AlarmEvent> alarms = new ArrayList<>();
                for (Map<String, Object> alarm : step.alarms()) {
                    alarms.add(ScenarioInputs.alarm("step " + i, alarm, now));
                }
                List<noc.maintenance.MaintenanceRequest> plans = new ArrayList<>();
                for (Map<String, Object> plan : step.maintenance()) {
                    plans.add(ScenarioInputs.maintenance("step " + i, plan, scenario.start()));
                }
                run.step(now, plans, alarms);
                seen.put(i, List.of(run.tickets().toString(), run.alarms().toString()));
            }
        }
        return seen;
    }

    @Test
    void theScenariosThatCrossCorrelationDomainsAreThoseTheDocumentNames() throws IOException {
        Map<String, String> crossing = new TreeMap<>();
        for (Scenario scenario : Scenario.load(Path.of("rules", "tests"))) {
            CorrelationDomains domains = CorrelationDomains.of(scenario.given().inventory());
            for (DomainCrossing found : domains.crossings()) {
                crossing.merge(scenario.file(), found.kind() + " " + found.key(), (a, b) -> a + "; " + b);
            }
            for (Scenario.Step step : scenario.steps()) {
                for (Map<String, Object> window : step.maintenance()) {
                    Set<String> touched = domains.ofScope(names(window, "devices"), names(window, "sites"),
                            names(window, "services"));
                    if (touched.size() > 1) {
                        crossing.merge(scenario.file(), "maintenance " + window.get("title") + " " + touched,
                                (a, b) -> a + "; " + b);
                    }
                }
            }
        }

        assertThat(crossing).isEqualTo(Map.of(
                "alarms-of-one-service-merge-into-its-ticket.yaml", "services ACME-VPN-2",
                "p1-affecting-many-customers-is-major.yaml", "services ACME-INTERNET-1"));
        String document = Files.readString(Path.of("docs", "correlation-domains.md"));
        assertThat(crossing.keySet()).allSatisfy(file -> assertThat(document).contains("rules/tests/" + file));
    }

    private static List<String> names(Map<String, Object> window, String field) {
        return window.get(field) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
