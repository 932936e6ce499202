package noc.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TrapSender;

/** P-7 over REST on the real clock: a window that ends with an alarm still active becomes a P1 incident. */
class MaintenanceIT {

    private static TestApplication app;

    @BeforeAll
    static void start() {
        app = TestApplication.start(TestDatabase.fresh("maintenance"), Map.of());
        HttpResponse<String> imported = app.post("/api/v1/inventory/import", """
                {"customers": [{"name": "Acme", "contract": "standard"}],
                 "services": [{"reference": "ACME-INTERNET-1", "customer": "Acme", "criticality": "high"}],
                 "devices": [{"name": "acme-cpe-1", "addresses": ["192.0.2.10"], "services": ["ACME-INTERNET-1"]}]}""");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aWindowThatEndsWithAnAlarmStillActiveRaisesAP1IncidentLinkedToItsP5Ticket() throws Exception {
        Instant now = Instant.now();
        HttpResponse<String> planned = app.post("/api/v1/maintenance-windows", """
                {"title": "Upgrade acme-cpe-1", "start": "%s", "end": "%s",
                 "scope": {"devices": ["acme-cpe-1"]}}"""
                .formatted(now.minusSeconds(1), now.plusSeconds(4)));
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        @SuppressWarnings("unchecked")
        Map<String, Object> window = (Map<String, Object>) app.parse(planned.body());
        String reference = window.get("reference").toString();
        assertThat(window).containsEntry("state", "ACTIVE").containsEntry("affectedCustomers", List.of("Acme"));
        assertThat(app.getObject("/api/v1/tickets/" + reference)).containsEntry("priority", "P5");

        try (TrapSender sender = new TrapSender(app.snmpPort())) {
            sender.link(TrapSender.LINK_DOWN, "192.0.2.10", 1);
        }
        app.awaitList("/api/v1/alarms", alarms -> alarms.stream()
                .anyMatch(a -> a.get("source").equals("192.0.2.10") && reference.equals(a.get("ticketReference"))));
        assertThat(app.getList("/api/v1/tickets")).noneMatch(t -> t.get("priority").equals("P1"));

        List<Map<String, Object>> tickets = app.awaitList("/api/v1/tickets", list -> list.stream()
                .anyMatch(t -> t.get("title").equals("Maintenance overrun: Upgrade acme-cpe-1")));
        Map<String, Object> incident = tickets.stream()
                .filter(t -> t.get("title").equals("Maintenance overrun: Upgrade acme-cpe-1")).findFirst().orElseThrow();
        assertThat(incident).containsEntry("priority", "P1").containsEntry("linkedTo", reference);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> incidentAlarms = (List<Map<String, Object>>) app
                .getObject("/api/v1/tickets/" + incident.get("reference")).get("alarms");
        assertThat(incidentAlarms).singleElement().satisfies(a -> assertThat(a).containsEntry("source", "192.0.2.10"));
        assertThat(app.getObject("/api/v1/maintenance-windows/" + reference)).containsEntry("state", "ENDED");
    }

    @Test
    void aBadPlanNamesEveryProblemAndPlansNothing() {
        HttpResponse<String> answer = app.post("/api/v1/maintenance-windows", """
                {"title": "Nothing good", "start": "2026-03-02T22:00:00Z", "end": "2026-03-02T21:00:00Z",
                 "recurrence": "hourly", "scope": {"devices": ["no-such-device"]}}""");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"end\"").contains("\"field\":\"recurrence\"")
                .contains("unknown device 'no-such-device'");
        assertThat(app.getList("/api/v1/maintenance-windows")).noneMatch(w -> w.get("title").equals("Nothing good"));
        assertThat(app.post("/api/v1/maintenance-windows/INC-1999-000001/complete", "{}").statusCode()).isEqualTo(404);
    }
}
