package noc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.Await;
import noc.support.Browser;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TrapSender;

/** The console in a real browser (headless Chromium): signing in, the live board, French pages. */
class ConsoleBrowserIT {

    private static TestApplication app;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        app = TestApplication.start(TestDatabase.fresh("console"), Map.of());
        assertThat(app.post("/api/v1/inventory/import", """
                {"customers": [{"name": "Acme", "contract": "standard"}],
                 "services": [{"reference": "ACME-INTERNET", "customer": "Acme", "criticality": "high"}],
                 "devices": [{"name": "rtr-lyon-01", "addresses": ["192.0.2.77"], "services": ["ACME-INTERNET"]}]}
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
            Await.until(Duration.ofSeconds(2), "the linkDown alarm on the board", () -> browser.all("tr.alarm").stream()
                    .anyMatch(row -> row.getText().contains("IF-MIB::linkDown") && row.getText().contains("192.0.2.77")));
            String row = browser.text("tr.alarm");
            assertThat(row).contains("rtr-lyon-01", "Acme", "INC-");
            assertThat(browser.script("return window.notReloaded === true")).isEqualTo(true);

            sender.link(TrapSender.LINK_UP, "192.0.2.77", 3);
            Await.until(Duration.ofSeconds(2), "the cleared alarm to leave the board",
                    () -> browser.all("tr.alarm").isEmpty());
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
}
