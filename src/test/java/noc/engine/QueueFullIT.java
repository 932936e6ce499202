package noc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.MetricsReader;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TrapSender;

/**
 * With the engine held (its commit waits on a table another session locked) and a queue of five,
 * the queue fills: HTTP alarms are answered 503 with Retry-After, traps are dropped as queue_full,
 * and what was queued commits once the engine goes on.
 */
class QueueFullIT {

    private static Map<String, Object> database;
    private static TestApplication app;

    @BeforeAll
    static void start() {
        database = TestDatabase.fresh("queuefull");
        app = TestApplication.start(database, Map.of("noc.engine.queue-capacity", 5));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aFullQueueAnswersHttp503WithRetryAfterAndDropsTrapsAsQueueFull() throws Exception {
        app.admin();
        double committed = MetricsReader.value(app, "noc_engine_events_committed_total", "source=\"snmp\"");
        double accepted = MetricsReader.value(app, "noc_snmp_traps_accepted_total", "");
        CompletableFuture<HttpResponse<String>> held;
        HttpResponse<String> refused;

        try (Connection locker = TestDatabase.connect(database); Statement statement = locker.createStatement()) {
            statement.execute("LOCK TABLES alarm WRITE");
            held = CompletableFuture.supplyAsync(() -> app.post("/api/v1/alarms",
                    "{\"source\":\"held\",\"name\":\"Disk full\",\"severity\":\"major\",\"resource\":\"/var\"}"));
            Thread.sleep(1_000); // the held cycle's commit waits; the engine fills the hand-off and stops
            try (TrapSender sender = new TrapSender(app.snmpPort())) {
                for (int i = 0; i < 20; i++) {
                    sender.link(TrapSender.LINK_DOWN, "10.10.0." + (1 + i), 1);
                }
            }
            MetricsReader.awaitValue(app, "noc_snmp_traps_received_total", "", 20, Duration.ofSeconds(10));
            refused = app.post("/api/v1/alarms",
                    "{\"source\":\"too-late\",\"name\":\"Disk full\",\"severity\":\"major\",\"resource\":\"/var\"}");
            statement.execute("UNLOCK TABLES");
        }

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        double queued = MetricsReader.value(app, "noc_snmp_traps_accepted_total", "") - accepted;
        assertThat(MetricsReader.value(app, "noc_snmp_traps_dropped_total", "reason=\"queue_full\""))
                .isEqualTo(20 - queued).isGreaterThanOrEqualTo(10);
        assertThat(held.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        MetricsReader.awaitValue(app, "noc_engine_events_committed_total", "source=\"snmp\"", committed + queued,
                Duration.ofSeconds(20));
    }
}
