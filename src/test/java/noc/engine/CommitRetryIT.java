package noc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
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
 * While MariaDB fails commits for a passing reason (here a table locked by another session, so that
 * each attempt ends in a lock wait timeout after one second), the engine retries: senders wait,
 * and once the database takes writes again everything accepted is committed.
 */
class CommitRetryIT {

    private static Map<String, Object> database;
    private static TestApplication app;

    @BeforeAll
    static void start() {
        database = TestDatabase.fresh("retry");
        Map<String, Object> impatient = new HashMap<>(database);
        impatient.put("datasources.default.url", database.get("datasources.default.url")
                + "?sessionVariables=lock_wait_timeout=1");
        app = TestApplication.start(impatient, Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void sendersWaitWhileCommitsTimeOutAndNothingAcceptedIsLost() throws Exception {
        app.admin(); // logged in before the table is locked
        double committed = MetricsReader.value(app, "noc_engine_events_committed_total", "source=\"snmp\"");
        CompletableFuture<HttpResponse<String>> alarm;

        try (Connection locker = TestDatabase.connect(database); Statement statement = locker.createStatement()) {
            statement.execute("LOCK TABLES alarm WRITE");
            alarm = CompletableFuture.supplyAsync(() -> app.post("/api/v1/alarms",
                    "{\"source\":\"retry-http\",\"name\":\"Disk full\",\"severity\":\"major\",\"resource\":\"/var\"}"));
            try (TrapSender sender = new TrapSender(app.snmpPort())) {
                for (int i = 0; i < 100; i++) {
                    sender.link(TrapSender.LINK_DOWN, "10.9.0." + (1 + i), 1);
                }
            }
            MetricsReader.awaitValue(app, "noc_engine_commit_retries_total", "", 2, Duration.ofSeconds(10));
            assertThat(alarm).as("the sender waits while its alarm is not committed").isNotDone();
            statement.execute("UNLOCK TABLES");
        }

        HttpResponse<String> answer = alarm.get(30, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        MetricsReader.awaitValue(app, "noc_engine_events_committed_total", "source=\"snmp\"", committed + 100,
                Duration.ofSeconds(30));
        assertThat(TestDatabase.count(database, "SELECT COUNT(*) FROM alarm WHERE source LIKE '10.9.0.%'"))
                .isEqualTo(100);
        assertThat(MetricsReader.value(app, "noc_engine_cycles_rejected_total", "")).isZero();
    }
}
