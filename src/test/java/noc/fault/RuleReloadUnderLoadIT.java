package noc.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import noc.engine.CompiledRules;
import noc.engine.Engine;
import noc.support.Await;
import noc.support.InputLoad;
import noc.support.Ledger;
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
                Await.until(Duration.ofSeconds(20), "the reloaded rules deployed", () -> engine.rules() != running);
            }
            double reloadingSeconds = (System.nanoTime() - started) / 1e9;
            Thread.sleep(1_000);
            traps.close();
            informs.close();
            alarms.close();

            Ledger ledger = Ledger.assertNothingLost(app, datasource, Duration.ofSeconds(30), informs,
                    "10.5.", alarms, "reload-");

            System.out.printf("RuleReloadUnderLoadIT figures: %d reloads deployed in %.1f s; traps %s, informs %s, "
                            + "HTTP alarms %s; %s%n", RELOADS, reloadingSeconds, traps.outcomes(), informs.outcomes(),
                    alarms.outcomes(), ledger);
        }
    }
}
