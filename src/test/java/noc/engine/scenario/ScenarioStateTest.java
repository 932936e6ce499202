package noc.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import noc.engine.CompiledRules;
import noc.engine.RuleBuildException;
import noc.engine.RuleCompiler;
import noc.ticket.Priority;

/** Scenarios start from given tickets, alarms and configuration, and expect refusals, on the shipped rules. */
class ScenarioStateTest {

    /** A P3 opened an hour ago: breached only when its restore objective is an hour or less. */
    private static final String P3_OPENED_AN_HOUR_AGO = """
            name: A P3 opened an hour ago
            given:
              tickets:
                - {title: Printer queue stuck, priority: P3, openedAt: -1h}
            steps:
              - at: 0s
                expect:
                  tickets:
                    - {title: Printer queue stuck, breached: true}
            """;

    private static CompiledRules rules;

    @BeforeAll
    static void compile() throws RuleBuildException {
        rules = new RuleCompiler().compile(Path.of("rules"));
    }

    private static ScenarioRunner.Result run(String yaml) {
        return new ScenarioRunner(rules).run(Scenario.parse("test.yaml", yaml));
    }

    @Test
    void givenTicketsAndAlarmsAreTheStateTheRulesStartFrom() {
        ScenarioRunner.Result result = run("""
                name: A link up clears a given alarm on its given ticket, and new tickets follow its reference
                given:
                  tickets:
                    - {reference: INC-2026-000041, title: Link down on 192.0.2.5, priority: P2, status: acknowledged,
                       openedAt: -20m, groupKey: 192.0.2.5}
                  alarms:
                    - {source: 192.0.2.5, name: "IF-MIB::linkDown", resource: ifIndex.1, firstSeen: -20m,
                       ticket: Link down on 192.0.2.5}
                steps:
                  - at: 0s
                    alarms:
                      - {source: 192.0.2.5, name: "IF-MIB::linkDown", resource: ifIndex.2}
                      - {source: 192.0.2.5, name: "IF-MIB::linkUp", resource: ifIndex.1}
                      - {source: 192.0.2.6, name: "IF-MIB::linkDown", resource: ifIndex.1}
                    expect:
                      ticketCount: 2
                      tickets:
                        - {reference: INC-2026-000041, status: ACKNOWLEDGED, alarms: 2}
                        - {reference: INC-2026-000042, title: Link down on 192.0.2.6}
                      alarms:
                        - {source: 192.0.2.5, resource: ifIndex.1, state: CLEARED, ticket: INC-2026-000041}
                      journal:
                        - {action: ALARM_CLEARED, ticket: INC-2026-000041}
                """);

        assertThat(result.passed()).as(result.message()).isTrue();
    }

    @Test
    void aGivenResolvedTicketClosesWhenItsConfirmationPeriodEnds() {
        ScenarioRunner.Result result = run("""
                name: A ticket resolved almost a day ago closes a minute later
                given:
                  tickets:
                    - {title: Fibre cut, priority: P2, status: resolved, openedAt: -2d, resolvedAt: -23h59m}
                steps:
                  - at: 0s
                    expect:
                      tickets:
                        - {title: Fibre cut, status: RESOLVED}
                  - at: 1m
                    expect:
                      ticketCount: 0
                      journal:
                        - {action: CLOSED, rule: A resolution neither confirmed nor disputed within the confirmation period closes the ticket}
                """);

        assertThat(result.passed()).as(result.message()).isTrue();
    }

    @Test
    void givenConfigurationIsWhatTheRulesRunOn() {
        ScenarioRunner.Result onTheShippedObjective = run(P3_OPENED_AN_HOUR_AGO);
        ScenarioRunner.Result onAnHour = run(P3_OPENED_AN_HOUR_AGO.replace("given:\n",
                "given:\n  config: {noc.sla.p3.restore-objective: 1h}\n"));

        assertThat(onTheShippedObjective.passed()).isFalse();
        assertThat(onTheShippedObjective.message()).contains("breached=false");
        assertThat(onAnHour.passed()).as(onAnHour.message()).isTrue();
    }

    @Test
    void theConfigFileIsOverTheBuiltInConfigurationAndGivenConfigOverBoth(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("application.yml");
        Files.writeString(file, """
                noc:
                  policy:
                    major-incident-customers: 5
                  sla:
                    p1:
                      restore-objective: 2h
                """);
        ScenarioConfiguration configuration = ScenarioConfiguration.withFile(file);

        ScenarioConfiguration.Values fromTheFile = configuration.bind(Map.of());
        ScenarioConfiguration.Values given = configuration.bind(Map.of("noc",
                Map.of("policy", Map.of("major-incident-customers", 1))));

        assertThat(ScenarioConfiguration.builtIn().bind(Map.of()).policy().majorIncidentCustomers()).isEqualTo(3);
        assertThat(fromTheFile.policy().majorIncidentCustomers()).isEqualTo(5);
        assertThat(fromTheFile.sla().restoreObjective(Priority.P1)).isEqualTo(Duration.ofHours(2));
        assertThat(given.policy().majorIncidentCustomers()).isEqualTo(1);
        assertThat(given.sla().restoreObjective(Priority.P1)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aPolicyKeyOfTheServiceIsGivenWithNoChangeToScenarios() {
        String storm = """
                name: Three alarms of one kind within a minute
                given:
                  config: {noc.policy.storm-count: 3}
                steps:
                  - at: 0s
                    alarms:
                      - {source: 192.0.2.7, name: "IF-MIB::linkDown", resource: ifIndex.1}
                      - {source: 192.0.2.7, name: "IF-MIB::linkDown", resource: ifIndex.2}
                      - {source: 192.0.2.7, name: "IF-MIB::linkDown", resource: ifIndex.3}
                    expect:
                      alarms:
                        - {source: 192.0.2.7, name: "NOC::alarmStorm", resource: "IF-MIB::linkDown", state: RAISED}
                """;

        ScenarioRunner.Result onThree = run(storm);
        ScenarioRunner.Result onTheShippedTwenty = run(storm.replace("  config: {noc.policy.storm-count: 3}\n", ""));

        assertThat(onThree.passed()).as(onThree.message()).isTrue();
        assertThat(onTheShippedTwenty.passed()).isFalse();
        assertThat(onTheShippedTwenty.message()).contains("expected alarm");
    }

    @Test
    void givenPolicyIsShortForTheNocPolicyKeys() {
        Scenario scenario = Scenario.parse("test.yaml", """
                name: Shorthand
                given:
                  policy: {majorIncidentCustomers: 1}
                steps:
                  - at: 0s
                """);

        assertThat(scenario.given().config()).containsExactly(Map.entry("noc.policy.majorIncidentCustomers", 1));
        assertThat(ScenarioConfiguration.builtIn().bind(scenario.given().config()).policy().majorIncidentCustomers())
                .isEqualTo(1);
    }

    @Test
    void aValueThatDoesNotBindFailsTheScenarioNamingIt() {
        ScenarioRunner.Result result = run(P3_OPENED_AN_HOUR_AGO.replace("given:\n",
                "given:\n  config: {noc.policy.major-incident-customers: -1}\n"));

        assertThat(result.passed()).isFalse();
        assertThat(result.message()).contains("the configuration does not bind")
                .contains("majorIncidentCustomers - must be greater than or equal to 0");
    }

    @Test
    void aValueOfTheWrongTypeFailsTheScenarioNamingItInsteadOfBindingTheDefault() {
        ScenarioRunner.Result result = run(P3_OPENED_AN_HOUR_AGO.replace("given:\n",
                "given:\n  config: {noc.policy.storm-window: soon}\n"));

        assertThat(result.passed()).isFalse();
        assertThat(result.message()).contains("the configuration does not bind")
                .contains("noc.policy.storm-window must be a duration such as 4h, 30m or 1d, not 'soon'");
    }

    @Test
    void aKeyThatIsNotTheCorrelatorsIsRefused() {
        assertThatThrownBy(() -> Scenario.parse("test.yaml", P3_OPENED_AN_HOUR_AGO.replace("given:\n",
                "given:\n  config: {sla.p3.restore-objective: 1h}\n")))
                .hasMessageContaining("test.yaml given.config: 'sla.p3.restore-objective' is not a key");
    }

    @Test
    void aGivenStateTheSessionCannotHoldIsRefusedWithWhere() {
        ScenarioRunner.Result closed = run(P3_OPENED_AN_HOUR_AGO.replace("openedAt: -1h", "status: closed"));
        ScenarioRunner.Result notResolved = run(P3_OPENED_AN_HOUR_AGO.replace("openedAt: -1h", "resolvedAt: -1h"));
        ScenarioRunner.Result orphan = run(P3_OPENED_AN_HOUR_AGO.replace("steps:", """
                  alarms:
                    - {source: 192.0.2.5, name: "IF-MIB::linkDown", ticket: No such ticket}
                steps:"""));

        assertThat(closed.message())
                .contains("test.yaml given.tickets[0].status: a closed ticket is not in the session");
        assertThat(notResolved.message()).contains("given.tickets[0].resolvedAt: only with status: resolved");
        assertThat(orphan.message())
                .contains("test.yaml given.alarms[0].ticket: no given ticket titled 'No such ticket'");
    }

    @Test
    void aRefusalTheScenarioDidNotExpectFailsItWithTheRefusal() {
        ScenarioRunner.Result result = run(P3_OPENED_AN_HOUR_AGO.replace("    expect:",
                commandThen("{ticket: Printer queue stuck, action: escalate, by: alice}")));

        assertThat(result.passed()).isFalse();
        assertThat(result.message()).contains("step 1 (at 0s) commands[0] (escalate on 'Printer queue stuck'): "
                + "refused: Only P1 and P2 tickets are escalated (P-5.1); this one is P3");
    }

    @Test
    void anExpectedRefusalThatDoesNotComeFailsTheScenario() {
        ScenarioRunner.Result result = run(P3_OPENED_AN_HOUR_AGO.replace("    expect:",
                commandThen("{ticket: Printer queue stuck, action: acknowledge, by: alice, refused: not allowed}")));

        assertThat(result.passed()).isFalse();
        assertThat(result.message()).contains("commands[0] (acknowledge on 'Printer queue stuck'): expected to be "
                + "refused (not allowed) but it was applied");
    }

    @Test
    void aRefusalWithOtherWordsThanExpectedFailsTheScenario() {
        ScenarioRunner.Result result = run(P3_OPENED_AN_HOUR_AGO.replace("    expect:",
                commandThen("{ticket: Printer queue stuck, action: escalate, by: alice, refused: is closed}")));

        assertThat(result.passed()).isFalse();
        assertThat(result.message()).contains("expected a refusal containing 'is closed' but it was refused: "
                + "Only P1 and P2 tickets are escalated");
    }

    @Test
    void anExpectedRefusalPassesAndAssertsTheRuleThatRefused() {
        ScenarioRunner runner = new ScenarioRunner(rules);

        ScenarioRunner.Result result = runner.run(Scenario.parse("test.yaml", P3_OPENED_AN_HOUR_AGO
                .replace("openedAt: -1h", "openedAt: -1m").replace("breached: true", "breached: false")
                .replace("    expect:", commandThen(
                        "{ticket: Printer queue stuck, action: escalate, by: alice, refused: Only P1 and P2}"))));

        assertThat(result.passed()).as(result.message()).isTrue();
        assertThat(runner.assertedRules())
                .contains("A person's request to escalate a ticket that does not escalate is refused");
    }

    @Test
    void theCommandRunsTheScenariosOnItsConfigFile(@TempDir Path folder) throws IOException {
        Path copy = Files.createDirectories(folder.resolve("rules"));
        for (Path file : RuleCompiler.ruleFiles(Path.of("rules"))) {
            Files.copy(file, copy.resolve(file.getFileName()));
        }
        Files.writeString(Files.createDirectories(copy.resolve("tests")).resolve("breach.yaml"), P3_OPENED_AN_HOUR_AGO);
        Path configuration = folder.resolve("application.yml");
        Files.writeString(configuration, "noc.sla.p3.restore-objective: 1h\n");

        String withTheFile = command("test", copy.toString(), "--config", configuration.toString());
        String without = command("test", copy.toString());
        String unreadable = command("test", copy.toString(), "--config", folder.resolve("missing.yml").toString());

        assertThat(withTheFile).contains("PASS  breach.yaml").contains("1 passed, 0 failed");
        assertThat(without).contains("FAIL  breach.yaml").contains("breached=false").contains("0 passed, 1 failed");
        assertThat(unreadable).startsWith("Cannot read the configuration").contains("missing.yml").endsWith("exit 2");
    }

    /** The steps' expectations preceded by one command. */
    private static String commandThen(String command) {
        return "    commands:\n      - " + command + "\n    expect:";
    }

    private static String command(String... args) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = RulesCommand.run(List.of(args), new PrintStream(output, true, StandardCharsets.UTF_8));
        return output.toString(StandardCharsets.UTF_8) + "exit " + exit;
    }
}
