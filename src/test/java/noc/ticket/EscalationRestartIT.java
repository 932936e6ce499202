package noc.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;


import noc.support.Await;
import noc.support.Mailbox;
import noc.support.SimulatedClock;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TrapSender;

/**
 * The whole application on a simulated clock: an unacknowledged P1 climbs the escalation levels at
 * thirty-minute steps, each level emailed through a real SMTP server, and a restart in the middle
 * keeps the deadlines, which are stored data.
 */
class EscalationRestartIT {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private static void awaitLevel(TestApplication app, String reference, int level) {
        Await.value(Duration.ofSeconds(5), "escalation level " + level, () -> app.ticketPart(reference, "escalation"),
                escalation -> ((Number) escalation.get("level")).intValue() == level);
    }

    @Test
    void anUnacknowledgedP1ClimbsEveryThirtyMinutesAndARestartKeepsItsDeadlines() throws Exception {
        Map<String, Object> database = TestDatabase.fresh("escalation");
        SimulatedClock clock = new SimulatedClock(T0);
        try (Mailbox mailbox = new Mailbox()) {
            climbThenRestart(database, clock, mailbox, Map.of("noc.notify.email.host", "127.0.0.1",
                    "noc.notify.email.port", mailbox.port(),
                    "noc.escalation.level-1.contacts", "supervisor@provider.example",
                    "noc.escalation.level-2.contacts", "director@provider.example",
                    "noc.escalation.level-3.contacts", "cto@provider.example"));
        }
    }

    private static void climbThenRestart(Map<String, Object> database, SimulatedClock clock, Mailbox mailbox,
                                         Map<String, Object> email) throws Exception {
        String reference;
        try (TestApplication app = TestApplication.start(database, email, clock)) {
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
            mailbox.await("supervisor@provider.example", "Escalade au niveau 1");
            clock.advance(Duration.ofMinutes(30));
            awaitLevel(app, reference, 2);
            mailbox.await("director@provider.example", "Escalade au niveau 2");
        }

        clock.advance(Duration.ofMinutes(29));
        try (TestApplication app = TestApplication.start(database, email, clock)) {
            // Cycles ran at this time, 29 minutes into level 2's 30: still level 2.
            noc.support.MetricsReader.awaitIncrease(app, "noc_engine_cycles_total", 3);
            assertThat(app.ticketPart(reference, "escalation")).containsEntry("level", 2);
            clock.advance(Duration.ofMinutes(1));
            awaitLevel(app, reference, 3);
            mailbox.await("cto@provider.example", "Escalade au niveau 3");

            HttpResponse<String> wrongLevel = app.post("/api/v1/tickets/" + reference + "/escalations/2/acknowledge",
                    "{}");
            assertThat(wrongLevel.statusCode()).isEqualTo(409);
            HttpResponse<String> acknowledged = app.post("/api/v1/tickets/" + reference
                    + "/escalations/3/acknowledge", "{}");
            assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
            assertThat(app.ticketPart(reference, "escalation")).containsEntry("acknowledgedBy", "admin");
        }
    }
}
