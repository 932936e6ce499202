package noc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import noc.support.ApiClient;
import noc.support.Await;
import noc.support.Browser;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TrapSender;

/** The console in a real browser (headless Chromium): signing in, the live board, working a ticket, French pages. */
class ConsoleBrowserIT {

    private static TestApplication app;
    private static ApiClient olga;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        app = TestApplication.start(TestDatabase.fresh("console"), Map.of());
        assertThat(app.post("/api/v1/inventory/import", """
                {"customers": [{"name": "Acme", "contract": "standard"},
                               {"name": "Transports Rhône", "contract": "standard"}],
                 "services": [{"reference": "ACME-INTERNET", "customer": "Acme", "criticality": "high"},
                              {"reference": "ACME-BREST-LAN", "customer": "Acme", "criticality": "high"},
                              {"reference": "TR-BILLETTIQUE", "customer": "Transports Rhône", "criticality": "high"}],
                 "devices": [{"name": "rtr-lyon-01", "addresses": ["192.0.2.77"], "services": ["ACME-INTERNET"]},
                             {"name": "rtr-nantes-01", "addresses": ["192.0.2.88"], "services": ["ACME-INTERNET"]},
                             {"name": "rtr-brest-01", "addresses": ["192.0.2.99"], "services": ["ACME-BREST-LAN"]},
                             {"name": "rtr-part-dieu-01", "addresses": ["192.0.2.101"], "services": ["TR-BILLETTIQUE"]},
                             {"name": "sw-perrache-02", "addresses": ["192.0.2.102"], "services": ["TR-BILLETTIQUE"]},
                             {"name": "fw-confluence-01", "addresses": ["192.0.2.103"], "services": ["TR-BILLETTIQUE"]}]}
                """).statusCode()).isEqualTo(200);
        olga = app.user("olga", null, "operator");
        app.user("tina", "Transports Rhône", "customer");
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
            awaitTimesShown(browser);
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
            assertThat(browser.text(".board-tabs")).contains("En cours", "Historique");
            assertThat(browser.find("th.col-last").getText()).startsWith("Dernière occurrence");
            browser.find(".board-tabs a[href='/?view=history']").click();
            browser.awaitPath("/");
            Await.until(Duration.ofSeconds(10), "the history tab", () -> browser.text("h1").equals("Alarmes retombées"));
            browser.go(app.uri("/tickets"));
            assertThat(browser.text("h1")).isEqualTo("File des tickets");
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

    @Test
    void resolvingFromTheTicketPageJournalsItUnderTheOperatorsNameAndStopsTheSlaBar() throws Exception {
        String reference = ticketOf("192.0.2.99", "rtr-brest-01");
        try (Browser browser = Browser.open("en")) {
            signIn(browser);
            browser.go(app.uri("/tickets/" + reference));
            browser.find(".action-acknowledge button").click();
            Await.until(Duration.ofSeconds(10), "the acknowledged ticket", () -> browser.text(".status").equals("Acknowledged"));

            browser.find(".action-resolve input[name=text]").sendKeys("Line card reseated, link back up");
            browser.find(".action-resolve button").click();
            Await.until(Duration.ofSeconds(10), "the resolved ticket", () -> browser.text(".status").equals("Resolved"));
            assertThat(browser.path()).isEqualTo("/tickets/" + reference);
            List<WebElement> resolutions = browser.all("ol.journal li").stream()
                    .filter(entry -> entry.getText().contains("RESOLVED")).toList();
            assertThat(resolutions).hasSize(1);
            assertThat(resolutions.get(0).getText()).contains("Line card reseated, link back up");
            assertThat(resolutions.get(0).findElement(org.openqa.selenium.By.cssSelector(".author")).getText())
                    .isEqualTo("olga");
            assertThat(browser.all(".action-resolve")).as("no second resolution offered").isEmpty();

            // The restore time stops at the resolution: a later look shows the same time counted.
            long resolvedAt = Long.parseLong(browser.find(".sla-bar").getAttribute("aria-valuenow"));
            Thread.sleep(2100);
            browser.go(app.uri("/tickets/" + reference));
            assertThat(Long.parseLong(browser.find(".sla-bar").getAttribute("aria-valuenow"))).isEqualTo(resolvedAt);
        }
    }

    /**
     * The README's screenshots (1366x768): the board with a customer's alarms, one of its tickets as an
     * operator sees it, and its portal. Written to {@code target/screenshots}, or to the folder given as
     * {@code -Dscreenshots=docs/screenshots} to renew the README's.
     */
    @Test
    void screenshotsOfTheBoardATicketAndThePortal() throws Exception {
        try (TrapSender sender = new TrapSender(app.snmpPort())) {
            sender.link(TrapSender.LINK_DOWN, "192.0.2.101", 2);
            // Five raises within the flapping window make a flapping alarm (rules/45-flapping.drl).
            for (int flap = 0; flap < 4; flap++) {
                sender.link(TrapSender.LINK_DOWN, "192.0.2.102", 7);
                sender.link(TrapSender.LINK_UP, "192.0.2.102", 7);
            }
            sender.link(TrapSender.LINK_DOWN, "192.0.2.102", 7);
        }
        // The link down of 192.0.2.101 opens its own ticket before the monitoring alarms of 192.0.2.103
        // come: a critical one first would open a ticket on a service both carry, which the link down
        // would join (rules/25-services.drl), and no ticket would be named after rtr-part-dieu-01.
        app.awaitList("/api/v1/tickets", list -> list.stream()
                .anyMatch(t -> String.valueOf(t.get("title")).contains("rtr-part-dieu-01")));
        for (String alarm : List.of(
                "{\"source\":\"192.0.2.103\",\"name\":\"High CPU\",\"severity\":\"critical\",\"resource\":\"cpu0\"}",
                "{\"source\":\"192.0.2.103\",\"name\":\"BGP session down\",\"severity\":\"major\",\"resource\":\"peer 198.51.100.1\"}",
                "{\"source\":\"192.0.2.101\",\"name\":\"Temperature high\",\"severity\":\"warning\",\"resource\":\"chassis\"}",
                "{\"source\":\"192.0.2.102\",\"name\":\"Power supply redundancy lost\",\"severity\":\"minor\",\"resource\":\"psu2\"}")) {
            assertThat(app.post("/api/v1/alarms", alarm).statusCode()).isEqualTo(200);
        }
        app.awaitList("/api/v1/alarms?name=NOC::flapping", list -> !list.isEmpty());
        String reference = ticketOf("192.0.2.101", "rtr-part-dieu-01");
        assertThat(olga.post("/api/v1/tickets/" + reference + "/acknowledge", "{}").statusCode()).isEqualTo(200);
        assertThat(olga.post("/api/v1/tickets/" + reference + "/comment", """
                {"text": "Nous avons détecté une coupure du lien vers la Part-Dieu ; un technicien est en route.",
                 "public": true}""").statusCode()).isEqualTo(200);
        app.awaitJournal(reference, "COMMENT");
        Path folder = Path.of(System.getProperty("screenshots", "target/screenshots"));
        try (Browser browser = Browser.open("en")) {
            signIn(browser);
            browser.go(app.uri("/?customer=Transports"));
            Await.until(Duration.ofSeconds(10), "the customer's alarms on the board",
                    () -> alarmRows(browser).stream().anyMatch(row -> row.contains("NOC::flapping")));
            awaitTimesShown(browser);
            browser.screenshot(folder.resolve("board.png"));
        }
        // The operator's view of the ticket: its header, SLA bar and the actions allowed now.
        try (Browser browser = Browser.open("en")) {
            signIn(browser);
            browser.go(app.uri("/tickets/" + reference));
            assertThat(browser.text(".status")).isEqualTo("Acknowledged");
            awaitTimesShown(browser);
            browser.screenshot(folder.resolve("ticket.png"));
        }
        try (Browser browser = Browser.open("fr")) {
            browser.go(app.uri("/signin"));
            browser.signIn("tina", "tina-password");
            browser.awaitPath("/portal");
            assertThat(browser.text("table.tickets")).contains(reference).doesNotContain("rtr-lyon-01");
            browser.screenshot(folder.resolve("portal.png"));
        }
        for (String name : List.of("board.png", "ticket.png", "portal.png")) {
            assertThat(Files.size(folder.resolve(name))).as(name).isBetween(10_000L, 200_000L);
        }
    }

    /** The reference of the ticket a linkDown trap from {@code address} opens, once it is open. */
    private static String ticketOf(String address, String device) throws Exception {
        try (TrapSender sender = new TrapSender(app.snmpPort())) {
            sender.link(TrapSender.LINK_DOWN, address, 5);
        }
        return String.valueOf(app.awaitList("/api/v1/tickets", list -> list.stream()
                .anyMatch(t -> String.valueOf(t.get("title")).contains(device))).stream()
                .filter(t -> String.valueOf(t.get("title")).contains(device)).findFirst().orElseThrow()
                .get("reference"));
    }

    /** Waits until console.js has shown every instant of the page (swapped-in rows too) in the viewer's zone. */
    private static void awaitTimesShown(Browser browser) {
        Await.until(Duration.ofSeconds(2), "the rows' times shown in the viewer's time zone", () -> Boolean.TRUE.equals(
                browser.script("return Array.from(document.querySelectorAll('time[datetime]'))"
                        + ".every(time => time.title !== '' && time.textContent !== time.title)")));
    }

    /** The board's alarm rows as text, read at once: the live table is replaced under the driver's feet. */
    @SuppressWarnings("unchecked")
    private static List<String> alarmRows(Browser browser) {
        return (List<String>) browser.script(
                "return Array.from(document.querySelectorAll('tr.alarm')).map(row => row.innerText)");
    }
}
