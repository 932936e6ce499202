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

/**
 * The board's and the history's filters are searches in the database: with room for three rows, they
 * still find an alarm older than the three last seen or cleared, and a wildcard typed is a character.
 */
class BoardSearchIT {

    private static TestApplication app;
    private static WebSession browser;

    @BeforeAll
    static void start() {
        app = TestApplication.start(TestDatabase.fresh("console_board_search"), Map.of("noc.console.board-rows", 3));
        assertThat(app.post("/api/v1/inventory/import", """
                {"customers": [{"name": "Initech", "contract": "standard"}],
                 "services": [{"reference": "INITECH-VPN", "customer": "Initech", "criticality": "high"}],
                 "devices": [{"name": "rtr-old-01", "addresses": ["203.0.113.5"], "services": ["INITECH-VPN"]}]}
                """).statusCode()).isEqualTo(200);
        // The oldest first: the router's alarms are behind three later ones, raised and cleared.
        for (String state : new String[] {"raised", "cleared"}) {
            raise("203.0.113.5", "Old " + state + " fan", state);
            raise("db-lyon-02", "Disk 50% full", state);
            for (int i = 1; i <= 3; i++) {
                raise("sw-" + i, "Link " + state + " " + i, state);
            }
        }
        app.awaitList("/api/v1/alarms?state=cleared&name=Link%20cleared%203", list -> !list.isEmpty());
        app.user("vera", null, "viewer");
        browser = new WebSession(app.uri("/"), "en");
        browser.signIn("vera", "vera-password", "/");
    }

    private static void raise(String source, String name, String state) {
        String alarm = "{\"source\":\"" + source + "\",\"name\":\"" + name + "\",\"severity\":\"major\","
                + "\"resource\":\"r1\"}";
        assertThat(app.post("/api/v1/alarms", alarm).statusCode()).isEqualTo(200);
        if (state.equals("cleared")) {
            assertThat(app.post("/api/v1/alarms", alarm.replace("\"severity\":\"major\"", "\"state\":\"clear\""))
                    .statusCode()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theHistoryShowsTheLastClearedAndSaysMoreMatch() {
        String history = browser.get("/?view=history").body();
        assertThat(history).contains("Link cleared 3", "Link cleared 1", "More cleared alarms match these filters",
                "state=cleared").doesNotContain("Old cleared fan");
    }

    @Test
    void aHistoryFilterFindsAnAlarmClearedBeforeTheLastOnes() {
        for (String filter : new String[] {"source=RTR-OLD", "source=203.0.113", "customer=initech",
                "q=initech", "q=old%20cleared"}) {
            String history = browser.get("/?view=history&" + filter).body();
            assertThat(history).as(filter).contains("Old cleared fan").doesNotContain("Link cleared",
                    "More cleared alarms match");
        }
    }

    @Test
    void theActiveBoardsFiltersFindAnAlarmSeenBeforeTheLastOnes() {
        assertThat(browser.get("/board/rows").body()).contains("More active alarms match")
                .doesNotContain("Old raised fan");
        assertThat(browser.get("/board/rows?customer=INITECH").body()).contains("Old raised fan")
                .doesNotContain("Link raised", "More active alarms match");
        assertThat(browser.get("/?source=rtr-old").body()).contains("Old raised fan").doesNotContain("Link raised");
    }

    @Test
    void wildcardsTypedInAFilterAreCharactersThemselves() {
        assertThat(browser.get("/?view=history&q=50%25").body()).contains("Disk 50% full")
                .doesNotContain("Link cleared");
        assertThat(browser.get("/?view=history&q=%25").body()).contains("Disk 50% full")
                .doesNotContain("Link cleared", "Old cleared fan");
        assertThat(browser.get("/board/rows?q=_").body()).contains("No active alarm.");
        assertThat(browser.get("/?view=history&q=!").body()).contains("No cleared alarm.");
    }

    @Test
    void sortingTheActiveBoardByClearedTimeIsABadRequestNamingSort() {
        HttpResponse<String> board = browser.get("/?sort=cleared");
        assertThat(board.statusCode()).isEqualTo(400);
        assertThat(board.body()).contains("sort").doesNotContain("Exception");
        assertThat(browser.get("/board/rows?sort=cleared").statusCode()).isEqualTo(400);
        assertThat(browser.get("/?view=history&sort=cleared&dir=asc").statusCode()).isEqualTo(200);
    }
}
