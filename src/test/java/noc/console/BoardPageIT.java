package noc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.WebSession;

/** The alarm board's rows and filters, read as a browser reads them. */
class BoardPageIT {

    private static TestApplication app;
    private static WebSession browser;

    @BeforeAll
    static void start() {
        app = TestApplication.start(TestDatabase.fresh("console_board"), Map.of());
        assertThat(app.post("/api/v1/inventory/import", """
                {"customers": [{"name": "Acme", "contract": "standard"}],
                 "services": [{"reference": "ACME-LAN", "customer": "Acme", "criticality": "high"}],
                 "devices": [{"name": "sw-paris-01", "addresses": ["198.51.100.7"], "services": ["ACME-LAN"]}]}
                """).statusCode()).isEqualTo(200);
        for (String alarm : new String[] {
                "{\"source\":\"198.51.100.7\",\"name\":\"High CPU\",\"severity\":\"critical\",\"resource\":\"cpu0\"}",
                "{\"source\":\"db-lyon-02\",\"name\":\"Disk full\",\"severity\":\"minor\",\"resource\":\"/var\"}"}) {
            HttpResponse<String> raised = app.post("/api/v1/alarms", alarm);
            assertThat(raised.statusCode()).as(raised.body()).isEqualTo(200);
        }
        app.user("vera", null, "viewer");
        browser = new WebSession(app.uri("/"), "en");
        browser.signIn("vera", "vera-password", "/");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void eachRowShowsItsSeverityDeviceAndCustomer() {
        String board = browser.get("/").body();
        assertThat(board).contains("sev-critical", "High CPU", "198.51.100.7", "cpu0", "sw-paris-01", "Acme",
                "sev-minor", "Disk full", "db-lyon-02");
    }

    @Test
    void severitySourceAndTextFilterTheRows() {
        assertThat(browser.get("/board/rows?severity=critical").body()).contains("High CPU").doesNotContain("Disk full");
        assertThat(browser.get("/board/rows?severity=critical,minor").body()).contains("High CPU", "Disk full");
        assertThat(browser.get("/board/rows?source=PARIS").body()).contains("High CPU").doesNotContain("Disk full");
        assertThat(browser.get("/board/rows?q=acme").body()).contains("High CPU").doesNotContain("Disk full");
        assertThat(browser.get("/?q=nothing-like-this").body()).contains("No active alarm.");
    }

    @Test
    void theTableRefreshesWithTheFiltersOfItsPage() {
        assertThat(browser.get("/?severity=minor&q=disk").body())
                .contains("hx-get=\"/board/rows?severity=minor&amp;q=disk\"", "sse-connect=\"/board/events\"");
    }

    @Test
    void anUnknownSeverityIsABadRequestNamingIt() {
        HttpResponse<String> answer = browser.get("/board/rows?severity=dreadful");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("severity").doesNotContain("Exception");
    }
}
