package noc.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.inject.Singleton;
import noc.engine.CompiledRules;
import noc.engine.RuleBuildException;
import noc.engine.RuleCompiler;
import noc.engine.RulesConfiguration;
import noc.engine.scenario.Scenario;
import noc.engine.scenario.ScenarioConfiguration;
import noc.engine.scenario.ScenarioException;
import noc.engine.scenario.ScenarioRunner;

/**
 * {@code rules test} for the workbench: the scenarios of the folder's {@code tests/} run on the
 * folder's rules with an edited copy standing for its file, on the built-in configuration, as the
 * command runs them without {@code --config}. Nothing is written or deployed. One run at a time: a run
 * takes a core for seconds, and a second click while one goes on is refused rather than queued.
 */
@Singleton
public class RuleScenarios {

    private final Path folder;
    private final ReentrantLock running = new ReentrantLock();

    public RuleScenarios(RulesConfiguration configuration) {
        this.folder = configuration.directory();
    }

    /** A scenario's result: its file, its name, and why it failed (null when it passed). */
    public record Outcome(String file, String name, String failure) {
    }

    /**
     * A run: the results in the order of the files, or {@code problem} when the run could not start
     * (the copy does not compile, a scenario file does not load, there is none).
     */
    public record Run(List<Outcome> outcomes, long failed, String coverage, String problem) {

        public boolean passed() {
            return problem == null && failed == 0 && coverage == null;
        }

        static Run refused(String problem) {
            return new Run(List.of(), 0, null, problem);
        }
    }

    /** Runs the scenarios with {@code text} standing for {@code name}; empty while another run goes on. */
    public Optional<Run> run(String name, String text) {
        if (!running.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(runNow(name, text));
        } finally {
            running.unlock();
        }
    }

    private Run runNow(String name, String text) {
        Map<String, String> sources = new LinkedHashMap<>();
        List<Scenario> scenarios;
        try {
            for (Path file : RuleCompiler.ruleFiles(folder)) {
                sources.put(file.getFileName().toString(), Files.readString(file));
            }
            scenarios = Scenario.load(folder.resolve("tests"));
        } catch (IOException | ScenarioException e) {
            return Run.refused(e.getMessage());
        }
        if (scenarios.isEmpty()) {
            return Run.refused("No scenarios in " + folder.resolve("tests"));
        }
        sources.put(name, text);
        CompiledRules rules;
        try {
            rules = new RuleCompiler().compile(sources);
        } catch (RuleBuildException e) {
            return Run.refused("The rules do not compile: " + e.getMessage());
        }
        ScenarioRunner runner = new ScenarioRunner(rules, ScenarioConfiguration.builtIn());
        List<Outcome> outcomes = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            ScenarioRunner.Result result = runner.run(scenario);
            outcomes.add(new Outcome(scenario.file(), scenario.name(), result.passed() ? null : result.message()));
        }
        return new Run(outcomes, outcomes.stream().filter(outcome -> outcome.failure() != null).count(),
                runner.coverageProblem(), null);
    }
}
