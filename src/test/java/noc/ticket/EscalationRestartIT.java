package noc.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import noc.support.SimulatedClock;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TrapSender;

/**
 * The whole application on a simulated clock: an unacknowledged P1 climbs the escalation levels at
 * thirty-minute steps, and a restart in the middle keeps the deadlines, which are stored data.
 */
class EscalationRestartIT {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private static Map<String, Object> escalation(TestApplication app, String reference) {
        @SuppressWarnings("unchecked")
        Map<String, Object> escalation = (Map<String, Object>) app.getObject("/api/v1/tickets/" + reference)
                .get("escalation");
        return escalation;
    }

    private static void awaitLevel(TestApplication app, String reference, int level) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (((Number) escalation(app, reference).get("level")).intValue() == level) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never reached level " + level + ": " + escalation(app, reference));
    }

    @Test
    void anUnacknowledgedP1ClimbsEveryThirtyMinutesAndARestartKeepsItsDeadlines() throws Exception {
        Map<String, Object> database = TestDatabase.fresh("escalation");
        SimulatedClock clock = new SimulatedClock(T0);
        String reference;
        try (TestApplication app = TestApplication.start(database, Map.of(), clock)) {
            HttpResponse<String> imported = app.post("/api/v1/inventory/import", """
                    {"customers": [{"name": "Acme", "contract": "standard"}],
                     "services": [{"reference": "ACME-INTERNET-1", "customer": "Acme", "criticality": "high"}],
                     "devices": [{"name": "acme-cpe-1", "addresses": ["192.0.2.10"], "services": ["ACME-INTERNET-1"]}]}""");
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            try (TrapSender sender = new TrapSender(app.snmpPort())) {
                sender.link(TrapSender.LINK_DOWN, "192.0.2.10", 1);
            }
            reference = app.awaitList("/api/v1/tickets", list -> list.size() == 1).get(0).get("reference").toString();
            assertThat(app.getObject("/api/v1/tickets/" + reference)).containsEntry("priority", "P1");

            clock.advance(Duration.ofMinutes(30));
            awaitLevel(app, reference, 1);
            clock.advance(Duration.ofMinutes(30));
            awaitLevel(app, reference, 2);
        }

        clock.advance(Duration.ofMinutes(29));
        try (TestApplication app = TestApplication.start(database, Map.of(), clock)) {
            Thread.sleep(500);
            assertThat(escalation(app, reference)).containsEntry("level", 2);
            clock.advance(Duration.ofMinutes(1));
            awaitLevel(app, reference, 3);

            HttpResponse<String> wrongLevel = app.post("/api/v1/tickets/" + reference + "/escalations/2/acknowledge",
                    "{\"by\": \"director\"}");
            assertThat(wrongLevel.statusCode()).isEqualTo(409);
            HttpResponse<String> acknowledged = app.post("/api/v1/tickets/" + reference
                    + "/escalations/3/acknowledge", "{\"by\": \"technical director\"}");
            assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
            assertThat(escalation(app, reference)).containsEntry("acknowledgedBy", "technical director");
        }
    }
}
