package noc.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.MetricsReader;
import noc.support.TestApplication;
import noc.support.TestDatabase;

/** What /prometheus shows right after startup, before any trap, request, build or delivery; and the gauges. */
class MetricsIT {

    private static TestApplication app;
    private static String scrape;

    @BeforeAll
    static void start() {
        app = TestApplication.start(TestDatabase.fresh("metrics"), Map.of("noc.metrics.count-interval", "200ms"));
        scrape = app.get("/prometheus").body();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void everyNocMetricHasHelpText() {
        Matcher types = Pattern.compile("^# TYPE (noc_\\w+) ", Pattern.MULTILINE).matcher(scrape);
        List<String> families = new ArrayList<>();
        while (types.find()) {
            families.add(types.group(1));
        }
        assertThat(families).hasSizeGreaterThan(15);
        assertThat(families).allSatisfy(family -> assertThat(scrape)
                .containsPattern("(?m)^# HELP " + Pattern.quote(family) + " \\S"));
    }

    @Test
    void labelledCountersStartAtZeroForEachKnownLabel() {
        assertThat(scrape).contains(
                "noc_snmp_traps_dropped_total{reason=\"queue_full\"} 0.0",
                "noc_snmp_traps_dropped_total{reason=\"v3_decryption\"} 0.0",
                "noc_intake_requests_rejected_total{intake=\"generic\",reason=\"invalid\"} 0.0",
                "noc_intake_requests_rejected_total{intake=\"alertmanager\",reason=\"queue_full\"} 0.0",
                "noc_intake_alarms_accepted_total{intake=\"alertmanager\"} 0.0",
                "noc_engine_events_committed_total{source=\"snmp\"} 0.0",
                "noc_engine_cycles_rejected_total 0.0",
                "noc_notify_deliveries_total{channel=\"email\",result=\"failed\"} 0.0",
                "noc_notify_deliveries_total{channel=\"webhook\",result=\"delivered\"} 0.0",
                "noc_rules_builds_total{result=\"failed\"} 0.0",
                "noc_rules_builds_total{result=\"ok\"} 0.0",
                "noc_security_logins_total{result=\"throttled\"} 0.0");
    }

    @Test
    void timersPublishHistogramBuckets() {
        assertThat(scrape).contains("noc_engine_cycle_rules_seconds_bucket{le=\"0.1\"}",
                "noc_engine_cycle_commit_seconds_bucket{le=\"+Inf\"}", "noc_engine_cycle_inputs_bucket{le=\"100.0\"}");
    }

    @Test
    void gaugesShowOpenTicketsByPriorityAndActiveAlarms() {
        assertThat(scrape).contains("noc_tickets_open{priority=\"P1\"} 0.0", "noc_tickets_open{priority=\"P5\"} 0.0",
                "noc_alarms_active 0.0");
    }

    @Test
    void activeAlarmsGaugeCountsARaisedAlarm() throws InterruptedException {
        HttpResponse<String> raised = app.post("/api/v1/alarms", """
                {"source":"sw-metrics-01","name":"High CPU","severity":"major","resource":"cpu0"}""");
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(200);

        MetricsReader.awaitSum(app, 1, new String[] {"noc_alarms_active", ""});
    }

    @Test
    void namesMatchTheReadme() {
        assertThat(scrape).contains("noc_engine_inputs_unconsumed_total ", "noc_engine_queue_size ",
                "noc_engine_rules_loaded ");
    }
}
