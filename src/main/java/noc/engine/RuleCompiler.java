package noc.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieBaseModel;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles every {@code *.drl} of a folder, in name order, into a STREAM-mode rule base with the
 * classic engine, which reports every error with its file and line. Knows nothing of alarms.
 */
public final class RuleCompiler {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern COLUMN = Pattern.compile("Column: (\\d+)");
    private static final AtomicLong GENERATION = new AtomicLong();

    /** The rule files of a folder, in the order they load. */
    public static List<Path> ruleFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".drl") && Files.isRegularFile(f))
                    .sorted().toList();
        }
    }

    public CompiledRules compile(Path directory) throws RuleBuildException {
        if (!Files.isDirectory(directory)) {
            throw new RuleBuildException("The rules folder " + directory.toAbsolutePath() + " does not exist",
                    List.of());
        }
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        try {
            for (Path file : ruleFiles(directory)) {
                sources.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new RuleBuildException("Cannot read the rules folder " + directory + ": " + e.getMessage(), List.of());
        }
        return compile(sources);
    }

    /** Compiles DRL texts keyed by file name. */
    public CompiledRules compile(Map<String, String> sources) throws RuleBuildException {
        if (sources.isEmpty()) {
            throw new RuleBuildException("No rule files (*.drl) to compile", List.of());
        }
        KieServices services = KieServices.Factory.get();
        KieFileSystem fileSystem = services.newKieFileSystem();
        KieModuleModel module = services.newKieModuleModel();
        KieBaseModel base = module.newKieBaseModel("noc").setDefault(true)
                .setEventProcessingMode(EventProcessingOption.STREAM);
        base.addPackage("*");
        fileSystem.writeKModuleXML(module.toXML());
        ReleaseId releaseId = services.newReleaseId("noc", "rules", "1.0." + GENERATION.incrementAndGet());
        fileSystem.generateAndWritePomXML(releaseId);

        Map<String, String> fileByPath = new HashMap<>();
        sources.forEach((name, text) -> {
            // Each file goes under its package's folder, as the compiler expects.
            String path = packageOf(text).replace('.', '/') + "/" + name;
            fileByPath.put(path, name);
            fileSystem.write("src/main/resources/" + path, Phase.resolve(text).getBytes(StandardCharsets.UTF_8));
        });

        KieBuilder builder = services.newKieBuilder(fileSystem).buildAll();
        List<RuleProblem> errors = new ArrayList<>();
        List<RuleProblem> warnings = new ArrayList<>();
        for (Message message : builder.getResults().getMessages()) {
            RuleProblem.Level level = message.getLevel() == Message.Level.ERROR ? RuleProblem.Level.ERROR
                    : RuleProblem.Level.WARNING;
            if (message.getLevel() == Message.Level.INFO) {
                continue;
            }
            String file = message.getPath() == null ? "?" : fileByPath.getOrDefault(message.getPath(), message.getPath());
            String text = message.getText().strip();
            RuleProblem problem = new RuleProblem(file, message.getLine(), columnOf(message, text), level, text);
            (level == RuleProblem.Level.ERROR ? errors : warnings).add(problem);
        }
        if (!errors.isEmpty()) {
            services.getRepository().removeKieModule(releaseId);
            throw new RuleBuildException("The rules did not compile", errors);
        }
        KieContainer container = services.newKieContainer(releaseId);
        KieBase kieBase = container.getKieBase();
        // The repository would otherwise keep every module ever built.
        services.getRepository().removeKieModule(releaseId);
        int ruleCount = kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        return new CompiledRules(kieBase, List.copyOf(sources.keySet()), warnings, ruleCount);
    }

    /** The column, which the compiler often gives only inside its text ({@code [Line: 6, Column: 4]}). */
    private static int columnOf(Message message, String text) {
        if (message.getColumn() > 0) {
            return message.getColumn();
        }
        Matcher matcher = COLUMN.matcher(text);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    static String packageOf(String drl) {
        Matcher matcher = PACKAGE.matcher(drl);
        return matcher.find() ? matcher.group(1) : "rules";
    }
}
