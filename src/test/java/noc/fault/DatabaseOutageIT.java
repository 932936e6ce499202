package noc.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import noc.database.EmbeddedDatabase;
import noc.engine.Engine;
import noc.support.Await;
import noc.support.InputLoad;
import noc.support.Ledger;
import noc.support.MetricsReader;
import noc.support.TestApplication;

/**
 * The correlator's MariaDB killed ({@code kill -9}) for 20 s under load, then started again on the
 * same data: nothing the correlator accepted is lost. The database is an embedded one of the test's
 * own (the shared server on 3306 is never touched); the queue is small so that the outage fills it.
 */
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(20);

    @Test
    void withTheDatabaseKilledFor20SecondsUnderLoadEveryAcceptedInputIsCommitted(@TempDir Path home)
            throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(home, 0);
        int port = database.port();
        Map<String, Object> datasource = Map.of("datasources.default.url", database.jdbcUrl("noc_outage"),
                "datasources.default.username", database.username(),
                "datasources.default.password", database.password());
        TestApplication app = null;
        try {
            app = TestApplication.start(datasource, Map.of("noc.engine.queue-capacity", 3000));
            InputLoad traps = InputLoad.traps(app.snmpPort(), 2, 400, 100, 2);
            InputLoad informs = InputLoad.informs(app.snmpPort(), 2, 3);
            InputLoad alarms = InputLoad.httpAlarms(app.uri("/api/v1/alarms"), app.login("admin",
                    TestApplication.ADMIN_PASSWORD), 2, "outage");
            Thread.sleep(3_000);

            ProcessHandle server = ProcessHandle.of(Long.parseLong(
                    Files.readString(home.resolve("mariadbd.pid")).strip())).orElseThrow();
            server.destroyForcibly(); // SIGKILL: no shutdown, InnoDB recovers at the next start
            server.onExit().get();
            long killedAt = System.nanoTime();
            Thread.sleep(OUTAGE.toMillis());
            database.close(); // releases the data folder; the server is already gone
            long restartAt = System.nanoTime();
            database = EmbeddedDatabase.start(home, port);
            long backAt = System.nanoTime();
            Instant back = Instant.now();
            double outageSeconds = (backAt - killedAt) / 1e9;
            Engine engine = app.context().getBean(Engine.class);
            Await.until(Duration.ofSeconds(60), "a cycle committed after the database's return",
                    () -> engine.lastCycle().isAfter(back));
            double firstCommitSeconds = (System.nanoTime() - backAt) / 1e9;
            Thread.sleep(3_000);
            traps.close();
            informs.close();
            alarms.close();

            Ledger ledger = Ledger.assertNothingLost(app, datasource, Duration.ofSeconds(60), informs,
                    "10.3.", alarms, "outage-");
            double caughtUpSeconds = (System.nanoTime() - backAt) / 1e9;

            System.out.printf("DatabaseOutageIT figures: database down %.1f s (its restart %.1f s), first commit "
                            + "%.1f s after it was back; traps %s, informs %s, HTTP alarms "
                            + "%s; %s; traps dropped queue_full %.0f, HTTP refused queue_full %.0f; "
                            + "database back to all committed %.1f s (3 s of it still under load)%n", outageSeconds,
                    (backAt - restartAt) / 1e9, firstCommitSeconds, traps.outcomes(),
                    informs.outcomes(), alarms.outcomes(), ledger,
                    MetricsReader.value(app, "noc_snmp_traps_dropped_total", "reason=\"queue_full\""),
                    MetricsReader.value(app, "noc_intake_requests_rejected_total",
                            "intake=\"generic\",reason=\"queue_full\""), caughtUpSeconds);
        } finally {
            if (app != null) {
                app.close();
            }
            database.close();
        }
    }
}
