package noc.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import noc.support.TestApplication;

/**
 * /health while MariaDB is gone: the application runs on an embedded MariaDB of its own, whose
 * mariadbd this test kills.
 */
class HealthIT {

    /** What a probe allows, as {@code curl --max-time 3}. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

    @TempDir
    static Path folder;
    private static EmbeddedDatabase database;
    private static TestApplication app;

    @BeforeAll
    static void start() {
        database = EmbeddedDatabase.start(folder, 0);
        // The pool waits 10 s for a connection (30 s by default): far longer than a probe may wait,
        // short enough for the application to stop quickly once its database is gone.
        app = TestApplication.start(Map.of("datasources.default.url", database.jdbcUrl("noc"),
                "datasources.default.username", database.username(),
                "datasources.default.password", database.password()),
                Map.of("datasources.default.connection-timeout", 10_000, "noc.engine.commit-retry-max", "1s"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static HttpResponse<String> probe(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(app.uri(path)).timeout(PROBE_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readinessIsDownWithTheReasonWithinThreeSecondsWhileTheDatabaseIsKilledAndLivenessStaysUp()
            throws Exception {
        assertThat(probe("/health").statusCode()).isEqualTo(200);
        long pid = Long.parseLong(Files.readString(folder.resolve("mariadbd.pid")).strip());
        ProcessHandle mariadbd = ProcessHandle.of(pid).orElseThrow();
        mariadbd.destroyForcibly();
        mariadbd.onExit().get(10, TimeUnit.SECONDS);
        Thread.sleep(DatabaseHealthIndicator.REUSE_FOR.toMillis()); // the check before the kill may be reused

        HttpResponse<String> health = probe("/health");
        HttpResponse<String> readiness = probe("/health/readiness");
        HttpResponse<String> liveness = probe("/health/liveness");

        assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"database\"", "database unreachable")
                .doesNotContain("jdbc:", "root");
        assertThat(liveness.statusCode()).as(liveness.body()).isEqualTo(200);
    }
}
