package noc.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jakarta.mail.internet.MimeMessage;
import noc.support.Mailbox;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.WebSession;

/**
 * Emails and the pages of their links in each recipient's language: the inventory contact's
 * {@code language}, else {@code noc.locale} (French here, the default); a link's page also follows
 * the browser when the inventory gives no language.
 */
class NotificationLanguagesIT {

    private static final Pattern LINK = Pattern.compile("http://\\S+(/respond/\\S+)");
    /** How the engine words its journal lines in English: none may reach a French email or page. */
    private static final String[] ENGINE_SENTENCES = {"Resolved by", "Waiting on the customer", "Question to the customer",
        "Escalated to level", "Disputed by", "Resumed by", "Closed by", "Resolution confirmed", "The customer replied",
        "CUSTOMER_TEST_TIME"};
    private static Mailbox smtp;
    private static TestApplication app;

    @BeforeAll
    static void start() {
        smtp = new Mailbox();
        app = TestApplication.start(TestDatabase.fresh("notify_languages"), Map.of(
                "noc.notify.email.host", "127.0.0.1", "noc.notify.email.port", smtp.port(),
                "noc.notify.email.from", "support@provider.example",
                "noc.notify.public-url", "http://noc.provider.example"));
        HttpResponse<String> imported = app.post("/api/v1/inventory/import", """
                {"customers": [{"name": "Acme", "contract": "standard"}],
                 "contacts": [
                   {"name": "Alice Durand", "customer": "Acme", "role": "technical", "phone": "+33 1 01",
                    "email": "alice@acme.example", "language": "fr"},
                   {"name": "John Smith", "customer": "Acme", "role": "technical", "phone": "+44 20 01",
                    "email": "john@acme.example", "language": "en"},
                   {"name": "Claire Petit", "customer": "Acme", "role": "technical", "phone": "+33 1 02",
                    "email": "claire@acme.example"}],
                 "services": [{"reference": "ACME-INTERNET-1", "customer": "Acme", "criticality": "high"}]}""");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
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

    private static String declare(String description) {
        HttpResponse<String> declared = app.post("/api/v1/incidents", """
                {"customerName": "Acme", "siteAddress": "1 rue de Rivoli, Paris", "serviceReferences": ["ACME-INTERNET-1"],
                 "contactName": "Alice Durand", "contactPhone": "+33 1 01", "contactEmail": "alice@acme.example",
                 "faultyElements": "Routeur", "description": "%s", "impact": "loss"}""".formatted(description));
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        return ((Map<?, ?>) app.parse(declared.body())).get("reference").toString();
    }

    @Test
    void aFrenchContactIsWrittenToInFrenchAnEnglishOneInEnglishAndOneWithoutLanguageInNocLocales() throws Exception {
        String reference = declare("Plus d'accès à Internet");

        MimeMessage alice = smtp.await("alice@acme.example", "[" + reference + "] Votre incident a été pris en compte");
        assertThat(Mailbox.text(alice)).contains("Bonjour Alice Durand,")
                .contains("enregistré sous la référence " + reference).contains("Cordialement,")
                .contains("Le Centre de support").doesNotContain("Hello");
        MimeMessage john = smtp.await("john@acme.example", "[" + reference + "] Incident opened");
        assertThat(Mailbox.text(john)).contains("Hello John Smith,")
                .contains("under the reference " + reference).contains("Kind regards").doesNotContain("Bonjour");
        // No language in the inventory: noc.locale's, French by default.
        MimeMessage claire = smtp.await("claire@acme.example", "[" + reference + "] Votre incident a été pris en compte");
        assertThat(Mailbox.text(claire)).contains("Bonjour Claire Petit,");
        assertThat(alice.getFrom()[0].toString()).isEqualTo("support@provider.example");

        // A public update: the status said in each one's words.
        HttpResponse<String> comment = app.post("/api/v1/tickets/" + reference + "/comment",
                "{\"text\": \"Un technicien est en route\", \"public\": true}");
        assertThat(comment.statusCode()).as(comment.body()).isEqualTo(200);
        assertThat(Mailbox.text(smtp.await("alice@acme.example", "[" + reference + "] Suivi de votre incident")))
                .contains("Un technicien est en route").containsPattern("État : +ouvert");
        assertThat(Mailbox.text(smtp.await("john@acme.example", "[" + reference + "] Update on your incident")))
                .containsPattern("Status: +open");
    }

    @Test
    void aWaitOnTheCustomerIsWrittenInFrenchWithWhatTheOperatorTypedAndInEnglishForAnEnglishContact() {
        String reference = declare("Lien instable");
        HttpResponse<String> waiting = app.post("/api/v1/tickets/" + reference + "/wait",
                "{\"reason\": \"CUSTOMER_TEST_TIME\", \"text\": \"Merci de tester la ligne ce soir\"}");
        assertThat(waiting.statusCode()).as(waiting.body()).isEqualTo(200);

        assertThat(Mailbox.text(smtp.await("alice@acme.example", "[" + reference + "] En attente de votre retour")))
                .contains("Merci de tester la ligne ce soir").doesNotContain(ENGINE_SENTENCES);
        assertThat(Mailbox.text(smtp.await("john@acme.example", "[" + reference + "] Waiting on you")))
                .contains("Merci de tester la ligne ce soir").doesNotContain("CUSTOMER_TEST_TIME");
    }

    @Test
    void aLinksPageIsInItsRecipientsLanguageElseTheBrowsersElseNocLocales() {
        String reference = declare("Lien coupé");
        String alice = link(smtp.await("alice@acme.example", "[" + reference + "] Votre incident"));
        String john = link(smtp.await("john@acme.example", "[" + reference + "] Incident opened"));
        String claire = link(smtp.await("claire@acme.example", "[" + reference + "] Votre incident"));
        WebSession english = new WebSession(app.uri("/"), "en");
        WebSession french = new WebSession(app.uri("/"), "fr");

        // The inventory's language wins over the browser's.
        HttpResponse<String> page = english.get(alice);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"fr\"").contains("Incident " + reference)
                .contains("Suivi de votre demande").contains("<td class=\"status\">Ouvert</td>")
                .contains("Lien personnel adressé à alice@acme.example").doesNotContain("<form", "class=\"who\"");
        assertThat(french.get(john).body()).contains("lang=\"en\"").contains("Follow-up")
                .contains("<td class=\"status\">Open</td>").contains("Personal link sent to john@acme.example");
        // Without one, the browser's; without a browser's choice (no Accept-Language), noc.locale's.
        assertThat(english.get(claire).body()).contains("lang=\"en\"").contains("Follow-up");
        assertThat(french.get(claire).body()).contains("lang=\"fr\"").contains("Suivi de votre demande");
        assertThat(app.get(claire.substring(claire.indexOf("/respond/"))).body()).contains("lang=\"fr\"");
    }

    @Test
    void aClosureNoticeIsAnsweredInFrenchAndInEnglishWithTheSameStatusesAsBefore() {
        String reference = declare("Coupure totale");
        HttpResponse<String> resolved = app.post("/api/v1/tickets/" + reference + "/resolve",
                "{\"text\": \"La fibre a été réparée\"}");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        MimeMessage notice = smtp.await("alice@acme.example", "[" + reference + "] Incident résolu, merci de confirmer");
        assertThat(Mailbox.text(notice)).contains("Nous considérons que l’incident " + reference + " est résolu")
                .contains("La fibre a été réparée").doesNotContain(ENGINE_SENTENCES);
        String alice = link(notice);
        String john = link(smtp.await("john@acme.example", "[" + reference + "] Resolved - please confirm"));
        WebSession browser = new WebSession(app.uri("/"), "en");

        assertThat(browser.get(alice).body()).contains("Nous considérons que cet incident est résolu")
                .contains("Je confirme le rétablissement").contains("Je conteste : le problème persiste")
                .contains("La fibre a été réparée").doesNotContain(ENGINE_SENTENCES);
        assertThat(browser.get(john).body()).contains("Confirm: the incident is resolved")
                .contains("Dispute: the problem is still there");

        HttpResponse<String> confused = browser.post(alice, Map.of("answer", "maybe"));
        assertThat(confused.statusCode()).isEqualTo(400);
        assertThat(confused.body()).contains("Réponse non comprise").contains("« maybe »");

        HttpResponse<String> confirmed = browser.post(alice, Map.of("answer", "confirm"));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Merci pour votre confirmation : l’incident est clos.");
        assertThat(app.getObject("/api/v1/tickets/" + reference)).containsEntry("status", "CLOSED");

        HttpResponse<String> again = browser.get(alice);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("Ce lien a déjà servi ou n’a plus d’objet : l’incident " + reference
                + " est clos à présent").doesNotContain("<form");
        HttpResponse<String> late = browser.post(john, Map.of("answer", "dispute"));
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("incident " + reference + " is closed now");

        HttpResponse<String> forged = browser.get(alice.substring(0, alice.length() - 3) + "abc");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("lang=\"en\"").contains("This link is not valid");
    }

    /** The path of the email's /respond/ link on the test server. */
    private static String link(MimeMessage message) {
        Matcher matcher = LINK.matcher(Mailbox.text(message));
        assertThat(matcher.find()).as("a /respond/ link in " + Mailbox.text(message)).isTrue();
        return matcher.group(1);
    }
}
