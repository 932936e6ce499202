package noc.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;
import noc.support.Await;
import noc.support.Mailbox;
import noc.support.MetricsReader;
import noc.support.Ports;
import noc.support.SilentServer;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TrapSender;
import noc.support.WebhookReceiver;

/**
 * Issue #5's "done when", on the real clock with durations of seconds and a real SMTP server in the
 * test JVM: an unacknowledged P1 climbs the three levels, each level emailed with a link to
 * acknowledge; waiting on the customer freezes the clock; the customer gets the reference, the
 * closure notice with its link, disputes through it, and the ticket closes by itself after the
 * confirmation period.
 */
class NotificationsIT {

    private static final Pattern RESPOND = Pattern.compile("(http://\\S+/respond/\\S+)");
    private static final String INVENTORY = """
            {"customers": [{"name": "Acme", "contract": "managed", "projectManager": "Paula Martin"}],
             "contacts": [
               {"name": "Paula Martin", "role": "project manager", "phone": "+33 1 00", "email": "paula@provider.example"},
               {"name": "Alice Durand", "customer": "Acme", "role": "technical", "phone": "+33 1 01",
                "email": "alice@acme.example"},
               {"name": "Sam Supervisor", "role": "supervisor", "phone": "+33 1 02", "email": "sam@provider.example"}],
             "services": [{"reference": "ACME-INTERNET-1", "customer": "Acme", "criticality": "high"}],
             "devices": [{"name": "acme-cpe-1", "addresses": ["192.0.2.10"], "services": ["ACME-INTERNET-1"]}]}""";

    private Mailbox smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new Mailbox();
    }

    @AfterEach
    void stopSmtp() {
        smtp.close();
    }

    private Map<String, Object> settings(Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(Map.of(
                // Nobody here has a language in the inventory: everyone is written to in noc.locale's
                // (NotificationLanguagesIT has French and English recipients).
                "noc.locale", "en",
                "noc.notify.email.host", "127.0.0.1",
                "noc.notify.email.port", smtp.port(),
                "noc.notify.email.from", "noc@provider.example",
                "noc.notify.public-url", "http://noc.provider.example",
                "noc.escalation.level-1.contacts", List.of("Sam Supervisor"),
                "noc.escalation.level-2.contacts", List.of("director@provider.example"),
                "noc.escalation.level-3.contacts", List.of("cto@provider.example")));
        settings.putAll(more);
        return settings;
    }

    @Test
    void anUnacknowledgedP1ClimbsThreeLevelsAWaitFreezesItsClockAndASilentResolutionClosesItself() throws Exception {
        try (TestApplication app = TestApplication.start(TestDatabase.fresh("notify_email"), settings(Map.of(
                "noc.sla.p1.escalation-reference", "2s",
                "noc.escalation.acknowledgement-timeout", "3s",
                "noc.sla.p1.restore-objective", "10m",
                "noc.closure.confirmation-period", "3s")))) {
            assertThat(app.post("/api/v1/inventory/import", INVENTORY).statusCode()).isEqualTo(200);
            try (TrapSender sender = new TrapSender(app.snmpPort())) {
                sender.link(TrapSender.LINK_DOWN, "192.0.2.10", 1);
            }
            String reference = app.awaitList("/api/v1/tickets", list -> list.size() == 1).get(0).get("reference")
                    .toString();
            Map<String, Object> ticket = app.getObject("/api/v1/tickets/" + reference);
            assertThat(ticket).containsEntry("priority", "P1").containsEntry("customers", List.of("Acme"));

            // P-2.3: the customer's contact and the managed customer's project manager get the reference.
            MimeMessage opened = smtp.await("alice@acme.example", "[" + reference + "] Incident opened");
            assertThat(GreenMailUtil.getBody(opened)).contains(reference);
            // The customer follows the ticket through a signed page, not the staff's API.
            HttpResponse<String> follow = get(app, link(opened));
            assertThat(follow.body()).contains(reference).contains("<td class=\"status\">Open</td>")
                    .doesNotContain("<form");
            assertThat(opened.getFrom()[0].toString()).isEqualTo("noc@provider.example");
            assertThat(opened.getHeader("References")[0]).isEqualTo("<" + reference + "@noc-correlator>");
            smtp.await("paula@provider.example", "[" + reference + "] Incident opened");

            // P-5.4, P-5.5: level 1 after the reference time, then one level per unacknowledged timeout.
            List<Integer> levels = new ArrayList<>();
            Await.value(Duration.ofSeconds(30), "three escalation levels in turn", () -> {
                int level = level(app, reference);
                if (level > 0 && (levels.isEmpty() || levels.get(levels.size() - 1) != level)) {
                    levels.add(level);
                }
                return List.copyOf(levels);
            }, seen -> seen.size() >= 3);
            assertThat(levels).containsExactly(1, 2, 3);

            // The top level acknowledges through its email's link, within its 3 s: the page itself
            // changes nothing, its button does.
            String acknowledge = link(smtp.await("cto@provider.example", "Escalated to level 3"));
            HttpResponse<String> page = get(app, acknowledge);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Acknowledge level 3");
            assertThat(app.ticketPart(reference, "escalation")).doesNotContainKey("acknowledgedBy");
            HttpResponse<String> acknowledged = app.post(path(acknowledge), "answer=acknowledge",
                    "application/x-www-form-urlencoded");
            assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
            assertThat(app.ticketPart(reference, "escalation")).containsEntry("acknowledgedBy", "cto@provider.example");

            assertThat(GreenMailUtil.getBody(smtp.await("sam@provider.example", "Escalated to level 1")))
                    .contains("support-centre supervisor").contains("/respond/");
            smtp.await("director@provider.example", "Escalated to level 2");
            smtp.await("paula@provider.example", "Escalated to level 3");

            // P-6.2: waiting on the customer freezes the clock; the customer is told.
            assertThat(app.post("/api/v1/tickets/" + reference + "/wait",
                    "{\"reason\": \"CUSTOMER_TEST_TIME\"}").statusCode()).isEqualTo(200);
            String frozen = app.ticketPart(reference, "sla").get("elapsed").toString();
            Thread.sleep(1500);
            assertThat(app.ticketPart(reference, "sla")).containsEntry("elapsed", frozen);
            smtp.await("alice@acme.example", "Waiting on you");
            assertThat(app.post("/api/v1/tickets/" + reference + "/resume", "{}").statusCode())
                    .isEqualTo(200);
            Await.value(Duration.ofMillis(300), "the SLA clock running again",
                    () -> app.ticketPart(reference, "sla").get("elapsed"), elapsed -> !frozen.equals(elapsed.toString()));

            // P-4.3: the closure notice with its link; a dispute through it reopens the ticket.
            resolve(app, reference, "Fibre repaired");
            MimeMessage notice = smtp.await("alice@acme.example", "Resolved - please confirm");
            assertThat(GreenMailUtil.getBody(notice)).contains("Fibre repaired").contains("confirm").contains("dispute");
            String closure = link(notice);
            assertThat(get(app, closure).body()).contains("Confirm").contains("Dispute");
            HttpResponse<String> disputed = app.post(path(closure), "answer=dispute&comment=Still+down",
                    "application/x-www-form-urlencoded");
            assertThat(disputed.statusCode()).as(disputed.body()).isEqualTo(200);
            assertThat(app.getObject("/api/v1/tickets/" + reference)).containsEntry("status", "IN_PROGRESS");
            smtp.await("alice@acme.example", "Reopened");

            // Resolved again and left without an answer: it closes itself after the confirmation period.
            resolve(app, reference, "Card replaced");
            Await.value(Duration.ofSeconds(20), "the ticket closed by itself",
                    () -> app.getObject("/api/v1/tickets/" + reference).get("status"), "CLOSED"::equals);
            smtp.await("alice@acme.example", "] Closed");
            // The old link no longer acts: the ticket is closed.
            HttpResponse<String> late = app.post(path(closure), "answer=confirm", "application/x-www-form-urlencoded");
            assertThat(late.statusCode()).isEqualTo(410);
            assertThat(get(app, closure).body()).contains("closed now").doesNotContain("<form");
            assertThat(MetricsReader.value(app, "noc_notify_deliveries_total",
                    "channel=\"email\",result=\"delivered\"")).isGreaterThanOrEqualTo(1);
        }
    }

    /** Marie Curie of Initrode (not in the inventory) declares a loss of service; the reference. */
    private static String declareForInitrode(TestApplication app) {
        HttpResponse<String> declared = app.post("/api/v1/incidents", """
                {"customerName": "Initrode", "siteAddress": "1 rue de la Paix, Paris",
                 "serviceReferences": ["INI-1"], "contactName": "Marie Curie", "contactPhone": "+33 1 23",
                 "contactEmail": "marie@initrode.example", "faultyElements": "VPN", "description": "VPN down",
                 "impact": "loss"}""");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        return ((Map<?, ?>) app.parse(declared.body())).get("reference").toString();
    }

    @Test
    void aClosureLinkAnswersOnlyTheResolutionItWasSentForAndOnlyOnce() throws Exception {
        try (TestApplication app = TestApplication.start(TestDatabase.fresh("notify_links"), settings(Map.of()))) {
            String reference = declareForInitrode(app);

            resolve(app, reference, "Fibre repaired");
            String first = link(smtp.await("marie@initrode.example", "Resolved - please confirm"));
            HttpResponse<String> disputed = answer(app, first, "answer=dispute&comment=Still+down");
            assertThat(disputed.statusCode()).as(disputed.body()).isEqualTo(200);
            assertThat(answer(app, first, "answer=confirm").statusCode()).as("the used link, again").isEqualTo(410);

            resolve(app, reference, "Card replaced");
            String second = link(smtp.await("marie@initrode.example", "Resolved - please confirm", 2).get(1));
            assertThat(second).isNotEqualTo(first);
            HttpResponse<String> page = get(app, first);
            assertThat(page.statusCode()).isEqualTo(410);
            assertThat(page.body()).contains("which was resolved again on").doesNotContain("<form");
            HttpResponse<String> late = answer(app, first, "answer=confirm");
            assertThat(late.statusCode()).as(late.body()).isEqualTo(410);
            assertThat(app.getObject("/api/v1/tickets/" + reference)).containsEntry("status", "RESOLVED");

            assertThat(get(app, second).body()).contains("<form");
            HttpResponse<String> confirmed = answer(app, second, "answer=confirm");
            assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
            assertThat(app.getObject("/api/v1/tickets/" + reference)).containsEntry("status", "CLOSED");
            assertThat(answer(app, second, "answer=confirm").statusCode()).as("the used link, again").isEqualTo(410);
        }
    }

    @Test
    void aDeclarationsContactGetsTheReferenceAndAnSmtpServerThatIsDownEndsInTheJournal() throws Exception {
        try (TestApplication app = TestApplication.start(TestDatabase.fresh("notify_declared"), settings(Map.of()))) {
            String reference = declareForInitrode(app);
            MimeMessage opened = smtp.await("marie@initrode.example", "[" + reference + "] Incident opened");
            assertThat(GreenMailUtil.getBody(opened)).contains("reference " + reference);
            // Its page shows the public journal: the declaration, not the internal entries.
            assertThat(get(app, link(opened)).body()).contains("Incident declared: VPN down")
                    .doesNotContain("is not in the inventory");

            // Initrode is not in the inventory: an operator links the ticket once it is, and its
            // contacts then get the reference too.
            HttpResponse<String> unknown = app.post("/api/v1/tickets/" + reference + "/link-customer",
                    "{\"customer\": \"Initrode\"}");
            assertThat(unknown.statusCode()).isEqualTo(409);
            assertThat(unknown.body()).contains("Customer 'Initrode' is not in the inventory");
            assertThat(app.post("/api/v1/inventory/import", """
                    {"customers": [{"name": "Initrode", "contract": "standard"}],
                     "contacts": [{"name": "Pierre", "customer": "Initrode", "role": "technical", "phone": "+33 9",
                                   "email": "pierre@initrode.example"}],
                     "services": [{"reference": "INI-1", "customer": "Initrode", "criticality": "high"}],
                     "devices": [{"name": "ini-cpe-1", "addresses": ["192.0.2.70"], "services": ["INI-1"]}]}""")
                    .statusCode()).isEqualTo(200);
            HttpResponse<String> linked = app.post("/api/v1/tickets/" + reference + "/link-customer",
                    "{\"customer\": \"Initrode\"}");
            assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
            // Stored, not only in the engine: the ticket as MariaDB holds it names the customer.
            assertThat(app.parse(linked.body())).isInstanceOfSatisfying(Map.class, answer -> assertThat(answer)
                    .containsEntry("customers", List.of("Initrode")));
            smtp.await("pierre@initrode.example", "[" + reference + "] Incident opened");

            // P-7.2: the customers in a maintenance window's scope are told when it is planned.
            HttpResponse<String> planned = app.post("/api/v1/maintenance-windows", """
                    {"title": "Upgrade ini-cpe-1", "start": "2031-03-02T22:00:00Z", "end": "2031-03-02T23:00:00Z",
                     "scope": {"devices": ["ini-cpe-1"]}}""");
            assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
            String window = ((Map<?, ?>) app.parse(planned.body())).get("reference").toString();
            assertThat(GreenMailUtil.getBody(smtp.await("pierre@initrode.example", "[" + window
                    + "] Planned maintenance"))).containsPattern("From: +2031-03-02 2[23]:00:00")
                    .doesNotContain("Planned as P5");
        }

        int closedPort = Ports.free();
        try (TestApplication app = TestApplication.start(TestDatabase.fresh("notify_down"), settings(Map.of(
                "noc.notify.email.port", closedPort, "noc.notify.max-attempts", 2)))) {
            HttpResponse<String> declared = app.post("/api/v1/incidents", """
                    {"customerName": "Initrode", "siteAddress": "Paris", "serviceReferences": ["INI-1"],
                     "contactName": "Marie Curie", "contactPhone": "+33 1 23", "contactEmail": "marie@initrode.example",
                     "faultyElements": "VPN", "description": "VPN down"}""");
            String reference = ((Map<?, ?>) app.parse(declared.body())).get("reference").toString();
            String failure = app.awaitJournal(reference, "DELIVERY_FAILED").stream()
                    .filter(e -> e.get("action").equals("DELIVERY_FAILED")).map(e -> e.get("text").toString())
                    .findFirst().orElseThrow();
            assertThat(failure).contains("marie@initrode.example").contains("after 2 attempts")
                    .contains("127.0.0.1:" + closedPort);
            assertThat(MetricsReader.value(app, "noc_notify_deliveries_total",
                    "channel=\"email\",result=\"failed\"")).isGreaterThanOrEqualTo(1);

            // The ticket's notification log shows it given up; once the server is back, an operator
            // sends it again.
            Map<String, Object> failed = app.getList("/api/v1/tickets/" + reference + "/notifications").stream()
                    .filter(n -> n.get("channel").equals("EMAIL")).findFirst().orElseThrow();
            assertThat(failed).containsEntry("status", "FAILED").containsEntry("recipient", "marie@initrode.example")
                    .containsEntry("attempts", 2);
            assertThat(failed.get("lastError").toString()).contains("127.0.0.1:" + closedPort);
            try (Mailbox late = new Mailbox(closedPort)) {
                HttpResponse<String> retried = app.post("/api/v1/notifications/" + failed.get("id") + "/retry",
                        "{}");
                assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
                late.await("marie@initrode.example", "[" + reference + "] Incident opened");
                app.awaitList("/api/v1/tickets/" + reference + "/notifications", list -> list.stream()
                        .anyMatch(n -> n.get("id").equals(failed.get("id")) && n.get("status").equals("DELIVERED")));
                assertThat(app.journal(reference)).anySatisfy(e -> assertThat(e)
                        .containsEntry("action", "DELIVERY_RETRIED").containsEntry("author", "admin"));
                HttpResponse<String> again = app.post("/api/v1/notifications/" + failed.get("id") + "/retry",
                        "{}");
                assertThat(again.statusCode()).isEqualTo(409);
            }
        }
    }

    @Test
    void anSmtpServerThatHangsDoesNotHoldWebhooksBack() throws Exception {
        // The SMTP server takes connections and never says a word: an SMTP client waits for its greeting.
        try (WebhookReceiver hook = new WebhookReceiver(); SilentServer silent = new SilentServer();
             TestApplication app = TestApplication.start(TestDatabase.fresh("notify_hang"), settings(Map.of(
                     "noc.notify.email.port", silent.port(), "noc.notify.email.timeout", "60s",
                     "noc.notify.webhooks", List.of(hook.url()))))) {
            HttpResponse<String> declared = app.post("/api/v1/incidents", """
                    {"customerName": "Initrode", "siteAddress": "Paris", "serviceReferences": ["INI-1"],
                     "contactName": "Marie Curie", "contactPhone": "+33 1 23",
                     "contactEmail": "marie@initrode.example", "faultyElements": "VPN", "description": "VPN down"}""");
            String reference = ((Map<?, ?>) app.parse(declared.body())).get("reference").toString();
            Await.until(Duration.ofSeconds(20), "the email's attempt to reach the silent server",
                    () -> silent.connections() > 0);
            // Queued after the email, whose attempt is now stuck on the silent server.
            assertThat(app.post("/api/v1/tickets/" + reference + "/comment",
                    "{\"text\": \"We are on it\", \"public\": true}").statusCode())
                    .isEqualTo(200);
            hook.await("the public comment", r -> r.body().contains("We are on it"));
            // The email's first attempt is still waiting: the webhook did not queue behind it.
            assertThat(app.getList("/api/v1/tickets/" + reference + "/notifications"))
                    .filteredOn(n -> n.get("channel").equals("EMAIL") && n.get("event").equals("OPENED"))
                    .singleElement().satisfies(n -> assertThat(n)
                            .containsEntry("status", "PENDING").containsEntry("attempts", 0));
        }
    }

    private static String link(MimeMessage message) {
        Matcher matcher = RESPOND.matcher(GreenMailUtil.getBody(message));
        assertThat(matcher.find()).as("a /respond/ link in " + GreenMailUtil.getBody(message)).isTrue();
        return matcher.group(1);
    }

    /** The link's path on the test server (the emails name the configured public address). */
    private static String path(String link) {
        return link.substring(link.indexOf("/respond/"));
    }

    private static HttpResponse<String> get(TestApplication app, String link) {
        return app.get(path(link));
    }

    /** POSTs the page's form, as its button does. */
    private static HttpResponse<String> answer(TestApplication app, String link, String form) {
        return app.post(path(link), form, "application/x-www-form-urlencoded");
    }

    private static void resolve(TestApplication app, String reference, String text) {
        HttpResponse<String> resolved = app.post("/api/v1/tickets/" + reference + "/resolve",
                "{\"text\": \"" + text + "\"}");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
    }

    private static int level(TestApplication app, String reference) {
        return ((Number) app.ticketPart(reference, "escalation").get("level")).intValue();
    }



}
