package noc.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.TestApplication;
import noc.support.TestDatabase;

/** Alertmanager's webhook and the generic alarm JSON, over real HTTP, answered after the commit. */
class HttpIntakeIT {

    private static TestApplication app;

    @BeforeAll
    static void start() {
        app = TestApplication.start(TestDatabase.fresh("http"), Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String alertmanager(String status, String... alerts) {
        return """
                {"version":"4","groupKey":"{}:{alertname=\\"NodeDown\\"}","truncatedAlerts":0,"status":"%s",
                 "receiver":"noc","groupLabels":{"alertname":"NodeDown"},"commonLabels":{},"commonAnnotations":{},
                 "externalURL":"http://alertmanager:9093","alerts":[%s]}"""
                .formatted(status, String.join(",", alerts));
    }

    private static String alert(String status, String instance, String fingerprint, String severity) {
        return """
                {"status":"%s","labels":{"alertname":"NodeDown","instance":"%s","job":"node","severity":"%s"},
                 "annotations":{"summary":"%s is down"},"startsAt":"2026-03-02T08:00:00Z",
                 "endsAt":"%s","generatorURL":"http://prometheus:9090/graph","fingerprint":"%s"}"""
                .formatted(status, instance, severity, instance,
                        status.equals("resolved") ? "2026-03-02T08:05:00Z" : "0001-01-01T00:00:00Z", fingerprint);
    }

    private static Map<String, Object> activeAlarm(String source) {
        return app.getList("/api/v1/alarms").stream().filter(a -> a.get("source").equals(source)).findFirst()
                .orElse(null);
    }

    @Test
    void firingAlertsAreCommittedBeforeTheAnswerAndResolvedOnesClear() {
        HttpResponse<String> firing = app.post("/api/v1/alertmanager", alertmanager("firing",
                alert("firing", "node-a:9100", "aa01", "critical"), alert("firing", "node-b:9100", "bb02", "warning")));

        assertThat(firing.statusCode()).as(firing.body()).isEqualTo(200);
        assertThat(firing.body()).isEqualTo("{\"accepted\":2}");
        // No waiting: the answer came after the commit.
        Map<String, Object> alarm = activeAlarm("node-a:9100");
        assertThat(alarm).containsEntry("name", "NodeDown").containsEntry("severity", "CRITICAL")
                .containsEntry("reductionKey", "alertmanager|aa01").containsEntry("sourceKind", "alertmanager");
        assertThat(alarm.get("varbinds")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("job", "node").containsEntry("annotation.summary", "node-a:9100 is down")
                .containsEntry("fingerprint", "aa01");
        assertThat(alarm.get("ticketReference")).as("a critical alert opens a ticket").isNotNull();
        assertThat(activeAlarm("node-b:9100")).isNotNull();

        HttpResponse<String> resolved = app.post("/api/v1/alertmanager", alertmanager("resolved",
                alert("resolved", "node-a:9100", "aa01", "critical")));

        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(activeAlarm("node-a:9100")).isNull();
        assertThat(activeAlarm("node-b:9100")).isNotNull();
    }

    @Test
    void anInvalidAlertmanagerPayloadNamesEveryBadFieldAndAcceptsNothing() {
        String payload = alertmanager("firing", alert("firing", "node-c:9100", "cc03", "critical"),
                """
                {"status":"burning","labels":{"instance":"node-d:9100"},"startsAt":"yesterday"}""")
                .replace("\"version\":\"4\"", "\"version\":\"3\"");

        HttpResponse<String> answer = app.post("/api/v1/alertmanager", payload);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"field\":\"version\"").contains("\"field\":\"alerts[1].status\"")
                .contains("\"field\":\"alerts[1].labels.alertname\"").contains("\"field\":\"alerts[1].startsAt\"");
        assertThat(activeAlarm("node-c:9100")).as("the valid alert of the request was not taken either").isNull();
    }

    @Test
    void genericAlarmsRaiseAndClearOneOrManyAtATime() {
        HttpResponse<String> one = app.post("/api/v1/alarms", """
                {"source":"sw-paris-01","name":"High CPU","severity":"major","resource":"cpu0",
                 "attributes":{"value":97,"threshold":"90"}}""");
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        Map<String, Object> alarm = activeAlarm("sw-paris-01");
        assertThat(alarm).containsEntry("name", "High CPU").containsEntry("resource", "cpu0")
                .containsEntry("severity", "MAJOR").containsEntry("reductionKey", "sw-paris-01|High CPU|cpu0");
        assertThat(alarm.get("varbinds")).isEqualTo(Map.of("value", "97", "threshold", "90"));

        HttpResponse<String> many = app.post("/api/v1/alarms", """
                [{"source":"sw-paris-01","name":"High CPU","resource":"cpu0","state":"clear"},
                 {"source":"sw-lyon-02","name":"Disk full","severity":"critical","resource":"/var"}]""");
        assertThat(many.statusCode()).as(many.body()).isEqualTo(200);
        assertThat(many.body()).isEqualTo("{\"accepted\":2}");
        assertThat(activeAlarm("sw-paris-01")).isNull();
        assertThat(activeAlarm("sw-lyon-02")).containsEntry("severity", "CRITICAL");
    }

    @Test
    void anInvalidGenericAlarmIsRefusedWholeWithTheFieldNamed() {
        HttpResponse<String> answer = app.post("/api/v1/alarms", """
                [{"source":"sw-nice-03","name":"Fan"},{"source":"sw-nice-04","severity":"apocalyptic","state":"maybe"}]""");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"[1].name\"").contains("\"field\":\"[1].severity\"")
                .contains("\"field\":\"[1].state\"");
        assertThat(activeAlarm("sw-nice-03")).isNull();
    }

    @Test
    void aBodyThatIsNotJsonIsAProblem() {
        HttpResponse<String> answer = app.post("/api/v1/alarms", "source=sw1&name=down");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("not valid JSON");
    }

    @Test
    void anUnknownRouteIsAProblemToo() {
        HttpResponse<String> answer = app.get("/api/v1/nothing-here");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"status\":404");
    }

    @Test
    void healthShowsTheEngineQueueAndLag() {
        Map<String, Object> health = app.getObject("/health");
        @SuppressWarnings("unchecked")
        Map<String, Object> engine = (Map<String, Object>) ((Map<String, Object>) health.get("details")).get("engine");
        assertThat(engine).containsEntry("status", "UP");
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) engine.get("details");
        assertThat(details).containsKeys("queueSize", "queueCapacity", "queueFill",
                "lagMillis");
    }

    @Test
    void theMibEndpointListsTheLoadedModules() {
        Map<String, Object> mibs = app.getObject("/api/v1/mibs");
        @SuppressWarnings("unchecked")
        List<String> modules = (List<String>) mibs.get("modules");
        assertThat(modules).contains("IF-MIB", "SNMPv2-MIB");
        assertThat((List<?>) mibs.get("problems")).isEmpty();
    }
}
