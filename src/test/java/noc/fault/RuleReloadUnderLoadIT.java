package noc.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import noc.engine.CompiledRules;
import noc.engine.Engine;
import noc.support.InputLoad;
import noc.support.Ledger;
import noc.support.StoredRows;
import noc.support.TestApplication;
import noc.support.TestDatabase;

/**
 * The rules reloaded ten times while traps, informs and HTTP alarms flow: each reload rebuilds the
 * session from MariaDB at a cycle boundary, and no input is lost or counted twice on the way.
 */
class RuleReloadUnderLoadIT {

    private static final int RELOADS = 10;

    @Test
    void tenReloadsUnderLoadLoseAndDuplicateNothing() throws Exception {
        Map<String, Object> datasource = TestDatabase.fresh("reloads");
        try (TestApplication app = TestApplication.start(datasource, Map.of())) {
            Engine engine = app.context().getBean(Engine.class);
            InputLoad traps = InputLoad.traps(app.snmpPort(), 2, 500, 100, 4);
            InputLoad informs = InputLoad.informs(app.snmpPort(), 2, 5);
            InputLoad alarms = InputLoad.httpAlarms(app.uri("/api/v1/alarms"), app.login("admin",
                    TestApplication.ADMIN_PASSWORD), 2, "reload");
            Thread.sleep(2_000);
            long started = System.nanoTime();
            for (int n = 0; n < RELOADS; n++) {
                CompiledRules running = engine.rules();
                HttpResponse<String> reload = app.admin().send("POST", "/api/v1/rules/reload", null, null);
                assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
                assertThat(reload.body()).contains("\"lastBuild\":\"OK\"");
                awaitSwap(engine, running);
            }
            double reloadingSeconds = (System.nanoTime() - started) / 1e9;
            Thread.sleep(1_000);
            traps.close();
            informs.close();
            alarms.close();

            Ledger ledger;
            Map<String, Long> informCounts;
            Map<String, Long> alarmCounts;
            try (Connection connection = StoredRows.connect(datasource)) {
                ledger = Ledger.awaitBalanced(app, connection, Duration.ofSeconds(30));
                informCounts = StoredRows.occurrencesBySource(connection, "10.5.");
                alarmCounts = StoredRows.occurrencesBySource(connection, "reload-");
            }

            assertThat(ledger.balanced()).as("accepted == committed: %s", ledger).isTrue();
            assertThat(StoredRows.notStoredOnce(informCounts, informs.acknowledged()))
                    .as("informs answered (or stored) but not stored exactly once: source=count").isEmpty();
            assertThat(StoredRows.notStoredOnce(alarmCounts, alarms.acknowledged()))
                    .as("alarms answered 2xx (or stored) but not stored exactly once: source=count").isEmpty();

            System.out.printf("RuleReloadUnderLoadIT figures: %d reloads deployed in %.1f s; traps %s, informs %s, "
                            + "HTTP alarms %s; %s%n", RELOADS, reloadingSeconds, traps.outcomes(), informs.outcomes(),
                    alarms.outcomes(), ledger);
        }
    }

    /** Waits, for at most 20 s, until the engine runs other rules than {@code before}. */
    private static void awaitSwap(Engine engine, CompiledRules before) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (engine.rules() == before) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the reloaded rules were not deployed within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
