package noc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.Await;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.WebSession;

/** Planned maintenance in the console over HTTP: the timeline and list, a window's page, the plan form. */
class MaintenancePagesIT {

    private static TestApplication app;
    private static WebSession operator;
    private static WebSession viewer;
    /** Starts in two days. */
    private static String scheduled;
    /** Started an hour ago, ends in three hours; nobody said its operation done. */
    private static String active;
    /** Ended seconds after it was planned, its operation still open: a P1 incident followed. */
    private static String overran;
    private static String overrunIncident;
    /** Daily, first three days ago: today's occurrence started half an hour ago. */
    private static String dailyNow;
    /** Daily, first three days ago: today's occurrence ended two hours ago. */
    private static String dailyBetween;
    /** Daily until a week ago. */
    private static String dailyOver;

    @BeforeAll
    static void start() {
        app = TestApplication.start(TestDatabase.fresh("console_maintenance"), Map.of());
        HttpResponse<String> imported = app.post("/api/v1/inventory/import", """
                {"customers": [{"name": "Acme", "contract": "standard"}, {"name": "Globex", "contract": "standard"}],
                 "sites": [{"name": "paris-1", "customer": "Globex", "address": "1 rue de Paris"}],
                 "services": [{"reference": "ACME-NET", "customer": "Acme", "criticality": "high"},
                              {"reference": "GLOBEX-NET", "customer": "Globex", "criticality": "low"}],
                 "devices": [{"name": "rtr-acme", "addresses": ["192.0.2.10"], "services": ["ACME-NET"]},
                             {"name": "rtr-globex", "site": "paris-1", "addresses": ["192.0.2.20"],
                              "services": ["GLOBEX-NET"]}]}""");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        Instant now = Instant.now();
        scheduled = plan("Swap the Globex router", now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(2).plusHours(2)),
                "\"sites\": [\"paris-1\"]");
        active = plan("Upgrade the Acme router", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)),
                "\"devices\": [\"rtr-acme\"]");
        overran = plan("Reboot the Acme router", now.minusSeconds(1), now.plusSeconds(3), "\"devices\": [\"rtr-acme\"]");
        Instant threeDaysAgo = now.minus(Duration.ofDays(3));
        dailyNow = plan("Nightly Acme backup", threeDaysAgo.minus(Duration.ofMinutes(30)),
                threeDaysAgo.plus(Duration.ofMinutes(30)), "\"devices\": [\"rtr-acme\"]", "daily", null);
        dailyBetween = plan("Morning Globex check", threeDaysAgo.minus(Duration.ofHours(3)),
                threeDaysAgo.minus(Duration.ofHours(2)), "\"sites\": [\"paris-1\"]", "daily", null);
        dailyOver = plan("Old Globex check", now.minus(Duration.ofDays(10).plusHours(1)), now.minus(Duration.ofDays(10)),
                "\"sites\": [\"paris-1\"]", "daily", now.minus(Duration.ofDays(7)));
        overrunIncident = Await.value(Duration.ofSeconds(30), "the overrun incident of " + overran,
                () -> app.getList("/api/v1/tickets"), tickets -> tickets.stream()
                        .anyMatch(ticket -> overran.equals(ticket.get("linkedTo")))).stream()
                .filter(ticket -> overran.equals(ticket.get("linkedTo"))).findFirst().orElseThrow()
                .get("reference").toString();
        app.user("olga", null, "operator");
        app.user("vera", null, "viewer");
        operator = new WebSession(app.uri("/"), "en");
        operator.signIn("olga", "olga-password", "/");
        viewer = new WebSession(app.uri("/"), "fr");
        viewer.signIn("vera", "vera-password", "/");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theTimelineShowsEachWindowWithItsStateScopeAndCustomers() {
        String page = operator.get("/maintenance").body();
        assertThat(page).contains("Planned maintenance", "--days: 14", "/maintenance/" + scheduled,
                "/maintenance/" + active, "/maintenance/" + overran, "Customers: Acme", "Customers: Globex",
                "Devices: rtr-acme", "Sites: paris-1");
        assertThat(lane(page, active)).contains("bar state-active", ">Active<");
        assertThat(lane(page, scheduled)).contains("bar state-scheduled", ">Scheduled<");
        assertThat(lane(page, overran)).contains("bar state-overrun", ">Overrun<");
        // From yesterday: the occurrence that ended two hours ago was yesterday's between midnight and 3 am.
        String fromYesterday = operator.get("/maintenance?from=" + LocalDate.now(ZoneOffset.UTC).minusDays(1)).body();
        assertThat(lane(fromYesterday, dailyBetween)).as("the last occurrence ended, the next to come")
                .contains("bar state-ended", "bar state-scheduled").doesNotContain("state-active");
        assertThat(lane(page, dailyNow)).contains("bar state-active", "bar state-scheduled");
        assertThat(page.substring(0, page.indexOf("class=\"alarms windows\""))).as("the timeline, ended last week")
                .doesNotContain("/maintenance/" + dailyOver + "\"");
        assertThat(page).contains("<time datetime=\"");
    }

    @Test
    void theSpanMovesByItsDaysWithBookmarkableLinks() {
        String page = operator.get("/maintenance?from=2020-01-06&days=7").body();
        assertThat(page).contains("--days: 7", "No window in these days.", "href=\"/maintenance?from=2019-12-30&amp;days=7\"",
                "href=\"/maintenance?from=2020-01-13&amp;days=7\"").doesNotContain("bar state-");
        assertThat(operator.get("/maintenance?from=yesterday").statusCode()).isEqualTo(400);
        assertThat(operator.get("/maintenance?days=5").statusCode()).isEqualTo(400);
        assertThat(operator.get("/maintenance?state=late").statusCode()).isEqualTo(400);
    }

    @Test
    void theListIsFilteredByStateNow() {
        String overrun = list(operator.get("/maintenance?state=overrun").body());
        assertThat(overrun).contains(overran).doesNotContain(active, scheduled, dailyNow, dailyBetween, dailyOver);
        String current = list(operator.get("/maintenance?state=active,scheduled").body());
        assertThat(current).contains(active, scheduled, dailyNow).doesNotContain(overran, dailyBetween, dailyOver);
        String ended = list(operator.get("/maintenance?state=ended").body());
        assertThat(ended).contains(dailyBetween, dailyOver).doesNotContain(overran, active, scheduled, dailyNow);
        assertThat(ended).contains(">Ended<");
        assertThat(list(operator.get("/maintenance").body())).contains(overran, active, scheduled, dailyNow,
                dailyBetween, dailyOver);
    }

    @Test
    void aWindowsPageShowsItsPlanItsTicketAndItsOverrun() {
        String page = operator.get("/maintenance/" + overran).body();
        assertThat(page).contains("Reboot the Acme router", "Overrun", "Devices:", "rtr-acme", "Acme",
                "href=\"/tickets/" + overran + "\"", "href=\"/tickets/" + overrunIncident + "\"", "Once");
        HttpResponse<String> missing = operator.get("/maintenance/INC-1999-000001");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("There is no maintenance window INC-1999-000001.");
    }

    @Test
    void theTicketPageLinksToTheWindowsPage() {
        assertThat(operator.get("/tickets/" + active).body()).contains("href=\"/maintenance/" + active + "\"")
                .doesNotContain("/api/v1/maintenance-windows/");
    }

    @Test
    void operationDoneEndsTheOperationOnceAndOnlyOnce() {
        String planned = plan("Patch the Acme router", Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600),
                "\"services\": [\"ACME-NET\"]");
        // A person's comment worded as the engine's line says nothing about the operation.
        HttpResponse<String> spoof = app.post("/api/v1/tickets/" + planned + "/comment",
                "{\"text\": \"Operation completed, said mallory\"}");
        assertThat(spoof.statusCode()).as(spoof.body()).isEqualTo(200);
        String page = operator.get("/maintenance/" + planned).body();
        assertThat(page).contains("action=\"/maintenance/" + planned + "/complete\"", ">Operation done<")
                .doesNotContain("said by mallory");

        HttpResponse<String> done = operator.post("/maintenance/" + planned + "/complete", Map.of());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).hasValue("/maintenance/" + planned);
        assertThat(app.getObject("/api/v1/maintenance-windows/" + planned)).containsEntry("operationOpen", false);
        assertThat(app.journal(planned)).anyMatch(line -> "Operation completed, said olga".equals(line.get("text"))
                && "OPERATION_COMPLETED".equals(line.get("action")));
        String after = operator.get("/maintenance/" + planned).body();
        assertThat(after).contains("said by olga").doesNotContain("/complete\"", "said by mallory");

        HttpResponse<String> again = operator.post("/maintenance/" + planned + "/complete", Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("class=\"error refusal\"", "already said done");
    }

    @Test
    void aScheduledWindowOffersNoOperationDone() {
        assertThat(operator.get("/maintenance/" + scheduled).body()).doesNotContain("/complete\"");
        HttpResponse<String> early = operator.post("/maintenance/" + scheduled + "/complete", Map.of());
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("has not started yet");
        assertThat(app.getObject("/api/v1/maintenance-windows/" + scheduled)).containsEntry("operationOpen", true);
    }

    @Test
    void theFormNamesEachProblemNextToItsFieldAndPlansNothing() {
        String blank = operator.get("/maintenance/plan").body();
        assertThat(blank).contains("<label for=\"title\">Title</label>", "<label for=\"devices\">Devices</label>",
                "name=\"until\"", "name=\"recurrence\"", "name=\"services\"").doesNotContain("confirmPast");
        HttpResponse<String> empty = operator.post("/maintenance/plan", form("", "", "", "rtr-acme", ""));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Nothing was planned", "data-field=\"title\"", "data-field=\"start\"",
                "Give the start, date and time.");

        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).plusDays(3).truncatedTo(ChronoUnit.MINUTES);
        HttpResponse<String> wrong = operator.post("/maintenance/plan", form("Nothing good", start.toString(),
                start.minusHours(1).toString(), "no-such-router", ""));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("data-field=\"end\"", "The end must come after the start.",
                "data-field=\"devices\"", "“no-such-router” is not in the inventory.", "value=\"Nothing good\"");
        HttpResponse<String> noScope = operator.post("/maintenance/plan", form("Nothing good", start.toString(),
                start.plusHours(1).toString(), "", ""));
        assertThat(noScope.body()).contains("data-field=\"scope\"", "Name at least one device, site or service.");
        assertThat(app.getList("/api/v1/maintenance-windows")).noneMatch(window -> "Nothing good".equals(window.get("title")));
    }

    @Test
    void aWindowInThePastIsPlannedOnlyOnceConfirmed() {
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).minusHours(2).truncatedTo(ChronoUnit.MINUTES);
        operator.get("/maintenance/plan");
        Map<String, String> fields = form("Late fibre splice", start.toString(), start.plusHours(4).toString(),
                "rtr-acme", "paris-1");
        HttpResponse<String> warned = operator.post("/maintenance/plan", fields);
        assertThat(warned.statusCode()).isEqualTo(400);
        assertThat(warned.body()).contains("past-warning", "starts in the past", "name=\"confirmPast\"",
                "Plan it anyway");
        assertThat(app.getList("/api/v1/maintenance-windows")).noneMatch(w -> "Late fibre splice".equals(w.get("title")));

        Map<String, String> confirmed = new HashMap<>(fields);
        confirmed.put("confirmPast", "yes");
        HttpResponse<String> planned = operator.post("/maintenance/plan", confirmed);
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(303);
        String location = planned.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/maintenance/INC-");
        String reference = location.substring("/maintenance/".length());
        Map<String, Object> window = app.getObject("/api/v1/maintenance-windows/" + reference);
        assertThat(window).containsEntry("title", "Late fibre splice").containsEntry("state", "ACTIVE")
                .containsEntry("requestedBy", "olga").containsEntry("affectedCustomers", List.of("Acme", "Globex"))
                .containsEntry("start", start.toInstant(ZoneOffset.UTC).toString());
        assertThat(operator.get(location).body()).contains("Late fibre splice", "Active", "Acme, Globex");
    }

    @Test
    void aWindowInTheFutureIsPlannedAtOnceWithItsRecurrence() {
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.MINUTES);
        operator.get("/maintenance/plan");
        Map<String, String> fields = new HashMap<>(form("Nightly backup window", start.toString(),
                start.plusHours(1).toString(), "", ""));
        fields.put("services", "GLOBEX-NET");
        fields.put("recurrence", "daily");
        fields.put("until", start.plusDays(5).toString());
        HttpResponse<String> planned = operator.post("/maintenance/plan", fields);
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(303);
        String reference = planned.headers().firstValue("Location").orElseThrow().substring("/maintenance/".length());
        assertThat(app.getObject("/api/v1/maintenance-windows/" + reference)).containsEntry("recurrence", "DAILY")
                .containsEntry("state", "SCHEDULED");
        String lane = lane(operator.get("/maintenance").body(), reference);
        assertThat(lane.split("class=\"bar state-scheduled").length - 1).as("one bar a day, five days from tomorrow")
                .isEqualTo(6);
    }

    @Test
    void theTimelinesDaysAndTheFormsTimesAreInTheZoneThePersonChose() {
        HttpResponse<String> made = app.admin().put("/api/v1/users/tomoko", """
                {"password": "tomoko-password", "roles": ["operator"], "timeZone": "Asia/Tokyo"}""");
        assertThat(made.statusCode()).as(made.body()).isIn(200, 201);
        WebSession tokyo = new WebSession(app.uri("/"), "en");
        tokyo.signIn("tomoko", "tomoko-password", "/");
        // Tokyo's 10 January starts at 15:00 UTC the day before.
        assertThat(tokyo.get("/maintenance?from=2030-01-10").body()).contains("(days in Asia/Tokyo)",
                "datetime=\"2030-01-09T15:00:00Z\"");
        assertThat(operator.get("/maintenance?from=2030-01-10").body()).doesNotContain("Asia/Tokyo",
                "datetime=\"2030-01-09T15:00:00Z\"");

        assertThat(tokyo.get("/maintenance/plan").body()).contains("Date and time in Asia/Tokyo");
        HttpResponse<String> planned = tokyo.post("/maintenance/plan", form("Tokyo morning patch",
                "2030-01-10T09:00", "2030-01-10T10:00", "rtr-acme", ""));
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(303);
        String reference = planned.headers().firstValue("Location").orElseThrow().substring("/maintenance/".length());
        assertThat(app.getObject("/api/v1/maintenance-windows/" + reference))
                .containsEntry("start", "2030-01-10T00:00:00Z").containsEntry("end", "2030-01-10T01:00:00Z");
    }

    @Test
    void aViewerSeesNoButtonAndMayNotPlan() {
        HttpResponse<String> page = viewer.get("/maintenance/" + active);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("En cours", "Début prévu").doesNotContain("/complete\"", "Opération terminée</button>");
        assertThat(viewer.get("/maintenance").body()).contains("Maintenances programmées", "Programmée")
                .doesNotContain("/maintenance/plan\"");
        assertThat(viewer.post("/maintenance/" + active + "/complete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(viewer.get("/maintenance/plan").statusCode()).isEqualTo(403);
        assertThat(app.getObject("/api/v1/maintenance-windows/" + active)).containsEntry("operationOpen", true);
    }

    @Test
    void anAnonymousBrowserIsSentToSignIn() {
        WebSession nobody = new WebSession(app.uri("/"), "en");
        for (String path : List.of("/maintenance", "/maintenance/" + active, "/maintenance/plan")) {
            HttpResponse<String> answer = nobody.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(303);
            assertThat(answer.headers().firstValue("Location")).as(path).hasValue("/signin");
        }
    }

    @Test
    void aFormWithoutItsTokenIsRefused() {
        HttpResponse<String> answer = operator.post("/maintenance/" + active + "/complete", Map.of("csrfToken", "forged"));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("The form had expired");
        assertThat(app.getObject("/api/v1/maintenance-windows/" + active)).containsEntry("operationOpen", true);
    }

    private static String plan(String title, Instant start, Instant end, String scope) {
        return plan(title, start, end, scope, "none", null);
    }

    private static String plan(String title, Instant start, Instant end, String scope, String recurrence,
                               Instant until) {
        HttpResponse<String> planned = app.post("/api/v1/maintenance-windows", """
                {"title": "%s", "start": "%s", "end": "%s", "recurrence": "%s", %s"scope": {%s}}""".formatted(title,
                start, end, recurrence, until == null ? "" : "\"until\": \"" + until + "\", ", scope));
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        return ((Map<?, ?>) app.parse(planned.body())).get("reference").toString();
    }

    private static Map<String, String> form(String title, String start, String end, String devices, String sites) {
        return Map.of("title", title, "description", "", "start", start, "end", end, "recurrence", "none",
                "until", "", "devices", devices, "sites", sites, "services", "");
    }

    /** The timeline's row of a window. */
    private static String lane(String page, String reference) {
        int at = page.indexOf("<a href=\"/maintenance/" + reference + "\">" + reference);
        assertThat(at).as("a row for " + reference).isPositive();
        return page.substring(at, page.indexOf("</tr>", at));
    }

    /** The list below the timeline. */
    private static String list(String page) {
        return page.substring(page.indexOf("class=\"alarms windows\""));
    }
}
