package noc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import noc.support.Await;
import noc.support.Browser;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TrapSender;

/** Working a ticket from its page in a real browser (headless Chromium). */
class TicketBrowserIT {

    private static TestApplication app;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        app = TestApplication.start(TestDatabase.fresh("console_ticket_page"), Map.of());
        assertThat(app.post("/api/v1/inventory/import", """
                {"customers": [{"name": "Acme", "contract": "standard"}],
                 "services": [{"reference": "ACME-INTERNET", "customer": "Acme", "criticality": "high"}],
                 "devices": [{"name": "rtr-nantes-01", "addresses": ["192.0.2.88"], "services": ["ACME-INTERNET"]}]}
                """).statusCode()).isEqualTo(200);
        app.user("olga", null, "operator");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void acknowledgeJournalsItUnderTheOperatorsNameAndTheSlaBarMoves() throws Exception {
        try (TrapSender sender = new TrapSender(app.snmpPort())) {
            sender.link(TrapSender.LINK_DOWN, "192.0.2.88", 4);
        }
        String reference = String.valueOf(app.awaitList("/api/v1/tickets", list -> !list.isEmpty()).get(0)
                .get("reference"));
        @SuppressWarnings("unchecked")
        Map<String, Object> sla = (Map<String, Object>) app.getObject("/api/v1/tickets/" + reference).get("sla");
        try (Browser browser = Browser.open("en")) {
            browser.go(app.uri("/signin"));
            browser.signIn("olga", "olga-password");
            browser.awaitPath("/");
            browser.go(app.uri("/tickets/" + reference));
            assertThat(browser.text(".status")).isEqualTo("Open");
            WebElement bar = browser.find(".sla-bar");
            assertThat(bar.getAttribute("aria-valuemax")).as("the restore objective of the ticket's sla")
                    .isEqualTo(String.valueOf(Duration.parse(String.valueOf(sla.get("restoreObjective"))).toSeconds()));
            long before = Long.parseLong(bar.getAttribute("aria-valuenow"));
            double widthBefore = Double.parseDouble(bar.getAttribute("data-percent"));
            // Let at least a second of the ticket's clock pass, so that the bar must show more.
            Await.until(Duration.ofSeconds(5), "a second of the SLA clock to pass", () -> Duration.parse(String.valueOf(
                    ((Map<?, ?>) app.getObject("/api/v1/tickets/" + reference).get("sla")).get("elapsed")))
                    .toSeconds() > before);

            browser.find(".action-acknowledge button").click();
            Await.until(Duration.ofSeconds(10), "the acknowledged ticket's page",
                    () -> browser.text(".status").equals("Acknowledged"));
            assertThat(browser.path()).isEqualTo("/tickets/" + reference);
            List<WebElement> acknowledgements = browser.all("ol.journal li").stream()
                    .filter(entry -> entry.getText().contains("ACKNOWLEDGED")).toList();
            assertThat(acknowledgements).hasSize(1);
            assertThat(acknowledgements.get(0).findElement(org.openqa.selenium.By.cssSelector(".author")).getText())
                    .isEqualTo("olga");
            assertThat(browser.all(".action-acknowledge")).as("no second acknowledgement offered").isEmpty();
            WebElement moved = browser.find(".sla-bar");
            assertThat(Long.parseLong(moved.getAttribute("aria-valuenow"))).isGreaterThan(before);
            assertThat(Double.parseDouble(moved.getAttribute("data-percent"))).isGreaterThan(widthBefore);
            assertThat(browser.find(".sla-clock").getAttribute("class")).contains("sla-on-time");
        }
    }
}
