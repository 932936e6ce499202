package noc.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.micronaut.json.JsonMapper;

import noc.support.ApiClient;
import noc.support.Await;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TrapSender;

/**
 * A shadow run on a running correlator: real traps, a candidate that makes an unknown device's link
 * down P3, the difference shown while the live ticket stays P2; its cap, its stop, its refusals.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShadowIT {

    private static final String SHADOW = "/api/v1/rules/shadow";
    private static final String LIVE_RULE = "A link down on a device the inventory does not know opens a P2 ticket";
    private static final String CANDIDATE_RULE = "A link down on a device the inventory does not know opens a P3 ticket";

    private static TestApplication app;
    private static ApiClient rules;
    private static String links;

    @BeforeAll
    static void start() throws Exception {
        app = TestApplication.start(TestDatabase.fresh("shadow"), Map.of("noc.rules.shadow.max-differences", 2,
                "noc.rules.shadow.queue-capacity", 50));
        rules = app.user("rita", null, "rules");
        links = Files.readString(Path.of("rules/20-links.drl"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void aCandidateMakingALinkDownP3ShowsTheDifferenceWhileTheLiveTicketStaysP2AndStopsAtItsCap() throws Exception {
        assertThat(rules.get(SHADOW).statusCode()).as("before any run").isEqualTo(404);
        String candidate = links.replace(LIVE_RULE, CANDIDATE_RULE)
                .replace("Priority.P2, \"Link down on \" + $source,", "Priority.P3, \"Link down on \" + $source,");
        HttpResponse<String> started = rules.post(SHADOW + "?file=20-links.drl", candidate, "text/plain");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(rules.post(SHADOW + "?file=20-links.drl", candidate, "text/plain").statusCode())
                .as("a second run while one goes on").isEqualTo(409);
        awaitRun(rules, run -> run.get("state").equals("RUNNING"));

        try (TrapSender sender = new TrapSender(app.snmpPort())) {
            sender.link(TrapSender.LINK_DOWN, "192.0.2.1", 3);
            Map<String, Object> run = awaitRun(rules, r -> ((Number) r.get("differenceCount")).intValue() == 1);

            Map<String, Object> difference = ((List<Map<String, Object>>) run.get("differences")).get(0);
            assertThat(difference).containsEntry("cause", "IF-MIB::linkDown from 192.0.2.1 ifIndex.3")
                    .containsEntry("subject", "alarm 192.0.2.1|IF-MIB::linkDown|ifIndex.3")
                    .containsEntry("decision", "PRIORITY")
                    .containsEntry("live", Map.of("value", "P2", "rules", List.of(LIVE_RULE)))
                    .containsEntry("candidate", Map.of("value", "P3", "rules", List.of(CANDIDATE_RULE)));
            assertThat(run).containsEntry("state", "RUNNING").containsEntry("startedBy", "rita")
                    .containsEntry("candidateFiles", List.of("20-links.drl"));
            assertThat(((Number) run.get("inputsCompared")).intValue()).isEqualTo(1);
            assertThat(app.getList("/api/v1/tickets")).singleElement()
                    .satisfies(ticket -> assertThat(ticket).containsEntry("priority", "P2"));

            sender.link(TrapSender.LINK_DOWN, "192.0.2.2", 1);
            run = awaitRun(rules, r -> r.get("state").equals("STOPPED"));
            assertThat(run).containsEntry("differenceCount", 2);
            assertThat((String) run.get("stopReason")).contains("noc.rules.shadow.max-differences");
            assertThat(app.awaitList("/api/v1/tickets", tickets -> tickets.size() == 2))
                    .allSatisfy(ticket -> assertThat(ticket).containsEntry("priority", "P2"));
        }
    }

    @Test
    @Order(2)
    void theLiveRulesAsCandidateDifferInNothingAndDeleteStopsTheRun() throws Exception {
        HttpResponse<String> started = rules.post(SHADOW, app.context().getBean(JsonMapper.class)
                .writeValueAsString(Map.of("files", Map.of("20-links.drl", links))));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        awaitRun(rules, run -> run.get("state").equals("RUNNING"));
        try (TrapSender sender = new TrapSender(app.snmpPort())) {
            sender.link(TrapSender.LINK_DOWN, "192.0.2.50", 1);
            sender.link(TrapSender.LINK_UP, "192.0.2.50", 1);
            awaitRun(rules, run -> ((Number) run.get("inputsCompared")).intValue() == 2);
        }
        HttpResponse<String> stopped = rules.delete(SHADOW);
        assertThat(stopped.statusCode()).isEqualTo(200);
        Map<String, Object> run = app.getObject(SHADOW);
        assertThat(run).containsEntry("state", "STOPPED").containsEntry("stopReason", "stopped by rita")
                .containsEntry("differenceCount", 0).containsEntry("inputsCompared", 2);
    }

    @Test
    @Order(3)
    void aCandidateThatDoesNotCompileIsRefusedWithItsProblems() {
        HttpResponse<String> refused = rules.post(SHADOW + "?file=20-links.drl",
                links.replaceFirst("raised \\)", "raised "), "text/plain");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"20-links.drl\"").contains("line ")
                .contains("no shadow run started");
    }

    @Test
    @Order(4)
    void aRunThatFallsBehindStopsWithoutHoldingTheEngineBack() throws Exception {
        startIdenticalRun();
        StringBuilder alarms = new StringBuilder("[");
        for (int i = 0; i < 60; i++) {
            alarms.append(i == 0 ? "" : ",").append("{\"source\": \"host-").append(i).append("\", \"name\": \"Disk full\"}");
        }
        HttpResponse<String> accepted = app.post("/api/v1/alarms", alarms.append("]").toString());

        assertThat(accepted.statusCode()).as("the live engine took them").isEqualTo(200);
        Map<String, Object> run = awaitRun(rules, r -> r.get("state").equals("STOPPED"));
        assertThat((String) run.get("stopReason")).startsWith("fell behind the live engine")
                .contains("noc.rules.shadow.queue-capacity");
    }

    @Test
    @Order(5)
    void aRunStopsWhenTheLiveRulesAreRedeployed() throws Exception {
        startIdenticalRun();
        assertThat(rules.post("/api/v1/rules/reload", "").statusCode()).isEqualTo(200);

        Map<String, Object> run = awaitRun(rules, r -> r.get("state").equals("STOPPED"));
        assertThat((String) run.get("stopReason")).startsWith("the live rules were redeployed");
    }

    @Test
    @Order(6)
    void aRunStopsAfterItsLongestDuration() throws Exception {
        try (TestApplication brief = TestApplication.start(TestDatabase.fresh("shadow_brief"),
                Map.of("noc.rules.shadow.max-duration", "1s"))) {
            HttpResponse<String> started = brief.post(SHADOW + "?file=20-links.drl", links, "text/plain");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);

            Map<String, Object> run = awaitRun(brief.admin(), r -> r.get("state").equals("STOPPED"));
            assertThat((String) run.get("stopReason")).isEqualTo(
                    "ran for the longest allowed, 1s (noc.rules.shadow.max-duration)");
        }
    }

    /** The shadow run as {@code client} reads it, once {@code condition} holds (within 20 s). */
    private static Map<String, Object> awaitRun(ApiClient client, Predicate<Map<String, Object>> condition) {
        return Await.value(Duration.ofSeconds(20), "a shadow run that meets the condition",
                () -> client.getObject(SHADOW), condition);
    }

    private static void startIdenticalRun() throws Exception {
        HttpResponse<String> started = rules.post(SHADOW + "?file=20-links.drl", links, "text/plain");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        awaitRun(rules, run -> run.get("state").equals("RUNNING"));
    }

    @Test
    @Order(7)
    void onlyTheRulesRoleMayRunShadows() {
        ApiClient operator = app.user("otto", null, "operator");
        assertThat(operator.post(SHADOW + "?file=20-links.drl", links, "text/plain").statusCode()).isEqualTo(403);
        assertThat(operator.get(SHADOW).statusCode()).isEqualTo(403);
        assertThat(operator.delete(SHADOW).statusCode()).isEqualTo(403);
        assertThat(app.user("vera", null, "viewer").get(SHADOW).statusCode()).isEqualTo(403);
    }
}
