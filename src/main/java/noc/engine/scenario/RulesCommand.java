package noc.engine.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import noc.engine.CompiledRules;
import noc.engine.RuleBuildException;
import noc.engine.RuleCompiler;

/**
 * {@code java -jar noc-correlator.jar rules test <rules-folder> [--config application.yml]}: compiles
 * the folder's rules and runs the scenarios of its {@code tests/} sub-folder on the configured values
 * ({@code rules shadow ...} is {@link noc.shadow.ShadowCommand}). Exit code 0 when all pass and every
 * rule's effect is asserted, 1 when one fails or a rule's effect is not asserted, 2 when the rules, the
 * configuration or a scenario file cannot be read.
 */
public final class RulesCommand {

    private RulesCommand() {
    }

    public static int run(List<String> args, PrintStream out) {
        if (!args.isEmpty() && args.get(0).equals("shadow")) {
            return noc.shadow.ShadowCommand.run(args.subList(1, args.size()), out);
        }
        boolean withConfig = args.size() == 4 && args.get(2).equals("--config");
        if (!(args.size() == 2 || withConfig) || !args.get(0).equals("test")) {
            out.println("usage: rules test <rules-folder> [--config application.yml]"
                    + "   (runs <rules-folder>/tests/*.yaml)");
            out.println(noc.shadow.ShadowCommand.USAGE);
            return 2;
        }
        Path folder = Path.of(args.get(1));
        ScenarioConfiguration configuration;
        try {
            configuration = withConfig ? ScenarioConfiguration.withFile(Path.of(args.get(3)))
                    : ScenarioConfiguration.builtIn();
        } catch (IOException | ScenarioException e) {
            out.println("Cannot read the configuration: " + e.getMessage());
            return 2;
        }
        CompiledRules rules;
        try {
            rules = new RuleCompiler().compile(folder);
        } catch (RuleBuildException e) {
            out.println("The rules do not compile: " + e.getMessage());
            return 2;
        }
        List<Scenario> scenarios;
        try {
            scenarios = Scenario.load(folder.resolve("tests"));
        } catch (IOException | ScenarioException e) {
            out.println("Cannot read the scenarios: " + e.getMessage());
            return 2;
        }
        if (scenarios.isEmpty()) {
            out.println("No scenarios in " + folder.resolve("tests"));
            return 2;
        }
        ScenarioRunner runner = new ScenarioRunner(rules, configuration);
        int failed = 0;
        for (Scenario scenario : scenarios) {
            ScenarioRunner.Result result = runner.run(scenario);
            if (result.passed()) {
                out.println("PASS  " + scenario.file() + ": " + scenario.name());
            } else {
                failed++;
                out.println("FAIL  " + scenario.file() + ": " + scenario.name());
                out.println("      " + result.message());
            }
        }
        String uncovered = runner.coverageProblem();
        if (uncovered != null) {
            out.println("FAIL  " + uncovered);
        }
        out.println((scenarios.size() - failed) + " passed, " + failed + " failed");
        return failed == 0 && uncovered == null ? 0 : 1;
    }
}
