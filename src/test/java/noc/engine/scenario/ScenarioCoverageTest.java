package noc.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import noc.engine.CompiledRules;
import noc.engine.RuleBuildException;
import noc.engine.RuleCompiler;

/** A rule counts as covered only when an expectation asserted something it did, not when it merely fired. */
class ScenarioCoverageTest {

    private static final String OPENS_A_P2 = "A link down on a device the inventory does not know opens a P2 ticket";
    private static final String LINK_DOWN = """
            name: A link down opens a ticket
            steps:
              - at: 0s
                alarms:
                  - {source: 192.0.2.1, name: "IF-MIB::linkDown", resource: ifIndex.3}
                expect:
                  ticketCount: 1
            """;
    /** Two accesses of a redundant service down: the second joins the first's ticket, which becomes a P1. */
    private static final String REDUNDANT_SERVICE = """
            name: Two accesses of a redundant service
            given:
              inventory:
                customers: [{name: Acme, contract: standard}]
                services: [{reference: ACME-VPN-2, customer: Acme, criticality: high, redundant: true}]
                devices:
                  - {name: acme-cpe-a, addresses: [192.0.2.21], services: [ACME-VPN-2]}
                  - {name: acme-cpe-b, addresses: [192.0.2.22], services: [ACME-VPN-2]}
            steps:
              - at: 0s
                alarms:
                  - {source: 192.0.2.21, name: "IF-MIB::linkDown", resource: ifIndex.1}
              - at: 1m
                alarms:
                  - {source: 192.0.2.22, name: "IF-MIB::linkDown", resource: ifIndex.1}
                expect:
                  tickets:
                    - {title: Link down on acme-cpe-a (192.0.2.21), alarms: 2}
            """;
    private static final String RAISES_TO_P1 =
            "Enough accesses of a redundant service down at once lose the service: P1";
    private static final String MERGES = "An alarm on a service whose ticket opened within the merge window joins "
            + "that ticket";

    private static CompiledRules rules;

    @BeforeAll
    static void compile() throws RuleBuildException {
        rules = new RuleCompiler().compile(Path.of("rules"));
    }

    private static ScenarioRunner runAlone(String yaml) {
        ScenarioRunner runner = new ScenarioRunner(rules);
        ScenarioRunner.Result result = runner.run(Scenario.parse("test.yaml", yaml));
        assertThat(result.passed()).as(result.message()).isTrue();
        return runner;
    }

    @Test
    void aRuleThatFiredWithNoExpectationOnWhatItDidIsNotCovered() {
        ScenarioRunner runner = runAlone(LINK_DOWN);

        assertThat(runner.firedRules()).contains(OPENS_A_P2);
        assertThat(runner.assertedRules()).doesNotContain(OPENS_A_P2);
        assertThat(runner.coverageProblem()).startsWith("Rules whose effect no scenario asserts: [")
                .contains(OPENS_A_P2).contains("; of them, fired by no scenario: [")
                .doesNotContain("fired by no scenario: [" + OPENS_A_P2);
    }

    @Test
    void expectingTheTicketARuleOpenedCoversIt() {
        ScenarioRunner runner = runAlone(LINK_DOWN.replace("ticketCount: 1", """
                tickets:
                      - {title: Link down on 192.0.2.1}"""));

        assertThat(runner.assertedRules()).contains(OPENS_A_P2);
    }

    @Test
    void anExpectationOnFieldsARuleDidNotChangeDoesNotCoverIt() {
        ScenarioRunner alarmsOnly = runAlone(REDUNDANT_SERVICE);
        ScenarioRunner withThePriority = runAlone(REDUNDANT_SERVICE.replace("alarms: 2}", "alarms: 2, priority: P1}"));

        assertThat(alarmsOnly.firedRules()).contains(RAISES_TO_P1);
        assertThat(alarmsOnly.assertedRules()).contains(MERGES).doesNotContain(RAISES_TO_P1);
        assertThat(withThePriority.assertedRules()).contains(RAISES_TO_P1);
    }

    @Test
    void aDiscardedEventCoversTheRuleThatDiscardedIt() {
        String linkUp = """
                name: A link up with no link down
                steps:
                  - at: 0s
                    alarms:
                      - {source: 192.0.2.9, name: "IF-MIB::linkUp", resource: ifIndex.1}
                    expect:
                      discarded:
                        - {source: 192.0.2.9, name: "IF-MIB::linkUp",
                           rule: A link coming up with no link down to clear needs nothing more}
                """;

        ScenarioRunner runner = runAlone(linkUp);
        ScenarioRunner.Result raised = new ScenarioRunner(rules).run(Scenario.parse("test.yaml",
                linkUp.replace("linkUp", "linkDown").replace("rule: A link coming up with no link down to clear "
                        + "needs nothing more", "resource: ifIndex.1")));

        assertThat(runner.assertedRules()).contains("A link coming up with no link down to clear needs nothing more");
        assertThat(raised.passed()).isFalse();
        assertThat(raised.message()).contains("expect.discarded[0]: expected discarded event")
                .contains("but the events the step discarded are: none");
    }

    @Test
    void aSuppressedAlarmIsExpectedWithItsCause() {
        ScenarioRunner runner = runAlone("""
                name: A device down suppresses the alarms of the device hanging off it
                given:
                  inventory:
                    devices:
                      - {name: pe-paris-1, addresses: [192.0.2.1]}
                      - {name: cpe-1, parent: pe-paris-1, addresses: [192.0.2.10]}
                steps:
                  - at: 0s
                    alarms:
                      - {kind: generic, source: pe-paris-1, name: Device down, severity: critical}
                      - {source: 192.0.2.10, name: "IF-MIB::linkDown", resource: ifIndex.1}
                    expect:
                      alarms:
                        - {source: 192.0.2.10, suppressedBy: "pe-paris-1|Device down"}
                        - {source: pe-paris-1, suppressedBy: none}
                """);

        assertThat(runner.assertedRules())
                .contains("An alarm of a device hanging off a device that is down is suppressed");
    }

    @Test
    void theCommandFailsNamingTheRulesWhoseEffectNoScenarioAsserts(@TempDir Path copy) throws IOException {
        for (Path file : RuleCompiler.ruleFiles(Path.of("rules"))) {
            Files.copy(file, copy.resolve(file.getFileName()));
        }
        Files.writeString(Files.createDirectories(copy.resolve("tests")).resolve("link-down.yaml"), LINK_DOWN);
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int exit = RulesCommand.run(List.of("test", copy.toString()),
                new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(output.toString(StandardCharsets.UTF_8)).contains("PASS  link-down.yaml")
                .contains("FAIL  Rules whose effect no scenario asserts: [").contains(OPENS_A_P2)
                .contains("A planned maintenance opens its window with a P5 ticket").contains("1 passed, 0 failed");
        assertThat(exit).isEqualTo(1);
    }
}
