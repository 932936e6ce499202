package noc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.Await;
import noc.support.Browser;
import noc.support.Mailbox;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.WebSession;

/** The customer portal: a customer's own tickets, its buttons and its declaration form, over HTTP and in Chromium. */
class PortalIT {

    private static final Pattern REFERENCE = Pattern.compile("INC-\\d{4}-\\d{6}");
    private static TestApplication app;
    private static WebSession acme;
    private static Mailbox smtp;

    @BeforeAll
    static void start() {
        smtp = new Mailbox();
        app = TestApplication.start(TestDatabase.fresh("console_portal"), Map.of("noc.notify.email.host", "127.0.0.1",
                "noc.notify.email.port", smtp.port()));
        assertThat(app.post("/api/v1/inventory/import", """
                {"customers": [{"name": "Acme", "contract": "standard"}, {"name": "Globex", "contract": "standard"}],
                 "contacts": [{"name": "Alice Martin", "customer": "Acme", "role": "technical", "phone": "+33 1 00 00 00 01",
                               "email": "alice@acme.example"}],
                 "services": [{"reference": "ACME-INTERNET", "customer": "Acme", "criticality": "high"},
                              {"reference": "GLOBEX-LAN", "customer": "Globex", "criticality": "high"}]}
                """).statusCode()).isEqualTo(200);
        app.user("alice", "Acme", "customer");
        app.user("gus", "Globex", "customer");
        acme = new WebSession(app.uri("/"), "fr");
        acme.signIn("alice", "alice-password", "/portal");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    @Test
    void anotherCustomersTicketIsNotFoundAndNeverListed() {
        String globex = declared("Globex", "GLOBEX-LAN", "globex-only-secret");
        HttpResponse<String> page = acme.get("/portal/tickets/" + globex);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Incident introuvable").doesNotContain("globex-only-secret", globex);
        assertThat(acme.get("/portal?status=all").body()).doesNotContain(globex);
        acme.get("/portal");
        assertThat(acme.post("/portal/tickets/" + globex + "/dispute", Map.of("text", "no")).statusCode()).isEqualTo(404);
        assertThat(app.getObject("/api/v1/tickets/" + globex).get("status")).isEqualTo("OPEN");
    }

    @Test
    void theTicketPageShowsThePublicJournalOnlyWithNoRuleNameAndTheCustomersEmails() {
        String reference = declared("Acme", "ACME-INTERNET", "router on fire");
        act(reference, "comment", "{\"text\": \"internal-only-note\", \"public\": false}");
        act(reference, "comment", "{\"text\": \"We are on it\", \"public\": true}");
        List<Map<String, Object>> journal = app.journal(reference);
        List<String> ruleNames = journal.stream().filter(entry -> "RULE".equals(entry.get("authorKind")))
                .map(entry -> String.valueOf(entry.get("author"))).toList();
        assertThat(ruleNames).isNotEmpty();
        // The public comment is emailed to Acme's contact of the inventory, who is named nowhere else on the page.
        Await.until(Duration.ofSeconds(20), "the update emailed to Acme's contact",
                () -> acme.get("/portal/tickets/" + reference).body().contains("alice@acme.example"));

        String page = acme.get("/portal/tickets/" + reference).body();
        assertThat(page).contains("We are on it", "router on fire", "E-mails envoyés à vos contacts",
                        "Délai de rétablissement")
                .doesNotContain("internal-only-note");
        // Each email said by what it was about, in words: the opening notice, the public update.
        assertThat(page).contains("<td>Ouverture de l’incident</td>", "<td>Suivi</td>").doesNotContain("??");
        assertThat(ruleNames).allSatisfy(rule -> assertThat(page).doesNotContain(rule));
        assertThat(page).doesNotContain("ticket:" + reference);
    }

    @Test
    void confirmAndDisputeAreOfferedOnAResolvedTicketOnlyAndWork() {
        String confirmed = declared("Acme", "ACME-INTERNET", "to be confirmed");
        String disputed = declared("Acme", "ACME-INTERNET", "to be disputed");
        assertThat(acme.get("/portal/tickets/" + confirmed).body())
                .doesNotContain("/confirm\"", "/dispute\"", "Je confirme le rétablissement");
        act(confirmed, "resolve", "{\"text\": \"replaced the line card\"}");
        act(disputed, "resolve", "{\"text\": \"rebooted\"}");

        assertThat(acme.get("/portal/tickets/" + confirmed).body()).contains("Je confirme le rétablissement",
                "Je conteste la résolution");
        HttpResponse<String> confirm = acme.post("/portal/tickets/" + confirmed + "/confirm", Map.of());
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(303);
        assertThat(confirm.headers().firstValue("Location")).hasValue("/portal/tickets/" + confirmed + "?done=confirm");
        assertThat(app.getObject("/api/v1/tickets/" + confirmed).get("status")).isEqualTo("CLOSED");
        assertThat(acme.get("/portal/tickets/" + confirmed + "?done=confirm").body())
                .contains("Merci pour votre confirmation").doesNotContain("Je confirme le rétablissement")
                // The journal says each action in French, with what the person typed, never the engine's English.
                .contains("Incident résolu, en attente de votre confirmation : replaced the line card",
                        "Résolution confirmée, incident clos")
                .doesNotContain("Resolved by", "Resolution confirmed by");

        acme.get("/portal/tickets/" + disputed);
        HttpResponse<String> dispute = acme.post("/portal/tickets/" + disputed + "/dispute",
                Map.of("text", "still no internet"));
        assertThat(dispute.statusCode()).as(dispute.body()).isEqualTo(303);
        assertThat(app.getObject("/api/v1/tickets/" + disputed).get("status")).isNotIn("RESOLVED", "CLOSED");
        assertThat(app.journal(disputed)).anyMatch(entry -> String.valueOf(entry.get("text")).contains("still no internet"));
        assertThat(acme.get("/portal/tickets/" + disputed).body())
                .contains("Résolution contestée, incident rouvert : still no internet").doesNotContain("Disputed by");
        WebSession english = new WebSession(app.uri("/"), "en");
        english.signIn("alice", "alice-password", "/portal");
        assertThat(english.get("/portal/tickets/" + disputed).body())
                .contains("Incident resolved, awaiting your confirmation: rebooted",
                        "Resolution disputed, incident reopened: still no internet")
                .doesNotContain("Disputed by", "Resolved by");
    }

    @Test
    void aRefusedActionShowsTheEnginesReason() {
        String reference = declared("Acme", "ACME-INTERNET", "open, not resolved");
        acme.get("/portal/tickets/" + reference);
        HttpResponse<String> refused = acme.post("/portal/tickets/" + reference + "/confirm", Map.of());
        assertThat(refused.statusCode()).isEqualTo(409);
        // The engine's reason in the page's language (the API's stays English).
        assertThat(refused.body()).contains("Action impossible : la confirmation de la résolution n’est possible que "
                + "sur un incident résolu ; celui-ci est ouvert.");
        assertThat(app.getObject("/api/v1/tickets/" + reference).get("status")).isEqualTo("OPEN");
    }

    @Test
    void aQuestionIsAnsweredFromThePortal() {
        String reference = declared("Acme", "ACME-INTERNET", "needs an answer");
        assertThat(acme.get("/portal/tickets/" + reference).body()).doesNotContain("Envoyer ma réponse");
        act(reference, "ask-customer", "{\"text\": \"Is the modem powered?\"}");
        assertThat(acme.get("/portal/tickets/" + reference).body()).contains("Is the modem powered?", "Envoyer ma réponse");
        HttpResponse<String> answer = acme.post("/portal/tickets/" + reference + "/customer-reply",
                Map.of("text", "Yes, all lights are green"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        assertThat(app.journal(reference)).anyMatch(entry -> "CUSTOMER_REPLIED".equals(entry.get("action")));
        assertThat(acme.get("/portal/tickets/" + reference + "?done=customer-reply").body())
                .contains("Votre réponse a bien été transmise").doesNotContain("Envoyer ma réponse");
    }

    @Test
    void anEnglishBrowserGetsThePortalInEnglish() {
        String reference = declared("Acme", "ACME-INTERNET", "in English");
        WebSession english = new WebSession(app.uri("/"), "en-GB,en;q=0.9");
        english.signIn("alice", "alice-password", "/portal");
        assertThat(english.get("/portal").body()).contains("Your incidents (Acme)", "Report an incident", reference);
        assertThat(english.get("/portal/tickets/" + reference).body()).contains("Restore objective", "Follow-up")
                .doesNotContain("Délai de rétablissement");
    }

    @Test
    void aDeclarationWithAMissingFieldShowsTheErrorNextToItAndCreatesNothing() {
        int before = app.getList("/api/v1/tickets?status=all&limit=1000").size();
        acme.get("/portal/declare");
        Map<String, String> form = declaration("");
        HttpResponse<String> answer = acme.post("/portal/declare", form);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).containsPattern(
                "id=\"contactPhone\"[^>]*>\\s*<span class=\"error field-error\" id=\"contactPhone-error\">"
                        + "Ce champ est obligatoire.</span>");
        assertThat(answer.body()).doesNotContain("id=\"siteAddress-error\"").contains("value=\"12 rue de la Paix, Paris\"");
        assertThat(app.getList("/api/v1/tickets?status=all&limit=1000")).hasSize(before);

        form.put("contactPhone", "call me maybe");
        form.put("serviceReferences", " , ");
        form.put("description", "x".repeat(2001));
        String wrong = acme.post("/portal/declare", form).body();
        assertThat(wrong).contains("Numéro de téléphone non valide", "Indiquez au moins une référence de service.",
                "Trop long : 2000 caractères au maximum.");
        assertThat(app.getList("/api/v1/tickets?status=all&limit=1000")).hasSize(before);
    }

    @Test
    void aCustomerSeesOnlyItsOwnTicketsInFrenchAndDeclaresAnIncidentInChromium() {
        Browser.assumeInstalled();
        String globex = declared("Globex", "GLOBEX-LAN", "not for Acme");
        String own = declared("Acme", "ACME-INTERNET", "ours");
        try (Browser browser = Browser.open("fr")) {
            browser.go(app.uri("/signin"));
            browser.signIn("alice", "alice-password");
            browser.awaitPath("/portal");
            assertThat(browser.text("h1")).isEqualTo("Vos incidents (Acme)");
            String list = browser.text("table.tickets");
            assertThat(list).contains(own, "Ouvert").doesNotContain(globex);

            browser.find(".portal-nav a[href='/portal/declare']").click();
            browser.awaitPath("/portal/declare");
            Map<String, String> fields = declaration("+33 4 72 00 00 00");
            fields.forEach((name, value) -> {
                if (!name.equals("impact")) {
                    browser.find("#" + name).sendKeys(value);
                }
            });
            browser.find("form.declare button[type=submit]").click();
            Await.until(Duration.ofSeconds(10), "the new ticket's page",
                    () -> browser.path().startsWith("/portal/tickets/"));
            String notice = browser.text(".notice");
            assertThat(notice).startsWith("Votre demande a bien été enregistrée sous la référence INC-");
            Matcher reference = REFERENCE.matcher(notice);
            assertThat(reference.find()).isTrue();
            assertThat(browser.path()).isEqualTo("/portal/tickets/" + reference.group());

            browser.find(".portal-nav a[href='/portal']").click();
            browser.awaitPath("/portal");
            assertThat(browser.text("table.tickets")).contains(reference.group(), own).doesNotContain(globex);
        }
    }

    /** A whole declaration's fields as the form names them, with {@code phone} as the contact's phone. */
    private static Map<String, String> declaration(String phone) {
        Map<String, String> form = new HashMap<>();
        form.put("siteAddress", "12 rue de la Paix, Paris");
        form.put("serviceReferences", "ACME-INTERNET");
        form.put("contactName", "Alice Martin");
        form.put("contactPhone", phone);
        form.put("contactEmail", "alice@acme.example");
        form.put("faultyElements", "Routeur d'accès");
        form.put("description", "Plus d'accès à Internet depuis 9 h");
        form.put("impact", "loss");
        return form;
    }

    /** A ticket declared through the API (as the admin, for {@code customer}); its reference. */
    private static String declared(String customer, String service, String description) {
        HttpResponse<String> answer = app.post("/api/v1/incidents", """
                {"customerName": "%s", "siteAddress": "1 main street", "serviceReferences": ["%s"],
                 "contactName": "Contact", "contactPhone": "+33 1 00 00 00 00", "contactEmail": "contact@%s.example",
                 "faultyElements": "router", "description": "%s", "impact": "disruption"}
                """.formatted(customer, service, customer.toLowerCase(java.util.Locale.ROOT), description));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return String.valueOf(((Map<?, ?>) app.parse(answer.body())).get("reference"));
    }

    private static void act(String reference, String action, String body) {
        HttpResponse<String> answer = app.post("/api/v1/tickets/" + reference + "/" + action, body);
        assertThat(answer.statusCode()).as(action + ": " + answer.body()).isEqualTo(200);
    }
}
