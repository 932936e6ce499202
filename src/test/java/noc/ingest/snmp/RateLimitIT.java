package noc.ingest.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import noc.support.MetricsReader;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TrapSender;

/** A source over its rate is cut to the rate, the excess counted, and the storm is one alarm. */
class RateLimitIT {

    @Test
    void theExcessOfAStormingSourceIsCountedAndCollapsedIntoOneStormAlarm() throws Exception {
        try (TestApplication app = TestApplication.start(TestDatabase.fresh("storm"),
                Map.of("noc.snmp.rate-limit", 5, "noc.snmp.rate-burst", 0))) {
            try (TrapSender sender = new TrapSender(app.snmpPort())) {
                for (int ifIndex = 1; ifIndex <= 60; ifIndex++) {
                    sender.link(TrapSender.LINK_DOWN, ifIndex);
                }
            }

            List<Map<String, Object>> alarms = app.awaitList("/api/v1/alarms", list -> list.stream()
                    .anyMatch(a -> a.get("name").equals(TrapListener.STORM_ALARM)));
            assertThat(alarms).filteredOn(a -> a.get("name").equals(TrapListener.STORM_ALARM)).singleElement()
                    .satisfies(storm -> assertThat(storm).containsEntry("source", "127.0.0.1")
                            .containsEntry("severity", "MAJOR").containsEntry("sourceKind", "correlator"));

            // Every trap the listener took is counted as accepted or limited.
            MetricsReader.awaitSum(app, 60, new String[] {"noc_snmp_traps_accepted_total", ""},
                    new String[] {"noc_snmp_traps_dropped_total", "reason=\"rate_limited\""});
            double accepted = MetricsReader.value(app, "noc_snmp_traps_accepted_total", "");
            assertThat(MetricsReader.value(app, "noc_snmp_traps_dropped_total", "reason=\"rate_limited\""))
                    .isGreaterThanOrEqualTo(40);
            // Each accepted trap is an alarm (awaitList fails unless it comes to that).
            app.awaitList("/api/v1/alarms", list -> list.stream()
                    .filter(a -> a.get("name").equals("IF-MIB::linkDown")).count() == (long) accepted);
        }
    }
}
