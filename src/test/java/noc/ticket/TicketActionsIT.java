package noc.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TrapSender;

/** People's actions on a ticket over REST: the lifecycle, 409 for what is not allowed, the journal. */
class TicketActionsIT {

    private static TestApplication app;

    @BeforeAll
    static void start() {
        app = TestApplication.start(TestDatabase.fresh("actions"), Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String openTicket(String device) throws Exception {
        try (TrapSender sender = new TrapSender(app.snmpPort())) {
            sender.link(TrapSender.LINK_DOWN, device, 1);
        }
        return app.awaitList("/api/v1/tickets", list -> list.stream()
                        .anyMatch(t -> t.get("title").equals("Link down on " + device))).stream()
                .filter(t -> t.get("title").equals("Link down on " + device)).findFirst().orElseThrow()
                .get("reference").toString();
    }

    private static Map<String, Object> act(String reference, String action, String body, int expectedStatus) {
        HttpResponse<String> answer = app.post("/api/v1/tickets/" + reference + "/" + action, body);
        assertThat(answer.statusCode()).as("%s: %s", action, answer.body()).isEqualTo(expectedStatus);
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) app.parse(answer.body());
        return parsed;
    }

    @Test
    void aTicketGoesThroughItsLifecycleAndEveryStepIsJournaledWithWhoDidIt() throws Exception {
        String reference = openTicket("198.51.100.10");

        assertThat(act(reference, "acknowledge", "{}", 200)).containsEntry("status", "ACKNOWLEDGED");
        assertThat(act(reference, "acknowledge", "{}", 409).get("detail").toString())
                .contains("acknowledged cannot be acknowledged");
        act(reference, "comment", "{\"text\": \"Field team on its way\", \"public\": true}", 200);
        Map<String, Object> waiting = act(reference, "wait", "{\"reason\": \"CUSTOMER_TEST_TIME\"}",
                200);
        assertThat(waiting).containsEntry("status", "WAITING_ON_CUSTOMER");
        @SuppressWarnings("unchecked")
        Map<String, Object> sla = (Map<String, Object>) waiting.get("sla");
        assertThat(sla).containsKeys("restoreObjective", "elapsed", "paused", "restoreDue", "waitingSince")
                .containsEntry("breached", false);
        assertThat(act(reference, "resume", "{}", 200)).containsEntry("status", "IN_PROGRESS");
        assertThat(act(reference, "resolve", "{\"text\": \"Fibre spliced\"}", 200))
                .containsEntry("status", "RESOLVED");
        assertThat(act(reference, "dispute", "{\"text\": \"Still down\"}", 200))
                .containsEntry("status", "IN_PROGRESS");
        act(reference, "resolve", "{}", 200);
        assertThat(act(reference, "confirm", "{}", 200)).containsEntry("status", "CLOSED");
        assertThat(act(reference, "comment", "{\"text\": \"late\"}", 409).get("detail").toString())
                .contains("closed");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> journal = (List<Map<String, Object>>) app.getObject("/api/v1/tickets/" + reference)
                .get("journal");
        assertThat(journal).filteredOn(e -> e.get("authorKind").equals("PERSON")).extracting(e -> e.get("action"))
                .containsExactly("ACKNOWLEDGED", "COMMENT", "WAITING", "RESUMED", "RESOLVED", "REOPENED", "RESOLVED",
                        "CLOSED");
        assertThat(journal).anySatisfy(e -> assertThat(e).containsEntry("author", "admin")
                .containsEntry("text", "Field team on its way").containsEntry("visibility", "PUBLIC"));
        assertThat(app.getList("/api/v1/tickets?status=open")).noneMatch(t -> t.get("reference").equals(reference));
    }

    @Test
    void aPriorityChangeNeedsItsReasonAndBadRequestsAreProblems() throws Exception {
        String reference = openTicket("198.51.100.11");

        Map<String, Object> missing = act(reference, "set-priority", "{\"priority\": \"P9\"}", 400);
        assertThat(missing.toString()).contains("priority").contains("text");
        assertThat(act(reference, "set-priority", "{\"priority\": \"P1\", \"text\": \"Hospital site\"}",
                200)).containsEntry("priority", "P1").containsEntry("priorityReason", "Hospital site");
        assertThat(app.post("/api/v1/tickets/" + reference + "/teleport", "{}").statusCode())
                .isEqualTo(404);
        // The author is the caller, never a body field.
        assertThat(act(reference, "acknowledge", "{\"by\": \"alice\"}", 400).toString()).contains("by");
        assertThat(app.post("/api/v1/tickets/INC-1999-000009/acknowledge", "{}").statusCode())
                .isEqualTo(404);
    }
}
