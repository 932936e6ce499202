package noc.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import noc.engine.CompiledRules;
import noc.engine.RuleBuildException;
import noc.engine.RuleCompiler;

/**
 * The scenarios of rules/tests pass on the shipped configuration, an effect of every shipped rule is
 * asserted by one, and a wrong one fails clearly.
 */
class ShippedScenariosTest {

    private static final Path RULES = Path.of("rules");
    private static final Path SHIPPED_CONFIGURATION = Path.of("src/main/resources/application.yml");
    private static CompiledRules rules;
    private static List<Scenario> scenarios;
    private static ScenarioConfiguration configuration;

    @BeforeAll
    static void load() throws RuleBuildException, IOException {
        rules = new RuleCompiler().compile(RULES);
        scenarios = Scenario.load(RULES.resolve("tests"));
        configuration = ScenarioConfiguration.withFile(SHIPPED_CONFIGURATION);
    }

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioPasses() {
        ScenarioRunner runner = new ScenarioRunner(rules, configuration);
        return scenarios.stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
            ScenarioRunner.Result result = runner.run(scenario);
            assertThat(result.passed()).as("%s: %s", scenario.file(), result.message()).isTrue();
        }));
    }

    @Test
    void anEffectOfEveryShippedRuleIsAssertedBySomeScenario() {
        ScenarioRunner runner = new ScenarioRunner(rules, configuration);
        scenarios.forEach(runner::run);
        Set<String> shipped = new TreeSet<>();
        rules.kieBase().getKiePackages().forEach(p -> p.getRules().forEach(r -> shipped.add(r.getName())));

        assertThat(runner.coverageProblem()).isNull();
        assertThat(runner.assertedRules()).containsExactlyInAnyOrderElementsOf(shipped);
    }

    @Test
    void theCommandFailsNamingTheExpectationThatDoesNotHold(@TempDir Path copy) throws IOException {
        Files.createDirectories(copy.resolve("tests"));
        for (Path file : RuleCompiler.ruleFiles(RULES)) {
            Files.copy(file, copy.resolve(file.getFileName()));
        }
        Path scenario = RULES.resolve("tests").resolve("link-down-opens-a-ticket-and-link-up-clears-it.yaml");
        Files.writeString(copy.resolve("tests").resolve(scenario.getFileName()),
                Files.readString(scenario).replace("priority: P2, status: OPEN", "priority: P1, status: OPEN"));
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int exit = RulesCommand.run(List.of("test", copy.toString()), new PrintStream(output, true, StandardCharsets.UTF_8));

        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(1);
        assertThat(printed).contains("FAIL  link-down-opens-a-ticket-and-link-up-clears-it.yaml")
                .contains("step 1 (at 0s) expect.tickets[0]: expected open ticket")
                .contains("priority=P1").contains("priority=P2")
                .contains("0 passed, 1 failed");
    }

    @Test
    void theCommandPassesOnTheShippedRulesAndConfiguration() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int exit = RulesCommand.run(List.of("test", RULES.toString(), "--config", SHIPPED_CONFIGURATION.toString()),
                new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(output.toString(StandardCharsets.UTF_8)).doesNotContain("FAIL")
                .contains(scenarios.size() + " passed, 0 failed");
        assertThat(exit).isZero();
    }

    @Test
    void aScenarioWithAnUnknownFieldIsRefusedWithWhere(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("bad.yaml"), """
                name: Typo
                steps:
                  - at: 0s
                    alarms:
                      - {source: 192.0.2.1, name: "IF-MIB::linkDown", resorce: ifIndex.3}
                """);
        Scenario scenario = Scenario.load(folder).get(0);

        ScenarioRunner.Result result = new ScenarioRunner(rules).run(scenario);

        assertThat(result.passed()).isFalse();
        assertThat(result.message()).contains("step 1 (at 0s) alarms[0]").contains("unknown field 'resorce'");
    }

    @Test
    void aMisspeltStepFieldIsRefusedRatherThanIgnored(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("bad.yaml"), """
                name: Typo
                steps:
                  - at: 0s
                    expects:
                      ticketCount: 5
                """);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Scenario.load(folder))
                .hasMessageContaining("bad.yaml steps[0]").hasMessageContaining("unknown field 'expects'");
    }

    @Test
    void badTimeOffsetsAreRefused() {
        assertThat(Scenario.duration("x", "1h30m")).hasMinutes(90);
        assertThat(Scenario.duration("x", "PT5M")).hasMinutes(5);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Scenario.duration("steps[2].at", "5 minutes"))
                .hasMessageContaining("steps[2].at").hasMessageContaining("5 minutes");
    }
}
