package noc.configuration;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micronaut.context.env.AbstractPropertySourceLoader;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The {@code application.yml} files an operator may put on disk, read in a fixed order so that it is
 * clear which one wins: beside the jar, then in the working directory, then in {@code ./config/}; a
 * later one overrides an earlier one. Micronaut itself reads only the built-in file (and what
 * {@code micronaut.config.files} names), so these are handed to it as property sources, ranked above
 * the built-in defaults and below {@code micronaut.config.files}, environment variables, {@code -D}
 * system properties and command-line arguments (which Micronaut ranks at -250, -200, -100 and 0).
 */
public final class ConfigurationFiles {

    static final String FILE_NAME = "application.yml";
    /** The built-in application.yml is at DEFAULT_POSITION; each place on disk ranks 10 above the one before. */
    private static final int FIRST_ORDER = AbstractPropertySourceLoader.DEFAULT_POSITION + 10;

    /** One place looked at, with why it is looked at ("beside the jar"). */
    public record Location(Path file, String place) {
    }

    private final List<Location> locations;

    private ConfigurationFiles(List<Location> locations) {
        this.locations = List.copyOf(locations);
    }

    /**
     * The places for a process started in {@code workingDirectory} from {@code jar} (none when run from
     * classes), lowest precedence first; a file reached twice (the jar in the working directory) counts once.
     */
    public static ConfigurationFiles of(Optional<Path> jar, Path workingDirectory) {
        List<Location> locations = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        jar.map(j -> j.toAbsolutePath().normalize().getParent())
                .ifPresent(folder -> add(locations, seen, folder.resolve(FILE_NAME), "beside the jar"));
        Path working = workingDirectory.toAbsolutePath().normalize();
        add(locations, seen, working.resolve(FILE_NAME), "in the working directory");
        add(locations, seen, working.resolve("config").resolve(FILE_NAME), "in ./config/");
        return new ConfigurationFiles(locations);
    }

    /** The places for this process: its jar (see {@link #launchedJar()}) and its working directory. */
    public static ConfigurationFiles ofThisProcess() {
        return of(launchedJar(), Path.of(""));
    }

    private static void add(List<Location> locations, Set<Path> seen, Path file, String place) {
        if (seen.add(file)) {
            locations.add(new Location(file, place));
        }
    }

    /**
     * The jar this JVM runs: the one {@code java -jar} was given (the class path is then that jar
     * alone), else the jar this class was loaded from; empty when run from a folder of classes.
     */
    public static Optional<Path> launchedJar() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            return Optional.of(Path.of(classPath).toAbsolutePath().normalize());
        }
        CodeSource source = ConfigurationFiles.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Every place looked at, lowest precedence first. */
    public List<Location> locations() {
        return locations;
    }

    /** The places that hold a file, lowest precedence first. */
    public List<Location> present() {
        return locations.stream().filter(l -> Files.isRegularFile(l.file())).toList();
    }

    /**
     * The files that exist, read as property sources ranked in their order. A file that cannot be read
     * or is not YAML stops startup, naming it: running on the defaults would hide the mistake.
     */
    public List<PropertySource> read() {
        YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
        List<PropertySource> sources = new ArrayList<>();
        for (int i = 0; i < locations.size(); i++) {
            Path file = locations.get(i).file();
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try (InputStream input = Files.newInputStream(file)) {
                Map<String, Object> values = loader.read(file.toString(), input);
                sources.add(PropertySource.of(file.toString(), values, FIRST_ORDER + 10 * i));
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("Cannot read the configuration file " + file + ": " + problem(e), e);
            }
        }
        return sources;
    }

    /**
     * What is wrong with a file, without quoting it: SnakeYAML's own message shows the offending line,
     * which may be a password's. The problem and its line and column only.
     */
    static String problem(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException yaml) {
                Mark mark = yaml.getProblemMark();
                return "not valid YAML (" + yaml.getProblem()
                        + (mark == null ? "" : ", line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1))
                        + ")";
            }
        }
        return e instanceof IOException ? e.getClass().getSimpleName() + ": " + e.getMessage() : "not valid YAML";
    }

    /** For the log: which files were read and which places held none, and what overrides them. */
    public String describe() {
        StringBuilder text = new StringBuilder("Configuration files, a later one overriding an earlier one: built-in "
                + FILE_NAME);
        for (Location location : locations) {
            text.append(", ").append(location.file()).append(" (").append(location.place())
                    .append(Files.isRegularFile(location.file()) ? ", read)" : ", none)");
        }
        // Micronaut reads both, the system property's files first.
        for (String named : new String[] {System.getProperty("micronaut.config.files"),
                System.getenv("MICRONAUT_CONFIG_FILES")}) {
            if (named != null && !named.isBlank()) {
                text.append(", then (micronaut.config.files) ").append(named);
            }
        }
        return text.append("; environment variables, -D system properties and --command-line arguments override "
                + "every file").toString();
    }
}
