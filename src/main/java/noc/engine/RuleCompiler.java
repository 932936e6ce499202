package noc.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
    /** {@code rekey(<event>, "<template>")}: the template a rule re-keys an event with, when it is written out. */
    private static final java.util.regex.Pattern REKEY = java.util.regex.Pattern.compile(
            "\\brekey\\s*\\([^,()]+,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Whether this compiler checks what engines sharing the work need of the rules ({@link #forEngines}). */
    private final boolean sharedWork;

    public RuleCompiler() {
        this(false);
    }

    private RuleCompiler(boolean sharedWork) {
        this.sharedWork = sharedWork;
    }

    /**
     * A compiler for nodes that share the work by correlation domain (role {@code engine}): it also
     * refuses an {@code alarms.rekey} template written without {@code {source}}, which would make one
     * alarm of occurrences from several sources, and so from several domains: two sessions would each
     * hold that alarm and overwrite each other's row (docs/correlation-domains.md, 05-reduction-keys).
     */
    public static RuleCompiler forEngines() {
        return new RuleCompiler(true);
    }

    /** The {@code rekey} templates of {@code text} (file {@code name}) that do not keep {@code {source}}. */
    static List<RuleProblem> keysWithoutSource(String name, String text) {
        List<RuleProblem> problems = new ArrayList<>();
        java.util.regex.Matcher rekey = REKEY.matcher(text);
        while (rekey.find()) {
            if (!rekey.group(1).contains("{source}")) {
                int line = 1;
                int lineStart = 0;
                for (int i = 0; i < rekey.start(); i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                problems.add(new RuleProblem(name, line, rekey.start() - lineStart + 1, RuleProblem.Level.ERROR,
                        "the rekey template \"" + rekey.group(1) + "\" does not keep {source}: where engines share "
                                + "the work by correlation domain, one alarm of several sources would be written by "
                                + "two sessions; keep {source} in the key"));
            }
        }
        return problems;
    }

    /** The rule files of a folder, in the order they load. */
    public static List<Path> ruleFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".drl") && Files.isRegularFile(f))
                    .sorted().toList();
        }
    }

    public CompiledRules compile(Path directory) throws RuleBuildException {
        return compile(directory, Map.of());
    }

    /**
     * The folder's files with {@code candidates} standing for those of the same name (or added), in name
     * order: what {@code rules/validate}, the workbench and shadow runs check, deploying nothing.
     */
    public CompiledRules compile(Path directory, Map<String, String> candidates) throws RuleBuildException {
        if (!Files.isDirectory(directory)) {
            throw new RuleBuildException("The rules folder " + directory.toAbsolutePath() + " does not exist",
                    List.of());
        }
        Map<String, String> sorted = new java.util.TreeMap<>();
        try {
            for (Path file : ruleFiles(directory)) {
                sorted.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new RuleBuildException("Cannot read the rules folder " + directory + ": " + e.getMessage(), List.of());
        }
        sorted.putAll(candidates);
        Map<String, String> sources = new LinkedHashMap<>(sorted);
        return compile(sources);
    }

    /**
     * Compiles DRL texts keyed by file name. A file with a syntax error is reported with that error only,
     * and the other files with the errors they have of their own (see {@link RuleSyntax}).
     */
    public CompiledRules compile(Map<String, String> sources) throws RuleBuildException {
        if (sources.isEmpty()) {
            throw new RuleBuildException("No rule files (*.drl) to compile", List.of());
        }
        Map<String, RuleSyntax.Checked> checked = new LinkedHashMap<>();
        sources.forEach((name, text) -> checked.put(name, RuleSyntax.check(name, text)));
        if (checked.values().stream().allMatch(c -> c.errors().isEmpty())) {
            if (sharedWork) {
                List<RuleProblem> keys = new ArrayList<>();
                sources.forEach((name, text) -> keys.addAll(keysWithoutSource(name, text)));
                if (!keys.isEmpty()) {
                    throw new RuleBuildException("The rules did not compile", keys);
                }
            }
            return build(sources);
        }
        List<RuleProblem> errors = new ArrayList<>();
        Map<String, String> parsed = new LinkedHashMap<>();
        Set<String> lost = new HashSet<>();
        checked.forEach((name, check) -> {
            errors.addAll(check.errors());
            lost.addAll(check.lost());
            if (check.standIn() != null) {
                parsed.put(name, check.standIn());
            }
        });
        // A file that uses what a broken part of another declares would fail for that reason alone.
        Set<String> silenced = sources.keySet().stream()
                .filter(name -> checked.get(name).errors().isEmpty() && mentionsAny(sources.get(name), lost))
                .collect(Collectors.toSet());
        if (!parsed.isEmpty()) {
            try {
                build(parsed);
            } catch (RuleBuildException e) {
                e.problems().stream().filter(p -> !silenced.contains(p.file())).forEach(errors::add);
            }
        }
        errors.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line)
                .thenComparingInt(RuleProblem::column));
        throw new RuleBuildException("The rules did not compile", errors);
    }

    private CompiledRules build(Map<String, String> sources) throws RuleBuildException {
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
            String path = message.getPath() == null ? "?" : message.getPath();
            String text = message.getText().strip();
            RuleProblem problem = new RuleProblem(fileByPath.getOrDefault(path, path), Math.max(0, message.getLine()),
                    columnOf(message, text), level, text);
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

    /**
     * The column counted from 1, as an editor shows it, or 0 when the compiler does not tell. The compiler
     * counts from 0, and often gives the column only inside its text ({@code [Line: 6, Column: 4]}).
     */
    private static int columnOf(Message message, String text) {
        if (message.getColumn() > 0) {
            return message.getColumn() + 1;
        }
        Matcher matcher = COLUMN.matcher(text);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) + 1 : 0;
    }

    private static boolean mentionsAny(String text, Set<String> names) {
        return names.stream()
                .anyMatch(name -> Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(text).find());
    }

    static String packageOf(String drl) {
        Matcher matcher = PACKAGE.matcher(drl);
        return matcher.find() ? matcher.group(1) : "rules";
    }
}
