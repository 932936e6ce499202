package noc.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.AbstractPropertySourceLoader;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.PropertySource;

/** The files on disk, in a real Micronaut environment, ranked among the sources Micronaut has itself. */
class ConfigurationFilesTest {

    @TempDir
    Path root;

    @Test
    void theFileInConfigOverridesTheWorkingDirectoryWhichOverridesTheOneBesideTheJar() throws IOException {
        ConfigurationFiles files = layout("""
                noc.locale: en
                noc.policy.storm-count: 30
                noc.policy.flapping-count: 6
                """, """
                noc.locale: fr
                noc.policy.storm-count: 40
                """, """
                noc.policy.storm-count: 50
                """);

        try (ApplicationContext context = context(files, Map.of())) {
            Environment environment = context.getEnvironment();
            assertThat(environment.getProperty("noc.policy.storm-count", Integer.class)).contains(50);
            assertThat(environment.getProperty("noc.locale", String.class)).contains("fr");
            assertThat(environment.getProperty("noc.policy.flapping-count", Integer.class)).contains(6);
            // a key no file sets keeps the built-in value
            assertThat(environment.getProperty("noc.policy.storm-window", String.class)).contains("1m");
        }
    }

    @Test
    void theCommandLineOverridesEveryFile() throws IOException {
        ConfigurationFiles files = layout("noc.locale: en\n", null, "noc.locale: en\n");

        try (ApplicationContext context = context(files, Map.of(), "--noc.locale=fr")) {
            assertThat(context.getEnvironment().getProperty("noc.locale", String.class)).contains("fr");
        }
    }

    @Test
    void filesRankAboveTheBuiltInFileAndBelowTheEnvironmentVariables() throws IOException {
        ConfigurationFiles files = layout(null, null, "noc.locale: en\n");

        assertThat(files.read()).singleElement().extracting(PropertySource::getOrder)
                .satisfies(order -> assertThat((int) order).isLessThan(EnvironmentPropertySource.POSITION)
                        .isGreaterThan(AbstractPropertySourceLoader.DEFAULT_POSITION));
    }

    @Test
    void aJarInTheWorkingDirectoryHasItsFileReadOnce() throws IOException {
        Files.writeString(root.resolve("application.yml"), "noc.locale: en\n");

        ConfigurationFiles files = ConfigurationFiles.of(Optional.of(root.resolve("noc-correlator.jar")), root);

        assertThat(files.present()).extracting(ConfigurationFiles.Location::place).containsExactly("beside the jar");
        assertThat(files.read()).hasSize(1);
    }

    @Test
    void aFileThatIsNotYamlStopsStartupNamingIt() throws IOException {
        ConfigurationFiles files = layout(null, "noc:\n  locale: [fr\n", null);

        assertThatThrownBy(files::read).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot read the configuration file " + root.resolve("work/application.yml"));
    }

    @Test
    void aBadFileIsNamedWithItsLineButNotQuoted() throws IOException {
        ConfigurationFiles files = layout(null, """
                datasources:
                  default:
                    password: "s3cret-in-a-bad-line
                    url: jdbc:mariadb://db/noc
                """, null);

        assertThatThrownBy(files::read).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not valid YAML").hasMessageContaining("line ")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void theLogLineNamesEachPlaceAndWhetherItHeldAFile() throws IOException {
        ConfigurationFiles files = layout(null, "noc.locale: en\n", null);

        assertThat(files.describe()).contains(
                root.resolve("app/application.yml") + " (beside the jar, none)",
                root.resolve("work/application.yml") + " (in the working directory, read)",
                root.resolve("work/config/application.yml") + " (in ./config/, none)");
    }

    /** Writes the files given (null: none there) beside app/noc-correlator.jar, in work/ and in work/config/. */
    private ConfigurationFiles layout(String besideJar, String working, String config) throws IOException {
        Path app = Files.createDirectories(root.resolve("app"));
        Path work = Files.createDirectories(root.resolve("work/config")).getParent();
        write(app.resolve("application.yml"), besideJar);
        write(work.resolve("application.yml"), working);
        write(work.resolve("config/application.yml"), config);
        return ConfigurationFiles.of(Optional.of(app.resolve("noc-correlator.jar")), work);
    }

    private static void write(Path file, String content) throws IOException {
        if (content != null) {
            Files.writeString(file, content);
        }
    }

    private static ApplicationContext context(ConfigurationFiles files, Map<String, Object> properties,
                                              String... args) {
        ApplicationContext context = ApplicationContext.builder().args(args).properties(properties)
                .deduceEnvironment(false).propertySources(files.read().toArray(PropertySource[]::new)).build();
        context.getEnvironment().start();
        return context;
    }
}
