package noc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.ApiClient;
import noc.support.Ports;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TrapSender;
import noc.support.WebSession;

/** The ticket queue and the ticket page, read and worked as a browser does, over HTTP. */
class TicketPagesIT {

    private static TestApplication app;
    private static WebSession operator;
    private static WebSession viewer;
    /** Acme's ticket: olga commented it and escalated it; still open. */
    private static String acme;
    /** Globex's ticket: of a redundant service (a P2), acknowledged by the admin. */
    private static String globex;
    private static String globexPriority;
    /** Initech's ticket: waiting on the customer. */
    private static String initech;

    @BeforeAll
    static void start() throws Exception {
        // Every ticket event goes to a webhook nobody listens on, tried once: its notifications fail.
        app = TestApplication.start(TestDatabase.fresh("console_tickets"), Map.of("noc.notify.webhooks",
                List.of("http://127.0.0.1:" + Ports.free() + "/hook"), "noc.notify.max-attempts", 1));
        assertThat(app.post("/api/v1/inventory/import", """
                {"customers": [{"name": "Acme", "contract": "standard"}, {"name": "Globex", "contract": "standard"},
                               {"name": "Initech", "contract": "standard"}],
                 "services": [{"reference": "ACME-NET", "customer": "Acme", "criticality": "high"},
                              {"reference": "GLOBEX-NET", "customer": "Globex", "criticality": "low",
                               "redundant": true},
                              {"reference": "INITECH-NET", "customer": "Initech", "criticality": "high"}],
                 "devices": [{"name": "rtr-acme", "addresses": ["192.0.2.10"], "services": ["ACME-NET"]},
                             {"name": "rtr-globex", "addresses": ["192.0.2.20"], "services": ["GLOBEX-NET"]},
                             {"name": "rtr-initech", "addresses": ["192.0.2.30"], "services": ["INITECH-NET"]}]}
                """).statusCode()).isEqualTo(200);
        try (TrapSender sender = new TrapSender(app.snmpPort())) {
            sender.link(TrapSender.LINK_DOWN, "192.0.2.10", 1);
            sender.link(TrapSender.LINK_DOWN, "192.0.2.20", 2);
            sender.link(TrapSender.LINK_DOWN, "192.0.2.30", 3);
        }
        List<Map<String, Object>> tickets = app.awaitList("/api/v1/tickets", list -> list.size() == 3);
        acme = reference(tickets, "Acme");
        globex = reference(tickets, "Globex");
        initech = reference(tickets, "Initech");
        ApiClient olga = app.user("olga", null, "operator");
        app.user("vera", null, "viewer");
        ok(olga.post("/api/v1/tickets/" + acme + "/comment", "{\"text\": \"Looking at it\"}"));
        ok(olga.post("/api/v1/tickets/" + acme + "/escalate", "{}"));
        ok(app.post("/api/v1/tickets/" + globex + "/acknowledge", "{}"));
        ok(app.post("/api/v1/tickets/" + initech + "/wait", "{\"reason\": \"CUSTOMER_TEST_TIME\"}"));
        globexPriority = String.valueOf(app.getObject("/api/v1/tickets/" + globex).get("priority"));
        assertThat(globexPriority).as("Globex's ticket, of a redundant service").isNotEqualTo("P1");
        operator = new WebSession(app.uri("/"), "en");
        operator.signIn("olga", "olga-password", "/");
        viewer = new WebSession(app.uri("/"), "fr");
        viewer.signIn("vera", "vera-password", "/");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theQueueListsTheOpenTicketsByPriorityWithTheirSlaBars() {
        String queue = operator.get("/tickets").body();
        assertThat(queue).contains(acme, globex, "role=\"progressbar\"", "sla-on-time", "Level 1");
        assertThat(queue.indexOf(acme)).as("the P1 before the " + globexPriority).isLessThan(queue.indexOf(globex));
    }

    @Test
    void aTicketWaitingOnTheCustomerHasItsBarFrozen() {
        String queue = operator.get("/tickets?customer=Initech").body();
        assertThat(queue).contains(initech, "sla-frozen", "Paused: waiting on the customer",
                "<td class=\"status\">Waiting on customer</td>")
                .doesNotContain("sla-on-time");
        assertThat(operator.get("/tickets/" + initech).body()).contains("sla-frozen", "action-resume\"");
    }

    @Test
    void priorityCustomerAndStatusFilterTheQueue() {
        assertThat(operator.get("/tickets?priority=" + globexPriority).body()).contains(globex).doesNotContain(acme);
        assertThat(operator.get("/tickets?customer=Acme").body()).contains(acme).doesNotContain(globex);
        assertThat(operator.get("/tickets?status=acknowledged").body()).contains(globex).doesNotContain(acme);
        assertThat(operator.get("/tickets?priority=P5").body()).contains("No ticket matches.")
                .doesNotContain(acme, globex);
    }

    @Test
    void mineUnacknowledgedAndEscalatedFilterTheQueue() {
        assertThat(operator.get("/tickets?view=mine").body()).contains(acme).doesNotContain(globex);
        assertThat(viewer.get("/tickets?view=mine").body()).doesNotContain(acme, globex);
        assertThat(operator.get("/tickets?view=unacknowledged").body()).contains(acme).doesNotContain(globex);
        assertThat(operator.get("/tickets?view=escalated").body()).contains(acme).doesNotContain(globex);
    }

    @Test
    void aBadFilterIsABadRequestNamingIt() {
        HttpResponse<String> page = operator.get("/tickets?page=0");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("page").doesNotContain("Exception");
        assertThat(operator.get("/tickets?view=theirs").statusCode()).isEqualTo(400);
    }

    @Test
    void theTicketPageShowsItsHeaderAlarmsJournalAndTheActionsAllowedNow() {
        String page = operator.get("/tickets/" + acme).body();
        assertThat(page).contains("Open", "P1", "rtr-acme", "Acme", "Level 1", "IF-MIB::linkDown", "ifIndex",
                "journal-internal", "Looking at it", "olga", "Why?", "class=\"fact\"");
        assertThat(page).contains("action-acknowledge\"", "action-acknowledge-escalation\"", "action-comment\"",
                "action-resolve\"", ">Acknowledge<", ">Resolve<").doesNotContain("action-resume\"");
        String acknowledged = operator.get("/tickets/" + globex).body();
        assertThat(acknowledged).contains("Acknowledged", "action-resolve\"").doesNotContain("action-acknowledge\"");
    }

    @Test
    void aViewerSeesNoButtons() {
        HttpResponse<String> page = viewer.get("/tickets/" + acme);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(acme, "Journal").doesNotContain("action-acknowledge",
                "<form method=\"post\" action=\"/tickets/", "Prendre en compte<");
        HttpResponse<String> tried = viewer.post("/tickets/" + acme + "/acknowledge", Map.of());
        // A browser without the role gets its 403 (SigninRedirect), nothing done.
        assertThat(tried.statusCode()).isEqualTo(403);
        assertThat(app.journal(acme)).noneMatch(entry -> "vera".equals(entry.get("author")));
    }

    @Test
    void aRefusedActionShowsTheReason() {
        operator.get("/tickets/" + globex);
        HttpResponse<String> answer = operator.post("/tickets/" + globex + "/resume", Map.of());
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).contains("class=\"error refusal\"", "Resuming needs a ticket that is waiting on customer",
                globex);
    }

    @Test
    void aMissingFieldIsNamedOnThePage() {
        operator.get("/tickets/" + acme);
        HttpResponse<String> answer = operator.post("/tickets/" + acme + "/comment", Map.of("text", " "));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("data-field=\"text\"", "text is required for a comment");
    }

    @Test
    void aFormWithoutItsTokenIsRefused() {
        HttpResponse<String> answer = operator.post("/tickets/" + acme + "/comment",
                Map.of("csrfToken", "forged", "text", "hello"));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("The form had expired");
        assertThat(app.journal(acme)).noneMatch(entry -> "hello".equals(entry.get("text")));
    }

    @Test
    void aDoneActionIsJournaledAndSendsTheBrowserBackToThePage() {
        operator.get("/tickets/" + acme);
        HttpResponse<String> answer = operator.post("/tickets/" + acme + "/comment",
                Map.of("text", "Customer told by phone", "visibility", "public"));
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/tickets/" + acme);
        assertThat(app.journal(acme)).anyMatch(entry -> "Customer told by phone".equals(entry.get("text"))
                && "PUBLIC".equals(entry.get("visibility")) && "olga".equals(entry.get("author")));
        assertThat(operator.get("/tickets/" + acme).body()).contains("journal-public");
    }

    @Test
    void aFailedNotificationIsShownWithRetryForAnOperatorAndSentAgain() {
        Map<String, Object> failed = app.awaitList("/api/v1/tickets/" + acme + "/notifications",
                list -> list.stream().anyMatch(sent -> "FAILED".equals(sent.get("status")))).stream()
                .filter(sent -> "FAILED".equals(sent.get("status"))).findFirst().orElseThrow();
        String retry = "/tickets/" + acme + "/notifications/" + failed.get("id") + "/retry";
        String page = operator.get("/tickets/" + acme).body();
        assertThat(page).contains("Notifications sent", "delivery-failed", "/hook", "action=\"" + retry + "\"");
        assertThat(viewer.get("/tickets/" + acme).body()).contains("delivery-failed").doesNotContain(retry);

        HttpResponse<String> answer = operator.post(retry, Map.of());
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/tickets/" + acme);
        assertThat(app.journal(acme)).anyMatch(entry -> "DELIVERY_RETRIED".equals(entry.get("action"))
                && "olga".equals(entry.get("author")));
    }

    @Test
    void anUnknownTicketIsNotFound() {
        HttpResponse<String> page = operator.get("/tickets/INC-1999-000001");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("There is no ticket INC-1999-000001.");
    }

    @Test
    void theQueueAndThePageAreInFrench() {
        assertThat(viewer.get("/tickets").body()).contains("File des tickets", "Délai de rétablissement",
                "Mes tickets", "Non pris en compte", "Escaladés", "Ouvert", "Pris en compte");
        assertThat(viewer.get("/tickets/" + acme).body()).contains("Statut", "Escalade", "Niveau 1", "Interne",
                "Pourquoi ?", "Notifications envoyées");
    }

    private static String reference(List<Map<String, Object>> tickets, String customer) {
        return tickets.stream().filter(ticket -> String.valueOf(ticket.get("title")).contains(
                        "rtr-" + customer.toLowerCase(java.util.Locale.ROOT)))
                .map(ticket -> String.valueOf(ticket.get("reference"))).findFirst().orElseThrow(() ->
                        new AssertionError("no ticket of " + customer + " in " + tickets));
    }

    private static void ok(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }
}
