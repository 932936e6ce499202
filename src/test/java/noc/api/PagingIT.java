package noc.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import noc.engine.Engine;
import noc.support.Await;
import noc.support.TestApplication;
import noc.support.ApiClient.ListPage;
import noc.support.TestDatabase;

/**
 * Paged, filtered lists over real HTTP and MariaDB: 25 monitoring alarms (each opening a ticket) and 26
 * customers, walked ten at a time through the {@code Link} headers.
 */
class PagingIT {

    private static final int SOURCES = 25;
    private static final String FAN = "Fan failure";

    private static TestApplication app;

    @BeforeAll
    static void start() {
        app = TestApplication.start(TestDatabase.fresh("paging"), Map.of());
        StringJoiner customers = new StringJoiner(",");
        customers.add("{\"name\": \"Acme\", \"contract\": \"standard\"}");
        for (int i = 1; i <= SOURCES; i++) {
            customers.add("{\"name\": \"Customer %02d\", \"contract\": \"standard\"}".formatted(i));
        }
        HttpResponse<String> imported = app.post("/api/v1/inventory/import", """
                {"customers": [%s],
                 "sites": [{"name": "Acme Paris", "customer": "Acme", "address": "1 rue de Rivoli, 75001 Paris"}],
                 "services": [{"reference": "ACME-1", "customer": "Acme", "site": "Acme Paris",
                               "criticality": "high", "redundant": false}],
                 "devices": [{"name": "acme-cpe-1", "site": "Acme Paris", "addresses": ["10.1.0.7", "10.1.9.7"],
                              "services": ["ACME-1"]}]}""".formatted(customers));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        Engine engine = app.context().getBean(Engine.class);
        Await.value(Duration.ofSeconds(10), "the imported rows in the engine's session", () -> engine.facts(noc.inventory.InventoryItem.class),
                facts -> facts == SOURCES + 4);

        // Critical ones open P2 tickets, major ones P3 tickets, one per source.
        StringJoiner alarms = new StringJoiner(",");
        for (int i = 1; i <= SOURCES; i++) {
            alarms.add("{\"source\": \"10.1.0.%d\", \"name\": \"%s\", \"severity\": \"%s\"}"
                    .formatted(i, FAN, i % 2 == 1 ? "critical" : "major"));
        }
        HttpResponse<String> posted = app.post("/api/v1/alarms", "[" + alarms + "]");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        app.awaitList("/api/v1/tickets?q=" + encode(FAN) + "&limit=1000", list -> list.size() == SOURCES);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<Object> keys(List<Map<String, Object>> rows, String key) {
        return rows.stream().map(row -> row.get(key)).toList();
    }

    private static List<Map<String, Object>> rows(List<ListPage> pages) {
        List<Map<String, Object>> rows = new ArrayList<>();
        pages.forEach(page -> rows.addAll(page.rows()));
        return rows;
    }

    @Test
    void aLimitOfTenGivesTenAlarmsAndALinkToTheNext() {
        ListPage page = app.getPage("/api/v1/alarms?limit=10");

        assertThat(page.rows()).hasSize(10);
        assertThat(page.next()).hasValueSatisfying(next -> assertThat(next)
                .startsWith("/api/v1/alarms?").contains("limit=10").contains("after="));
    }

    @Test
    void walkingTheAlarmsTenAtATimeShowsEachOnceLastSeenFirst() {
        List<Map<String, Object>> all = app.getList("/api/v1/alarms?name=" + encode(FAN) + "&limit=1000");
        assertThat(all).hasSize(SOURCES);
        assertThat(keys(all, "lastSeen")).isSortedAccordingTo(
                (a, b) -> java.time.Instant.parse(b.toString()).compareTo(java.time.Instant.parse(a.toString())));

        List<ListPage> pages = app.walk("/api/v1/alarms?name=" + encode(FAN) + "&limit=10");

        assertThat(pages).extracting(page -> page.rows().size()).containsExactly(10, 10, 5);
        assertThat(pages.get(0).next()).hasValueSatisfying(next -> assertThat(next).contains("name=Fan"));
        assertThat(keys(rows(pages), "reductionKey")).containsExactlyElementsOf(keys(all, "reductionKey"));
    }

    @Test
    void aTicketOpenedBetweenPagesNeitherRepeatsNorHidesAnOlderOne() {
        List<Map<String, Object>> before = app.getList("/api/v1/tickets?status=all&limit=1000");
        ListPage first = app.getPage("/api/v1/tickets?status=all&limit=10");
        assertThat(first.next()).isPresent();

        HttpResponse<String> posted = app.post("/api/v1/alarms",
                "{\"source\": \"10.9.9.9\", \"name\": \"Power loss\", \"severity\": \"critical\"}");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        app.awaitList("/api/v1/tickets?q=power+loss", list -> list.size() == 1);

        List<ListPage> rest = app.walk(first.next().orElseThrow());
        List<Map<String, Object>> walked = new ArrayList<>(first.rows());
        walked.addAll(rows(rest));
        assertThat(keys(walked, "reference")).containsExactlyElementsOf(keys(before, "reference"));
        assertThat(rest).allSatisfy(page -> assertThat(page.rows()).hasSizeLessThanOrEqualTo(10));
    }

    @Test
    void ticketsAreListedNewestFirstThenByReference() {
        List<Map<String, Object>> tickets = app.walk("/api/v1/tickets?q=" + encode(FAN) + "&limit=10").stream()
                .flatMap(page -> page.rows().stream()).toList();

        assertThat(tickets).hasSize(SOURCES);
        assertThat(tickets).isSortedAccordingTo((a, b) -> {
            int opened = java.time.Instant.parse(b.get("openedAt").toString())
                    .compareTo(java.time.Instant.parse(a.get("openedAt").toString()));
            return opened != 0 ? opened : b.get("reference").toString().compareTo(a.get("reference").toString());
        });
    }

    @Test
    void ticketsFilterByPriorityInAnyCaseRepeatedOrCommaSeparated() {
        String fan = "&q=" + encode(FAN) + "&limit=1000";
        assertThat(app.getList("/api/v1/tickets?priority=p3" + fan)).hasSize(SOURCES / 2)
                .allSatisfy(t -> assertThat(t).containsEntry("priority", "P3"));
        assertThat(app.getList("/api/v1/tickets?priority=P2" + fan)).hasSize(SOURCES - SOURCES / 2)
                .allSatisfy(t -> assertThat(t).containsEntry("priority", "P2"));
        assertThat(app.getList("/api/v1/tickets?priority=P2,p3" + fan)).hasSize(SOURCES);
        assertThat(app.getList("/api/v1/tickets?priority=P2&priority=P3" + fan)).hasSize(SOURCES);
        assertThat(app.getList("/api/v1/tickets?priority=P1" + fan)).isEmpty();
    }

    @Test
    void ticketsFilterByStatus() {
        String fan = "&q=" + encode(FAN) + "&limit=1000";
        assertThat(app.getList("/api/v1/tickets?status=OPEN" + fan)).hasSize(SOURCES);
        assertThat(app.getList("/api/v1/tickets?status=All" + fan)).hasSize(SOURCES);
        assertThat(app.getList("/api/v1/tickets?status=closed" + fan)).isEmpty();
    }

    @Test
    void ticketsFilterByTheCustomerTheyConcern() {
        List<Map<String, Object>> acme = app.getList("/api/v1/tickets?customer=Acme");

        assertThat(acme).singleElement().satisfies(t -> assertThat(t).containsEntry("title", FAN + " on 10.1.0.7"));
        assertThat(app.getList("/api/v1/tickets?customer=acme")).as("customer names are exact").isEmpty();
        assertThat(app.getList("/api/v1/tickets?customer=Customer%2001")).isEmpty();
    }

    @Test
    void ticketsFilterByPartOfTheTitleOrReferenceInAnyCase() {
        assertThat(app.getList("/api/v1/tickets?q=" + encode("fan FAILURE ON 10.1.0.2")))
                .extracting(t -> t.get("title").toString())
                .containsExactlyInAnyOrder(FAN + " on 10.1.0.2", FAN + " on 10.1.0.20", FAN + " on 10.1.0.21",
                        FAN + " on 10.1.0.22", FAN + " on 10.1.0.23", FAN + " on 10.1.0.24", FAN + " on 10.1.0.25");
        String reference = app.getList("/api/v1/tickets?q=" + encode(FAN + " on 10.1.0.3")).get(0)
                .get("reference").toString();
        assertThat(app.getList("/api/v1/tickets?q=" + reference.toLowerCase(java.util.Locale.ROOT)))
                .extracting(t -> t.get("reference")).containsExactly(reference);
        assertThat(app.getList("/api/v1/tickets?q=%25")).as("% is a character, not a wildcard").isEmpty();
        assertThat(app.getList("/api/v1/tickets?q=_")).as("_ is a character, not a wildcard").isEmpty();
    }

    @Test
    void alarmsFilterBySourceNameAndSeverity() {
        assertThat(app.getList("/api/v1/alarms?source=10.1.0.3")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("name", FAN));
        assertThat(app.getList("/api/v1/alarms?name=" + encode(FAN) + "&severity=CRITICAL")).hasSize(13)
                .allSatisfy(a -> assertThat(a).containsEntry("severity", "CRITICAL"));
        assertThat(app.getList("/api/v1/alarms?name=" + encode(FAN) + "&severity=critical,major")).hasSize(SOURCES);
        assertThat(app.getList("/api/v1/alarms?name=" + encode(FAN) + "&severity=minor")).isEmpty();
        assertThat(app.getList("/api/v1/alarms?name=fan+failure")).as("names are exact").isEmpty();
    }

    @Test
    void aClearedAlarmLeavesTheActiveListForTheHistory() {
        String door = "&name=" + encode("Door open");
        assertThat(app.post("/api/v1/alarms", "{\"source\": \"10.2.0.1\", \"name\": \"Door open\"}").statusCode())
                .isEqualTo(200);
        assertThat(app.post("/api/v1/alarms",
                "{\"source\": \"10.2.0.1\", \"name\": \"Door open\", \"state\": \"clear\"}").statusCode())
                .isEqualTo(200);

        assertThat(app.getList("/api/v1/alarms?source=10.2.0.1" + door)).isEmpty();
        assertThat(app.getList("/api/v1/alarms?state=raised&source=10.2.0.1" + door)).isEmpty();
        assertThat(app.getList("/api/v1/alarms?state=cleared&source=10.2.0.1" + door)).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("state", "CLEARED"));
        assertThat(app.getList("/api/v1/alarms?state=ALL&source=10.2.0.1" + door)).hasSize(1);
    }

    @Test
    void walkingRaisedAndClearedAlarmsTogetherMergesBothLastSeenFirst() {
        // seven raised, six of them then cleared: both states interleave in last-seen order
        for (int i = 1; i <= 7; i++) {
            String alarm = "{\"source\": \"10.3.0.%d\", \"name\": \"Hatch open\"".formatted(i);
            assertThat(app.post("/api/v1/alarms", alarm + "}").statusCode()).isEqualTo(200);
            if (i % 7 != 0) {
                assertThat(app.post("/api/v1/alarms", alarm + ", \"state\": \"clear\"}").statusCode()).isEqualTo(200);
            }
        }
        String hatch = "name=" + encode("Hatch open");
        List<Map<String, Object>> all = app.getList("/api/v1/alarms?state=all&" + hatch + "&limit=1000");
        assertThat(keys(all, "state")).containsExactly("RAISED", "CLEARED", "CLEARED", "CLEARED", "CLEARED",
                "CLEARED", "CLEARED");
        assertThat(keys(all, "source")).containsExactly("10.3.0.7", "10.3.0.6", "10.3.0.5", "10.3.0.4", "10.3.0.3",
                "10.3.0.2", "10.3.0.1");

        List<ListPage> pages = app.walk("/api/v1/alarms?state=all&" + hatch + "&limit=3");

        assertThat(pages).extracting(page -> page.rows().size()).containsExactly(3, 3, 1);
        assertThat(keys(rows(pages), "reductionKey")).containsExactlyElementsOf(keys(all, "reductionKey"));
        // without a name either: every alarm once, both states, last seen first
        List<ListPage> everything = app.walk("/api/v1/alarms?state=all&limit=4");
        assertThat(keys(rows(everything), "reductionKey")).doesNotHaveDuplicates()
                .containsAll(keys(all, "reductionKey"));
        assertThat(keys(rows(everything), "lastSeen")).isSortedAccordingTo(
                (a, b) -> java.time.Instant.parse(b.toString()).compareTo(java.time.Instant.parse(a.toString())));
    }

    @Test
    void inventoryKindsArePagedByKey() {
        List<Map<String, Object>> all = app.getList("/api/v1/inventory/customers?limit=1000");
        assertThat(all).hasSize(SOURCES + 1);
        assertThat(keys(all, "name")).isSorted();

        List<ListPage> pages = app.walk("/api/v1/inventory/customers?limit=10");

        assertThat(pages).extracting(page -> page.rows().size()).containsExactly(10, 10, 6);
        assertThat(keys(rows(pages), "name")).containsExactlyElementsOf(keys(all, "name"));
        assertThat(app.getPage("/api/v1/inventory/devices?limit=1").rows()).singleElement()
                .satisfies(device -> assertThat(device).containsEntry("addresses", List.of("10.1.0.7", "10.1.9.7"))
                        .containsEntry("services", List.of("ACME-1")));
    }

    @ParameterizedTest(name = "{0} answers 400 naming {1}")
    @CsvSource({
            "/api/v1/alarms?limit=0, limit",
            "/api/v1/alarms?limit=-1, limit",
            "/api/v1/alarms?limit=1001, limit",
            "/api/v1/alarms?limit=ten, limit",
            "/api/v1/tickets?limit=, limit",
            "/api/v1/inventory/devices?limit=0, limit",
            "/api/v1/alarms?after=not-a-cursor, after",
            "/api/v1/tickets?after=AAAA, after",
            "/api/v1/inventory/sites?after=%25%25, after",
            "/api/v1/tickets?status=pending, status",
            "/api/v1/tickets?priority=P1&priority=P9, priority",
            "/api/v1/alarms?state=gone, state",
            "/api/v1/alarms?severity=apocalyptic, severity",
    })
    void aBadListParameterIsAProblemNamingIt(String path, String field) {
        assertBadRequest(path, field);
    }

    @Test
    void anEditedCursorOrOneOfAnotherListIsRefused() {
        String next = app.getPage("/api/v1/alarms?limit=10").next().orElseThrow();
        String cursor = next.substring(next.indexOf("after=") + "after=".length());
        char changed = cursor.charAt(8) == 'A' ? 'B' : 'A';
        String edited = cursor.substring(0, 8) + changed + cursor.substring(9);

        assertBadRequest("/api/v1/alarms?limit=10&after=" + edited, "after");
        assertBadRequest("/api/v1/alarms?limit=10&after=" + cursor.substring(0, cursor.length() - 3), "after");
        assertBadRequest("/api/v1/tickets?after=" + cursor, "after");
        assertThat(app.getPage("/api/v1/alarms?limit=10&after=" + cursor).rows()).hasSize(10);
    }

    @Test
    void aCursorMadeByHandWithATimeNoColumnHoldsIsRefusedNotA500() {
        // Cursors are checksummed, not signed: anyone can make one, with any time in it.
        String forged = Cursor.of("alarms", "+1000000000-01-01T00:00:00Z", "1").encode();
        assertBadRequest("/api/v1/alarms?after=" + forged, "after");
    }

    @Test
    void theLastPageHasNoLink() {
        ListPage page = app.getPage("/api/v1/tickets?q=" + encode(FAN) + "&limit=" + SOURCES);

        assertThat(page.rows()).hasSize(SOURCES);
        assertThat(page.next()).isEmpty();
    }

    private static void assertBadRequest(String path, String field) {
        HttpResponse<String> answer = app.get(path);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"field\":\"" + field + "\"");
    }
}
