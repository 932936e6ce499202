package noc.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

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

    /** Waits for an email whose subject has {@code subject}, and answers to whom it went. */
    private static String awaitMail(GreenMail smtp, String subject) throws Exception {
        for (int i = 0; i < 200; i++) {
            for (jakarta.mail.internet.MimeMessage message : smtp.getReceivedMessages()) {
                if (message.getSubject().contains(subject)) {
                    return message.getAllRecipients()[0].toString();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no email with '" + subject + "'");
    }

    @Test
    void anUnacknowledgedP1ClimbsEveryThirtyMinutesAndARestartKeepsItsDeadlines() throws Exception {
        Map<String, Object> database = TestDatabase.fresh("escalation");
        SimulatedClock clock = new SimulatedClock(T0);
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        Map<String, Object> email = Map.of("noc.notify.email.host", "127.0.0.1",
                "noc.notify.email.port", smtp.getSmtp().getPort(),
                "noc.escalation.level-1.contacts", "supervisor@provider.example",
                "noc.escalation.level-2.contacts", "director@provider.example",
                "noc.escalation.level-3.contacts", "cto@provider.example");
        try {
            climbThenRestart(database, clock, smtp, email);
        } finally {
            smtp.stop();
        }
    }

    private static void climbThenRestart(Map<String, Object> database, SimulatedClock clock, GreenMail smtp,
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
            assertThat(awaitMail(smtp, "Escalated to level 1")).isEqualTo("supervisor@provider.example");
            clock.advance(Duration.ofMinutes(30));
            awaitLevel(app, reference, 2);
            assertThat(awaitMail(smtp, "Escalated to level 2")).isEqualTo("director@provider.example");
        }

        clock.advance(Duration.ofMinutes(29));
        try (TestApplication app = TestApplication.start(database, email, clock)) {
            Thread.sleep(500);
            assertThat(escalation(app, reference)).containsEntry("level", 2);
            clock.advance(Duration.ofMinutes(1));
            awaitLevel(app, reference, 3);
            assertThat(awaitMail(smtp, "Escalated to level 3")).isEqualTo("cto@provider.example");

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
