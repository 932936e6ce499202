package noc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.MetricsReader;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TrapSender;

/**
 * One input among thousands that MariaDB refuses (a trigger on the alarm table refuses a marker
 * source) costs only itself: the engine isolates it, its sender is told, every other input commits.
 */
class PoisonIT {

    private static final String MARKER_DEVICE = "10.99.99.99";
    private static final String MARKER_SOURCE = "poison-marker";
    /** Its ifIndex.1 alarm is refused, slowly (half a second), so that later cycles fire meanwhile. */
    private static final String SLOW_MARKER_DEVICE = "10.98.98.98";
    private static final String COMMITTED = "noc_engine_events_committed_total";

    private static Map<String, Object> database;
    private static TestApplication app;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.fresh("poison");
        app = TestApplication.start(database, Map.of());
        TestDatabase.execute(database, """
                CREATE TRIGGER refuse_poison BEFORE INSERT ON alarm FOR EACH ROW
                BEGIN
                  IF NEW.source IN ('%s', '%s') THEN
                    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'poison trigger says no';
                  END IF;
                  IF NEW.source = '%s' AND NEW.resource = 'ifIndex.1' THEN
                    SET @slept = SLEEP(0.5);
                    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'poison trigger says no, slowly';
                  END IF;
                END""".formatted(MARKER_DEVICE, MARKER_SOURCE, SLOW_MARKER_DEVICE));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aTrapTheDatabaseRefusesIsDroppedAsRefusedByDatabaseAndTheOther4999Commit() throws Exception {
        double accepted = MetricsReader.value(app, "noc_snmp_traps_accepted_total", "");
        double committed = MetricsReader.value(app, COMMITTED, "source=\"snmp\"");
        double dropped = MetricsReader.value(app, "noc_snmp_traps_dropped_total", "reason=\"refused_by_database\"");
        double refused = MetricsReader.value(app, "noc_engine_inputs_refused_total", "");

        sendLinkDowns("10.7", 4_999, MARKER_DEVICE);

        MetricsReader.awaitValue(app, "noc_snmp_traps_accepted_total", "", accepted + 5_000, Duration.ofSeconds(20));
        MetricsReader.awaitValue(app, COMMITTED, "source=\"snmp\"", committed + 4_999, Duration.ofSeconds(40));
        MetricsReader.awaitValue(app, "noc_snmp_traps_dropped_total", "reason=\"refused_by_database\"",
                dropped + 1, Duration.ofSeconds(5));
        assertThat(TestDatabase.count(database, "SELECT COUNT(*) FROM alarm WHERE source LIKE '10.7.%'"))
                .isEqualTo(4_999);
        assertThat(TestDatabase.count(database, "SELECT COUNT(*) FROM alarm WHERE source = '" + MARKER_DEVICE + "'"))
                .isZero();
        assertThat(MetricsReader.value(app, "noc_engine_inputs_refused_total", "")).isEqualTo(refused + 1);
    }

    @Test
    void anHttpAlarmTheDatabaseRefusesIsAnswered422NamingItWhileTheTrapsAroundItCommit() throws Exception {
        double refused = MetricsReader.value(app, "noc_engine_inputs_refused_total", "");
        double committed = MetricsReader.value(app, COMMITTED, "source=\"snmp\"");
        List<CompletableFuture<HttpResponse<String>>> good = new ArrayList<>();
        CompletableFuture<HttpResponse<String>> marker;

        try (TrapSender sender = new TrapSender(app.snmpPort())) {
            for (int i = 0; i < 4_990; i++) {
                sender.link(TrapSender.LINK_DOWN, device("10.8", i), 1 + i % 10);
                if (i % 1_000 == 500) {
                    good.add(postAlarm("http-good-" + i));
                }
            }
            marker = postAlarm(MARKER_SOURCE);
            for (int i = 4_990; i < 4_995; i++) {
                sender.link(TrapSender.LINK_DOWN, device("10.8", i), 1 + i % 10);
            }
        }

        HttpResponse<String> answer = marker.get();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        assertThat(answer.body()).contains("refused the data").contains(MARKER_SOURCE + "|Disk full|/var")
                .doesNotContain("45000").doesNotContain("poison trigger says no").doesNotContain("SQL");
        for (CompletableFuture<HttpResponse<String>> each : good) {
            assertThat(each.get().statusCode()).as(each.get().body()).isEqualTo(200);
        }
        MetricsReader.awaitValue(app, COMMITTED, "source=\"snmp\"", committed + 4_995, Duration.ofSeconds(40));
        assertThat(TestDatabase.count(database, "SELECT COUNT(*) FROM alarm WHERE source LIKE '10.8.%'"))
                .isEqualTo(4_995);
        assertThat(TestDatabase.count(database, "SELECT COUNT(*) FROM alarm WHERE source LIKE 'http-good-%'"))
                .isEqualTo(good.size());
        assertThat(MetricsReader.value(app, "noc_engine_inputs_refused_total", "")).isEqualTo(refused + 1);
    }

    /**
     * The cycle behind a refused one fired on the refused cycle's state: here its link down joins the
     * ticket the refused cycle opened, which MariaDB never got. It must not commit that (it would
     * fail on alarm_ticket_fk and be refused in turn): it is replayed on the rebuilt session, where
     * the link down opens a ticket of its own.
     */
    @Test
    void theCycleFiredBehindARefusedOneIsReplayedOnTheRebuiltSessionNotCommittedOnItsState() throws Exception {
        double rejected = MetricsReader.value(app, "noc_engine_cycles_rejected_total", "");
        double committed = MetricsReader.value(app, COMMITTED, "source=\"snmp\"");

        try (TrapSender sender = new TrapSender(app.snmpPort())) {
            for (int i = 0; i < 500; i++) {
                sender.link(TrapSender.LINK_DOWN, device("10.6", i), 1 + i % 10);
            }
            sender.link(TrapSender.LINK_DOWN, SLOW_MARKER_DEVICE, 1);
            Thread.sleep(250); // the marker's cycle is committing (slowly) while the next one fires
            sender.link(TrapSender.LINK_DOWN, SLOW_MARKER_DEVICE, 2);
            for (int i = 500; i < 1_000; i++) {
                sender.link(TrapSender.LINK_DOWN, device("10.6", i), 1 + i % 10);
            }
        }

        MetricsReader.awaitValue(app, COMMITTED, "source=\"snmp\"", committed + 1_001, Duration.ofSeconds(40));
        assertThat(TestDatabase.count(database, "SELECT COUNT(*) FROM alarm a JOIN ticket t ON t.reference = "
                + "a.ticket_reference WHERE a.source = '" + SLOW_MARKER_DEVICE + "' AND a.resource = 'ifIndex.2'"))
                .isEqualTo(1);
        assertThat(TestDatabase.count(database, "SELECT COUNT(*) FROM alarm WHERE source LIKE '10.6.%'"))
                .isEqualTo(1_000);
        assertThat(MetricsReader.value(app, "noc_engine_cycles_rejected_total", ""))
                .as("only the marker's cycle was refused").isEqualTo(rejected + 1);
    }

    /** {@code count} linkDowns from devices {@code prefix.x.y}, ten interfaces each, the marker's in the middle. */
    private static void sendLinkDowns(String prefix, int count, String markerDevice) throws Exception {
        try (TrapSender sender = new TrapSender(app.snmpPort())) {
            for (int i = 0; i < count; i++) {
                if (i == count / 2) {
                    sender.link(TrapSender.LINK_DOWN, markerDevice, 1);
                }
                sender.link(TrapSender.LINK_DOWN, device(prefix, i), 1 + i % 10);
            }
        }
    }

    /** Device i of a range: ten interfaces each, so that 5,000 traps are 5,000 alarms on 500 devices. */
    private static String device(String prefix, int i) {
        int device = i / 10;
        return prefix + "." + (device / 250) + "." + (1 + device % 250);
    }

    private static CompletableFuture<HttpResponse<String>> postAlarm(String source) {
        String body = "{\"source\":\"" + source + "\",\"name\":\"Disk full\",\"severity\":\"major\",\"resource\":\"/var\"}";
        return CompletableFuture.supplyAsync(() -> app.post("/api/v1/alarms", body));
    }
}
