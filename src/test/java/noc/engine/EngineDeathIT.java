package noc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.Await;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TestRules;

/** When the engine thread dies (here a rule throws an Error, which no cycle survives), /health says so at once. */
class EngineDeathIT {

    private static final String KILLING_RULE = """
            package noc.rules

            import noc.alarm.AlarmEvent

            rule "A test rule that kills the engine thread on alarms from engine-killer"
                salience 1000
            when
                AlarmEvent( source == "engine-killer" )
            then
                throw new StackOverflowError("a test rule kills the engine thread");
            end
            """;

    private static TestApplication app;

    @BeforeAll
    static void start() {
        app = TestApplication.start(TestDatabase.fresh("enginedeath"),
                Map.of("noc.rules.directory", TestRules.shippedPlus("99-kills.drl", KILLING_RULE).toString()));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void healthIsDownWithTheReasonOnceTheEngineThreadDied() throws Exception {
        assertThat(app.get("/health").statusCode()).isEqualTo(200);

        CompletableFuture<HttpResponse<String>> killer = CompletableFuture.supplyAsync(() -> app.post("/api/v1/alarms",
                "{\"source\":\"engine-killer\",\"name\":\"Disk full\",\"severity\":\"major\",\"resource\":\"/var\"}"));

        assertThat(killer.get(20, TimeUnit.SECONDS).statusCode()).as("its sender is told").isEqualTo(503);
        HttpResponse<String> health = Await.value(Duration.ofSeconds(10), "/health no longer 200",
                () -> app.get("/health"), answer -> answer.statusCode() != 200);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"engine\"").contains("the engine thread stopped")
                .contains("StackOverflowError");

        // Nothing more is taken, so no sender waits for an engine that is gone.
        CompletableFuture<HttpResponse<String>> later = CompletableFuture.supplyAsync(() -> app.post("/api/v1/alarms",
                "{\"source\":\"after-the-death\",\"name\":\"Disk full\",\"severity\":\"major\"}"));
        assertThat(later.get(20, TimeUnit.SECONDS).statusCode()).as("a later sender is answered").isEqualTo(503);
    }
}
