package noc.ingest.mib;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jsmiparser.parser.SmiDefaultParser;
import org.jsmiparser.smi.SmiMib;
import org.jsmiparser.smi.SmiNamedNumber;
import org.jsmiparser.smi.SmiOidNode;
import org.jsmiparser.smi.SmiOidValue;
import org.jsmiparser.smi.SmiVariable;
import org.jsmiparser.util.location.Location;
import org.jsmiparser.util.problem.ProblemEvent;
import org.jsmiparser.util.problem.ProblemEventHandler;
import org.jsmiparser.util.problem.annotations.ProblemSeverity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names OIDs from the loaded MIB modules: {@code 1.3.6.1.6.3.1.1.5.3} is {@code IF-MIB::linkDown},
 * {@code 1.3.6.1.2.1.2.2.1.1.3} is {@code ifIndex.3}. An OID no module defines stays numeric.
 * Thread-safe once built: the listener threads only read it.
 */
public final class MibRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(MibRegistry.class);

    /** One parse per set of files and process: the parse takes seconds, the result only reads. */
    private static final Map<List<URL>, MibRegistry> LOADED = new ConcurrentHashMap<>();

    /** Names already worked out; bounded, since instance suffixes make OIDs many. */
    private static final int CACHE_LIMIT = 200_000;

    private final SmiOidNode root;
    private final Map<OidKey, String> notificationNames = new ConcurrentHashMap<>();
    private final Map<OidKey, Variable> variables = new ConcurrentHashMap<>();
    private final List<String> modules;
    private final int fileCount;
    private final List<MibProblem> problems;

    private MibRegistry(SmiOidNode root, List<String> modules, int fileCount, List<MibProblem> problems) {
        this.root = root;
        this.modules = List.copyOf(modules);
        this.fileCount = fileCount;
        this.problems = List.copyOf(problems);
    }

    /** The bundled IETF/IANA modules plus every file under {@code directories}. */
    public static MibRegistry load(List<Path> directories) {
        List<URL> files = MibSources.find(directories);
        return LOADED.computeIfAbsent(files, MibRegistry::parse);
    }

    /** A registry that knows no module: every OID stays numeric. */
    public static MibRegistry empty() {
        return new MibRegistry(SmiOidNode.createRootNode(), List.of(), 0, List.of());
    }

    private static MibRegistry parse(List<URL> files) {
        long started = System.nanoTime();
        ProblemCollector collector = new ProblemCollector();
        SmiDefaultParser parser = new SmiDefaultParser(collector);
        parser.setFailOnError(false);
        parser.getFileParserPhase().setInputUrls(new ArrayList<>(files));
        SmiMib mib = parser.parse();
        List<String> modules = mib.getModules().stream().map(m -> m.getId()).sorted().toList();
        LOG.info("Loaded {} MIB modules from {} files in {} ms ({} problems)", modules.size(), files.size(),
                (System.nanoTime() - started) / 1_000_000, collector.problems.size());
        for (MibProblem problem : collector.problems) {
            LOG.warn("MIB problem: {}", problem);
        }
        return new MibRegistry(mib.getRootNode(), modules, files.size(), collector.problems);
    }

    public int moduleCount() {
        return modules.size();
    }

    /** The names of the loaded modules, sorted. */
    public List<String> modules() {
        return modules;
    }

    public int fileCount() {
        return fileCount;
    }

    /** Errors the parser reported; a file with errors loads what it can, the others load whole. */
    public List<MibProblem> problems() {
        return problems;
    }

    /** A notification's name, {@code MODULE::name}, or the numeric OID when no module defines it. */
    public String notificationName(int[] oid) {
        return cached(notificationNames, oid, this::resolveNotificationName);
    }

    /** A variable's name with its instance, {@code ifIndex.3}, or the numeric OID. */
    public String variableName(int[] oid) {
        return cached(variables, oid, this::resolveVariable).name();
    }

    /** The label of an INTEGER enumeration value, {@code down(2)}, or null when the object has none. */
    public String enumLabel(int[] oid, long value) {
        Map<Long, String> labels = cached(variables, oid, this::resolveVariable).labels();
        String label = labels.get(value);
        return label == null ? null : label + "(" + value + ")";
    }

    private static <T> T cached(Map<OidKey, T> cache, int[] oid, java.util.function.Function<int[], T> resolve) {
        OidKey key = new OidKey(oid);
        T found = cache.get(key);
        if (found == null) {
            found = resolve.apply(oid);
            if (cache.size() < CACHE_LIMIT) {
                cache.put(new OidKey(oid.clone()), found);
            }
        }
        return found;
    }

    private String resolveNotificationName(int[] oid) {
        Match match = lookup(oid);
        if (match == null) {
            return dotted(oid, 0);
        }
        String name = match.value.getModule().getId() + "::" + match.value.getId();
        return match.depth == oid.length ? name : name + "." + dotted(oid, match.depth);
    }

    private Variable resolveVariable(int[] oid) {
        Match match = lookup(oid);
        if (match == null) {
            return new Variable(dotted(oid, 0), Map.of());
        }
        String name = match.depth == oid.length ? match.value.getId()
                : match.value.getId() + "." + dotted(oid, match.depth);
        Map<Long, String> labels = new java.util.HashMap<>();
        if (match.value instanceof SmiVariable variable && variable.getEnumValues() != null) {
            for (SmiNamedNumber named : variable.getEnumValues()) {
                if (named.getValue() != null) {
                    labels.put(named.getValue().longValue(), named.getId());
                }
            }
        }
        return new Variable(name, Map.copyOf(labels));
    }

    private Match lookup(int[] oid) {
        SmiOidNode node = root;
        Match best = null;
        for (int i = 0; i < oid.length; i++) {
            node = node.findChild(oid[i]);
            if (node == null) {
                break;
            }
            List<SmiOidValue> values = node.getValues();
            if (values != null && !values.isEmpty()) {
                best = new Match(values.get(0), i + 1);
            }
        }
        return best;
    }

    static String dotted(int[] oid, int from) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < oid.length; i++) {
            if (i > from) {
                text.append('.');
            }
            text.append(oid[i] & 0xFFFFFFFFL);
        }
        return text.toString();
    }

    private record Match(SmiOidValue value, int depth) {
    }

    /** A variable's name with its instance, and its enumeration labels by value. */
    private record Variable(String name, Map<Long, String> labels) {
    }

    /** An OID as a map key, compared by its arcs. */
    private static final class OidKey {
        private final int[] arcs;
        private final int hash;

        OidKey(int[] arcs) {
            this.arcs = arcs;
            this.hash = java.util.Arrays.hashCode(arcs);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof OidKey key && java.util.Arrays.equals(arcs, key.arcs);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static final class ProblemCollector implements ProblemEventHandler {
        final List<MibProblem> problems = new ArrayList<>();
        private int total;

        @Override
        public void handle(ProblemEvent event) {
            total++;
            if (event.getSeverity().compareTo(ProblemSeverity.ERROR) < 0) {
                return;
            }
            Location location = event.getLocation();
            String file = location == null || location.getSource() == null ? "?" : shortName(location.getSource());
            problems.add(new MibProblem(file, location == null ? 0 : location.getLine(),
                    location == null ? 0 : location.getColumn(), event.getSeverity().name(),
                    event.getLocalizedMessage()));
        }

        private static String shortName(String source) {
            int bang = source.lastIndexOf('!');
            return bang >= 0 ? source.substring(bang + 1) : source.replaceFirst("^file:", "");
        }

        @Override
        public boolean isOk() {
            return problems.isEmpty();
        }

        @Override
        public boolean isNotOk() {
            return !problems.isEmpty();
        }

        @Override
        public int getSeverityCount(ProblemSeverity severity) {
            return (int) problems.stream().filter(p -> p.severity().equals(severity.name())).count();
        }

        @Override
        public int getTotalCount() {
            return total;
        }
    }
}
