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

/** The console in a real browser (headless Chromium): signing in, the live board, working a ticket, French pages. */
class ConsoleBrowserIT {

    private static TestApplication app;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        app = TestApplication.start(TestDatabase.fresh("console"), Map.of());
        assertThat(app.post("/api/v1/inventory/import", """
                {"customers": [{"name": "Acme", "contract": "standard"}],
                 "services": [{"reference": "ACME-INTERNET", "customer": "Acme", "criticality": "high"}],
                 "devices": [{"name": "rtr-lyon-01", "addresses": ["192.0.2.77"], "services": ["ACME-INTERNET"]},
                             {"name": "rtr-nantes-01", "addresses": ["192.0.2.88"], "services": ["ACME-INTERNET"]}]}
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
    void wrongCredentialsShowTheFormAgainWithAnError() {
        try (Browser browser = Browser.open("en")) {
            browser.go(app.uri("/"));
            browser.awaitPath("/signin");
            browser.signIn("olga", "not-her-password");
            Await.until(Duration.ofSeconds(10), "the sign-in error", () -> !browser.text(".error").isEmpty());
            assertThat(browser.path()).isEqualTo("/signin");
            assertThat(browser.text(".error")).isEqualTo("Wrong user name or password.");
            assertThat(browser.find("form button[type=submit]").getText()).isEqualTo("Sign in");
        }
    }

    @Test
    void aLinkDownTrapAppearsOnTheBoardWithinTwoSecondsWithoutAReloadAndLeavesWhenCleared() throws Exception {
        try (Browser browser = Browser.open("en"); TrapSender sender = new TrapSender(app.snmpPort())) {
            signIn(browser);
            assertThat(browser.text("h1")).isEqualTo("Active alarms");
            Await.until(Duration.ofSeconds(10), "the board's live stream to open",
                    () -> Boolean.TRUE.equals(browser.script("return document.querySelector('[sse-connect]')"
                            + "['htmx-internal-data'].sseEventSource.readyState === 1")));
            browser.script("window.notReloaded = true");

            sender.link(TrapSender.LINK_DOWN, "192.0.2.77", 3);
            Await.until(Duration.ofSeconds(2), "the linkDown alarm on the board", () -> alarmRows(browser).stream()
                    .anyMatch(row -> row.contains("IF-MIB::linkDown") && row.contains("192.0.2.77")));
            String row = alarmRows(browser).stream().filter(text -> text.contains("192.0.2.77")).findFirst()
                    .orElseThrow();
            assertThat(row).contains("rtr-lyon-01", "Acme", "INC-");
            assertThat(browser.script("return window.notReloaded === true")).isEqualTo(true);

            sender.link(TrapSender.LINK_UP, "192.0.2.77", 3);
            // the other tests' alarms (192.0.2.88) may be on the board too
            Await.until(Duration.ofSeconds(2), "the cleared alarm to leave the board",
                    () -> alarmRows(browser).stream().noneMatch(alarm -> alarm.contains("192.0.2.77")));
            assertThat(browser.script("return window.notReloaded === true")).isEqualTo(true);
        }
    }

    @Test
    void aFrenchBrowserGetsTheConsoleInFrench() {
        try (Browser browser = Browser.open("fr")) {
            browser.go(app.uri("/signin"));
            assertThat(browser.find("label[for=username]").getText()).isEqualTo("Identifiant");
            assertThat(browser.find("label[for=password]").getText()).isEqualTo("Mot de passe");
            assertThat(browser.find("form button[type=submit]").getText()).isEqualTo("Se connecter");
            signIn(browser);
            assertThat(browser.text("h1")).isEqualTo("Alarmes actives");
            assertThat(browser.find(".signout button").getText()).isEqualTo("Se déconnecter");
            browser.find(".signout button").click();
            browser.awaitPath("/signin");
        }
    }

    private static void signIn(Browser browser) {
        browser.go(app.uri("/signin"));
        browser.signIn("olga", "olga-password");
        browser.awaitPath("/");
    }

    @Test
    void acknowledgeJournalsItUnderTheOperatorsNameAndTheSlaBarMoves() throws Exception {
        try (TrapSender sender = new TrapSender(app.snmpPort())) {
            sender.link(TrapSender.LINK_DOWN, "192.0.2.88", 4);
        }
        String reference = String.valueOf(app.awaitList("/api/v1/tickets", list -> list.stream()
                .anyMatch(t -> String.valueOf(t.get("title")).contains("rtr-nantes-01"))).stream()
                .filter(t -> String.valueOf(t.get("title")).contains("rtr-nantes-01")).findFirst().orElseThrow()
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

    /** The board's alarm rows as text, read at once: the live table is replaced under the driver's feet. */
    @SuppressWarnings("unchecked")
    private static List<String> alarmRows(Browser browser) {
        return (List<String>) browser.script(
                "return Array.from(document.querySelectorAll('tr.alarm')).map(row => row.innerText)");
    }
}
