package noc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.WebSession;

/** The alarm board's rows, filters, sort, marks and history, read as a browser reads them. */
class BoardPageIT {

    private static TestApplication app;
    private static WebSession browser;

    @BeforeAll
    static void start() {
        // Small storm and flapping counts, so that a few alarms make a storm and a flapping alarm.
        app = TestApplication.start(TestDatabase.fresh("console_board"), Map.of("noc.policy.storm-count", 3,
                "noc.policy.flapping-count", 3, "test.broken-view", true));
        assertThat(app.post("/api/v1/inventory/import", """
                {"customers": [{"name": "Acme", "contract": "standard"}, {"name": "Globex", "contract": "standard"}],
                 "services": [{"reference": "ACME-LAN", "customer": "Acme", "criticality": "high"},
                              {"reference": "GLOBEX-WAN", "customer": "Globex", "criticality": "high"}],
                 "devices": [{"name": "sw-paris-01", "addresses": ["198.51.100.7"], "services": ["ACME-LAN"]},
                             {"name": "sw-storm-01", "addresses": ["198.51.100.9"], "services": ["GLOBEX-WAN"]}]}
                """).statusCode()).isEqualTo(200);
        raise("{\"source\":\"198.51.100.7\",\"name\":\"High CPU\",\"severity\":\"critical\",\"resource\":\"cpu0\"}");
        raise("{\"source\":\"db-lyon-02\",\"name\":\"Disk full\",\"severity\":\"minor\",\"resource\":\"/var\"}");
        raise("{\"source\":\"db-lyon-02\",\"name\":\"Power supply\",\"severity\":\"major\",\"resource\":\"psu1\"}");
        raise("{\"source\":\"db-lyon-02\",\"name\":\"Power supply\",\"resource\":\"psu1\",\"state\":\"clear\"}");
        for (int port = 1; port <= 3; port++) {
            raise("{\"source\":\"198.51.100.9\",\"name\":\"Port down\",\"severity\":\"major\",\"resource\":\"ge-0/0/"
                    + port + "\"}");
        }
        for (int flap = 1; flap <= 3; flap++) {
            raise("{\"source\":\"fw-nice-01\",\"name\":\"Fan fault\",\"severity\":\"warning\",\"resource\":\"fan1\"}");
            if (flap < 3) {
                raise("{\"source\":\"fw-nice-01\",\"name\":\"Fan fault\",\"resource\":\"fan1\",\"state\":\"clear\"}");
            }
        }
        app.awaitList("/api/v1/alarms?name=NOC::alarmStorm", list -> !list.isEmpty());
        app.awaitList("/api/v1/alarms?name=NOC::flapping", list -> !list.isEmpty());
        app.awaitList("/api/v1/alarms?state=cleared&name=Power%20supply", list -> !list.isEmpty());
        app.user("vera", null, "viewer");
        browser = new WebSession(app.uri("/"), "en");
        browser.signIn("vera", "vera-password", "/");
    }

    private static void raise(String alarm) {
        HttpResponse<String> raised = app.post("/api/v1/alarms", alarm);
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void eachRowShowsItsSeverityDeviceCustomerAndTimes() {
        String board = browser.get("/").body();
        assertThat(board).contains("sev-critical", "High CPU", "198.51.100.7", "cpu0", "sw-paris-01", "Acme",
                "sev-minor", "Disk full", "db-lyon-02").doesNotContain("Power supply");
        assertThat(row(board, "High CPU")).containsPattern("<time datetime=\"20\\d\\d-\\d\\d-\\d\\dT[^\"]+Z\"");
    }

    @Test
    void severitySourceCustomerAndTextFilterTheRows() {
        assertThat(browser.get("/board/rows?severity=critical").body()).contains("High CPU").doesNotContain("Disk full");
        assertThat(browser.get("/board/rows?severity=critical,minor").body()).contains("High CPU", "Disk full");
        assertThat(browser.get("/board/rows?source=PARIS").body()).contains("High CPU").doesNotContain("Disk full");
        assertThat(browser.get("/board/rows?q=acme").body()).contains("High CPU").doesNotContain("Disk full");
        assertThat(browser.get("/board/rows?customer=glob").body()).contains("Port down")
                .doesNotContain("High CPU", "Disk full");
        assertThat(browser.get("/?customer=acme").body()).contains("High CPU", "name=\"customer\" value=\"acme\"")
                .doesNotContain("Port down", "Disk full");
        assertThat(browser.get("/?q=nothing-like-this").body()).contains("No active alarm.");
    }

    @Test
    void rowsAreLastSeenFirstAndSortByAColumnEitherWay() {
        List<String> byDefault = names(browser.get("/board/rows").body());
        assertThat(byDefault.indexOf("Fan fault")).as("seen last").isLessThan(byDefault.indexOf("High CPU"));
        List<String> byName = names(browser.get("/board/rows?sort=name").body());
        assertThat(byName).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        List<String> byNameDown = names(browser.get("/board/rows?sort=name&dir=desc").body());
        assertThat(byNameDown).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER.reversed());
        List<String> bySeverity = names(browser.get("/board/rows?sort=severity").body());
        assertThat(bySeverity.get(0)).isEqualTo("High CPU");
        assertThat(bySeverity.get(bySeverity.size() - 1)).isEqualTo("Fan fault");
    }

    @Test
    void theHeadersAreLinksThatSortKeepingTheFiltersAndTheLiveTableKeepsTheSort() {
        String page = browser.get("/?q=port&sort=name").body();
        assertThat(page).contains("<a class=\"sort\" href=\"/?q=port&amp;sort=name&amp;dir=desc\">",
                "<a class=\"sort\" href=\"/?q=port&amp;sort=count\">",
                "hx-get=\"/board/rows?q=port&amp;sort=name\"");
        assertThat(page).containsPattern("<th scope=\"col\" aria-sort=\"ascending\" class=\"col-name\">");
        assertThat(browser.get("/").body()).containsPattern("<th scope=\"col\" aria-sort=\"descending\" class=\"col-last\">");
    }

    @Test
    void stormAndFlappingAlarmsAreMarkedWithText() {
        String board = browser.get("/").body();
        assertThat(row(board, "Port down")).contains("mark-storm", ">Storm<").doesNotContain("mark-flapping");
        assertThat(row(board, "NOC::alarmStorm")).contains(">Storm<");
        assertThat(row(board, "Fan fault")).contains("mark-flapping", ">Flapping<").doesNotContain("mark-storm");
        assertThat(row(board, "NOC::flapping")).contains(">Flapping<");
        assertThat(row(board, "High CPU")).doesNotContain("class=\"mark");
    }

    @Test
    void theHistoryTabListsClearedAlarmsWithTheSameFilters() {
        String history = browser.get("/?view=history").body();
        assertThat(history).contains("Cleared alarms", "Power supply").doesNotContain("High CPU", "sse-connect")
                .containsPattern("aria-current=\"page\"[^>]*>History<");
        assertThat(row(history, "Power supply")).contains("class=\"cleared-at\"><time datetime=", ">Cleared<");
        assertThat(browser.get("/?view=history&customer=acme").body()).contains("No cleared alarm.")
                .doesNotContain("Power supply");
        assertThat(browser.get("/?view=history&q=POWER&source=lyon").body()).contains("Power supply");
        assertThat(browser.get("/").body()).contains("href=\"/?view=history\"");
    }

    @Test
    void badParametersAreBadRequestsNamingThem() {
        for (String query : List.of("severity=dreadful", "sort=colour", "dir=sideways", "sort=cleared")) {
            HttpResponse<String> answer = browser.get("/board/rows?" + query);
            assertThat(answer.statusCode()).as(query).isEqualTo(400);
            assertThat(answer.body()).contains(query.substring(0, query.indexOf('='))).doesNotContain("Exception");
        }
        assertThat(browser.get("/?view=history&page=99").statusCode()).isEqualTo(400);
        assertThat(browser.get("/?view=elsewhere").statusCode()).isEqualTo(400);
    }

    @Test
    void aTemplateErrorIsAPromptServerErrorWithoutItsText() {
        long start = System.nanoTime();
        HttpResponse<String> answer = browser.get("/test/broken");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).doesNotContain("Exception", "missing", "ognl", "broken.html");
    }

    /** The text of the table row whose alarm name is {@code name}. */
    private static String row(String page, String name) {
        String cell = "<td class=\"name\"><span>" + name + "</span>";
        for (String row : page.split("<tr ")) {
            if (row.contains(cell)) {
                return row.substring(0, row.indexOf("</tr>"));
            }
        }
        throw new AssertionError("no row of " + name + " in " + page);
    }

    /** The alarm names of the rows, in order. */
    private static List<String> names(String rows) {
        return Pattern.compile("<td class=\"name\"><span>([^<]*)</span>").matcher(rows).results()
                .map(found -> found.group(1)).toList();
    }
}
