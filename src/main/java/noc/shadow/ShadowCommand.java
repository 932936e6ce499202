package noc.shadow;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import noc.api.FieldReader;
import noc.domain.SessionState;
import noc.engine.CompiledRules;
import noc.engine.RuleBuildException;
import noc.engine.RuleCompiler;
import noc.engine.scenario.ScenarioConfiguration;
import noc.engine.scenario.ScenarioException;
import noc.inventory.InventoryDocument;

/**
 * {@code java -jar noc-correlator.jar rules shadow <rules-folder> <candidate>... <recorded-inputs>
 * [--inventory <inventory.json>]}: the offline shadow run. The folder's rules and the candidate (a
 * folder whose files, or {@code .drl} files that, stand for those of the same name) run side by side
 * on the recorded inputs, from an empty state (with the inventory when given), the clock moving a
 * minute at a time between inputs; the differences are printed. Exit code 0 when there are none, 1
 * when there are (so that a pipeline can stop a change), 2 when something cannot be read or compiled.
 */
public final class ShadowCommand {

    public static final String USAGE = "usage: rules shadow <rules-folder> <candidate-folder-or-.drl-files>... "
            + "<recorded-inputs.jsonl> [--inventory <inventory.json>] [--config <application.yml>]";
    /** How far the clock moves at a time between inputs, so that rules of time (escalation, quiet periods) fire. */
    static final Duration TICK = Duration.ofMinutes(1);

    private ShadowCommand() {
    }

    public static int run(List<String> args, PrintStream out) {
        List<String> positional = new ArrayList<>(args);
        Path inventoryFile;
        Path configFile;
        try {
            inventoryFile = option(positional, "--inventory");
            configFile = option(positional, "--config");
        } catch (IllegalArgumentException e) {
            out.println(USAGE);
            return 2;
        }
        if (positional.size() < 3 || positional.stream().anyMatch(arg -> arg.startsWith("--"))) {
            out.println(USAGE);
            return 2;
        }
        Path folder = Path.of(positional.get(0));
        Path recordedFile = Path.of(positional.get(positional.size() - 1));
        try {
            CompiledRules live = new RuleCompiler().compile(folder);
            CompiledRules candidate = new RuleCompiler().compile(folder,
                    candidates(positional.subList(1, positional.size() - 1)));
            List<RecordedInputs.Recorded> recorded = RecordedInputs.read(recordedFile);
            // the policy, SLA and retention the service would run on (shipped, or the file's)
            ScenarioConfiguration.Values configured = (configFile == null ? ScenarioConfiguration.builtIn()
                    : ScenarioConfiguration.withFile(configFile)).bind(Map.of());
            SessionState state = SessionState.empty().withPolicy(configured.policy()).withSla(configured.sla())
                    .withRetention(configured.retention());
            if (inventoryFile != null) {
                state = state.withInventory(inventory(inventoryFile));
            }
            return compare(live, candidate, state, recorded, out);
        } catch (RuleBuildException e) {
            out.println("The rules do not compile: " + e.getMessage());
            return 2;
        } catch (IOException | RecordedInputs.UnreadableException | IllegalArgumentException
                 | ScenarioException e) {
            out.println("Cannot read the input: " + e.getMessage());
            return 2;
        }
    }

    /** Takes {@code name value} out of {@code args}: the value's path, or null when the option is absent. */
    private static Path option(List<String> args, String name) {
        int at = args.indexOf(name);
        if (at < 0) {
            return null;
        }
        if (at + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        Path value = Path.of(args.remove(at + 1));
        args.remove(at);
        return value;
    }

    private static int compare(CompiledRules live, CompiledRules candidate, SessionState state,
                               List<RecordedInputs.Recorded> recorded, PrintStream out) {
        Instant now = recorded.get(0).at();
        int differences = 0;
        try (ShadowPair pair = ShadowPair.open(live, candidate, now, state)) {
            for (RecordedInputs.Recorded next : recorded) {
                while (now.plus(TICK).isBefore(next.at())) {
                    now = now.plus(TICK);
                    differences += print(pair.clock(now), out);
                }
                now = next.at();
                differences += print(pair.clock(now), out);
                if (next.alarm() != null) {
                    differences += print(pair.input(now, next.alarm()), out);
                }
            }
            out.println(pair.inputs() + " inputs compared, " + differences + " differences");
        }
        return differences == 0 ? 0 : 1;
    }

    private static int print(List<Difference> differences, PrintStream out) {
        for (Difference difference : differences) {
            out.println((difference.input() == 0 ? "the clock" : "input " + difference.input() + ", "
                    + difference.cause()) + " at " + difference.at());
            out.println("  " + difference.subject() + ": " + difference.decision());
            out.println("    live:      " + side(difference.live()));
            out.println("    candidate: " + side(difference.candidate()));
        }
        return differences.size();
    }

    private static String side(Decision decision) {
        return decision.value() + (decision.rules().isEmpty() ? "" : "  (" + String.join("; ", decision.rules()) + ")");
    }

    /** The candidate files by name: each {@code .drl} of a folder, or the files given. */
    private static Map<String, String> candidates(List<String> paths) throws IOException {
        Map<String, String> candidates = new LinkedHashMap<>();
        for (String each : paths) {
            Path path = Path.of(each);
            List<Path> files = Files.isDirectory(path) ? RuleCompiler.ruleFiles(path) : List.of(path);
            for (Path file : files) {
                if (!file.getFileName().toString().endsWith(".drl")) {
                    throw new IllegalArgumentException(file + " is not a rule file (*.drl) nor a folder of them");
                }
                candidates.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidate rule file (*.drl) in " + paths);
        }
        return candidates;
    }

    @SuppressWarnings("unchecked")
    private static List<noc.inventory.InventoryItem> inventory(Path file) throws IOException {
        Object document;
        try (Reader reader = Files.newBufferedReader(file)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getMessage());
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(file + " must be an object as POST /api/v1/inventory/import takes");
        }
        FieldReader errors = new FieldReader();
        InventoryDocument.Parsed parsed = InventoryDocument.parse((Map<String, Object>) map, "", errors);
        InventoryDocument.checkReferences(parsed, List.of(), errors);
        if (!errors.ok()) {
            throw new IllegalArgumentException(file + ": " + errors.errors().stream()
                    .map(error -> error.field() + " " + error.message()).toList());
        }
        return parsed.items();
    }
}
