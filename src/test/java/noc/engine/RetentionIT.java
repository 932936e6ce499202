package noc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import noc.domain.SessionState;
import noc.domain.SessionStateLoader;
import noc.alarm.Alarm;
import noc.support.SimulatedClock;
import noc.support.TestApplication;
import noc.support.TestDatabase;

/**
 * Bounded growth on a simulated clock: what is finished leaves the session after its retention
 * (noc.retention.*) but stays readable in MariaDB, and a flapping alarm's clears and returns are
 * counted on one journal line each instead of one line per trap.
 */
class RetentionIT {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void aClearedAlarmPastItsRetentionLeavesTheSessionStaysInHistoryAndComesBackAsANewAlarm() throws Exception {
        Map<String, Object> database = TestDatabase.fresh("retention");
        SimulatedClock clock = new SimulatedClock(T0);
        String oldTicket;
        try (TestApplication app = TestApplication.start(database, Map.of(), clock)) {
            oldTicket = raise(app, "sw-old");
            clear(app, "sw-old");
            raise(app, "sw-gone");
            clear(app, "sw-gone");
            act(app, oldTicket, "resolve");
            act(app, oldTicket, "confirm");
            clock.advance(Duration.ofDays(7).minusHours(1));
            raise(app, "sw-recent");
            clear(app, "sw-recent");
            raise(app, "sw-up");
            clock.advance(Duration.ofHours(2));
            // sw-old and sw-gone are now cleared for 7 days and 1 hour, sw-recent for 1 hour

            assertThat(app.getList("/api/v1/alarms?state=cleared")).extracting(a -> a.get("source"))
                    .contains("sw-old", "sw-gone", "sw-recent");
            assertThat(app.getList("/api/v1/alarms")).extracting(a -> a.get("source")).containsExactly("sw-up");
            // sw-gone's ticket was never closed: it keeps its alarm in the session
            assertThat(loadedSources(app)).containsExactlyInAnyOrder("sw-gone", "sw-recent", "sw-up");

            String newTicket = raise(app, "sw-old");
            Map<String, Object> alarm = alarm(app, "sw-old");
            assertThat(newTicket).isNotEqualTo(oldTicket);
            assertThat(alarm).containsEntry("count", 1).containsEntry("state", "RAISED")
                    .containsEntry("ticketReference", newTicket)
                    .containsEntry("firstSeen", clock.instant().toString());
            assertThat(app.getObject("/api/v1/tickets/" + oldTicket)).containsEntry("status", "CLOSED");
            String recentTicket = alarm(app, "sw-recent").get("ticketReference").toString();
            act(app, recentTicket, "confirm"); // resolved by itself (70-auto-resolve.drl), now closed
        }

        clock.advance(Duration.ofDays(8));
        try (TestApplication restarted = TestApplication.start(database, Map.of(), clock)) {
            // cleared for 8 days: neither loaded at the restart nor in the session after it
            assertThat(loadedSources(restarted)).contains("sw-up", "sw-old").doesNotContain("sw-recent");
            assertThat(restarted.getList("/api/v1/alarms?state=cleared")).extracting(a -> a.get("source"))
                    .contains("sw-recent");
            raise(restarted, "sw-recent");
            assertThat(alarm(restarted, "sw-recent")).containsEntry("count", 1)
                    .containsEntry("firstSeen", clock.instant().toString());
        }
    }

    @Test
    void aTicketClosedPastItsRetentionTakesItsMaintenanceWindowOutOfTheSession() throws Exception {
        Map<String, Object> database = TestDatabase.fresh("retention");
        SimulatedClock clock = new SimulatedClock(T0);
        try (TestApplication app = TestApplication.start(database, Map.of(), clock)) {
            post(app, "/api/v1/inventory/import", """
                    {"customers": [{"name": "Acme", "contract": "standard"}],
                     "devices": [{"name": "cpe-1", "addresses": ["192.0.2.10"]}]}""");
            String closed = plan(app, "Closed long ago", clock.instant());
            String open = plan(app, "Still open", clock.instant());
            act(app, closed, "resolve");
            act(app, closed, "confirm");
            SessionStateLoader loader = app.context().getBean(SessionStateLoader.class);
            assertThat(loader.load().windows()).extracting(w -> w.reference()).containsExactlyInAnyOrder(closed, open);

            clock.advance(Duration.ofDays(30).plusMinutes(1));

            SessionState state = loader.load();
            assertThat(state.windows()).extracting(w -> w.reference()).containsExactly(open);
            assertThat(state.tickets()).extracting(t -> t.reference()).containsExactly(open);
            assertThat(app.getObject("/api/v1/maintenance-windows/" + closed)).containsEntry("reference", closed);
        }
    }

    @Test
    void fiftyClearsAndReturnsOfOneAlarmAreCountedOnOneJournalLineEach() throws Exception {
        Map<String, Object> database = TestDatabase.fresh("retention");
        SimulatedClock clock = new SimulatedClock(T0);
        try (TestApplication app = TestApplication.start(database, Map.of(), clock)) {
            String reference = raise(app, "sw-flap");
            for (int i = 0; i < 25; i++) {
                // three minutes apart: fewer than five raises in ten minutes, so not flapping (45-flapping.drl),
                // which would journal its own alarm in between
                clock.advance(Duration.ofMinutes(1));
                clear(app, "sw-flap");
                clock.advance(Duration.ofMinutes(2));
                raise(app, "sw-flap");
            }

            List<Map<String, Object>> journal = app.journal(reference);
            assertThat(journal).extracting(e -> e.get("action"))
                    .containsExactly("OPENED", "ALARM_ATTACHED", "ALARM_CLEARED", "ALARM_REPEATED_AFTER_CLEAR");
            assertThat(journal.get(2)).containsEntry("count", 25)
                    .containsEntry("at", T0.plus(Duration.ofMinutes(1)).toString())
                    .containsEntry("lastAt", clock.instant().minus(Duration.ofMinutes(2)).toString());
            assertThat(journal.get(3)).containsEntry("count", 25)
                    .containsEntry("lastAt", clock.instant().toString())
                    .containsEntry("author", "A repeated occurrence adds to its alarm's count");
            assertThat(journal.get(3).get("text").toString()).endsWith("(occurrence 26)");
            assertThat(journal.get(0)).containsEntry("count", 1);
            assertThat(journal.get(0).get("lastAt")).isNull();

            // any other line ends the run: the next clear is a line of its own
            act(app, reference, "acknowledge");
            clear(app, "sw-flap");
            assertThat(app.journal(reference)).extracting(e -> e.get("action")).endsWith("ACKNOWLEDGED",
                    "ALARM_CLEARED");
        }
    }

    private static List<String> loadedSources(TestApplication app) {
        return app.context().getBean(SessionStateLoader.class).load().alarms().stream().map(Alarm::source).toList();
    }

    /** Raises a major "Disk full" on {@code source} (a P3 ticket) and returns its ticket's reference. */
    private static String raise(TestApplication app, String source) {
        post(app, "/api/v1/alarms", """
                {"source": "%s", "name": "Disk full", "severity": "major", "resource": "/var"}""".formatted(source));
        Object reference = alarm(app, source).get("ticketReference");
        assertThat(reference).as("ticket of " + source).isNotNull();
        return reference.toString();
    }

    private static void clear(TestApplication app, String source) {
        post(app, "/api/v1/alarms", """
                {"source": "%s", "name": "Disk full", "resource": "/var", "state": "clear"}""".formatted(source));
    }

    private static Map<String, Object> alarm(TestApplication app, String source) {
        return app.getList("/api/v1/alarms?state=all&source=" + source).get(0);
    }

    private static String plan(TestApplication app, String title, Instant now) {
        HttpResponse<String> planned = post(app, "/api/v1/maintenance-windows", """
                {"title": "%s", "start": "%s", "end": "%s", "scope": {"devices": ["cpe-1"]}}"""
                .formatted(title, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2))), 201);
        return ((Map<?, ?>) app.parse(planned.body())).get("reference").toString();
    }

    private static void act(TestApplication app, String reference, String action) {
        post(app, "/api/v1/tickets/" + reference + "/" + action, "{\"text\": \"by the test\"}");
    }

    private static HttpResponse<String> post(TestApplication app, String path, String body) {
        return post(app, path, body, 200);
    }

    private static HttpResponse<String> post(TestApplication app, String path, String body, int status) {
        HttpResponse<String> answer = app.post(path, body);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(status);
        return answer;
    }
}
