package noc.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import noc.inventory.CorrelationDomains;
import noc.inventory.DomainCrossing;

/**
 * The shipped scenarios that would decide otherwise with several engines, because their inventory
 * crosses correlation domains or a maintenance scope spans several, are those docs/correlation-domains.md
 * names: the document and the scenarios cannot drift apart unnoticed.
 */
class ScenarioDomainsTest {

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
