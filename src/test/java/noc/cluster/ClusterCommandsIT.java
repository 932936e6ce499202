package noc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.ApiClient;
import noc.support.Await;
import noc.support.Events;
import noc.support.InputTopic;
import noc.support.KafkaBroker;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.WebSession;

/**
 * People's commands on two engines (role {@code engine}) sharing a real broker and MariaDB: a command
 * sent to a node that does not own its ticket's partition is applied by the owner and answered as the
 * single process answers it, once committed; a command not confirmed in time is answered 202 with a
 * URL where its outcome is read; maintenance plans and declarations go to the session of their
 * domain, where the commands on what they opened find it again, after a rebuild too.
 */
class ClusterCommandsIT {

    private static final int PARTITIONS = 4;
    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final String TOPIC = "commands";
    private static KafkaBroker broker;
    private static Map<String, Object> database;
    private static InputTopic inputs;
    /** Answers 202 to every command: it never waits long enough for one to be committed. */
    private static TestApplication quick;
    /** Waits the default 10 s for a command to be committed. */
    private static TestApplication patient;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.start();
        broker.createTopic(TOPIC, PARTITIONS);
        database = TestDatabase.fresh("cluster_commands");
        prepare(database);
        inputs = new InputTopic(broker, TOPIC);
        quick = TestApplication.start(database, engine(TOPIC, "engine-quick", "1ms"));
        patient = TestApplication.start(database, engine(TOPIC, "engine-patient", "10s"));
        Await.until(WITHIN, "both engines to own partitions", () -> !partitions(quick).isEmpty()
                && !partitions(patient).isEmpty() && partitions(quick).size() + partitions(patient).size() == PARTITIONS);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable each : new AutoCloseable[] {patient, quick, inputs, broker}) {
            try {
                if (each != null) {
                    each.close();
                }
            } catch (Exception e) {
                // the next one still stops
            }
        }
    }

    private static Map<String, Object> engine(String topic, String node, String commandTimeout) {
        return broker.engineSettings(topic, node, PARTITIONS, Map.of("noc.cluster.command-timeout", commandTimeout));
    }

    /**
     * The operator and the inventory, written by a single process before any engine starts: an engine
     * reads users and inventory when it starts (inventory changes do not reach running engines yet).
     */
    private static void prepare(Map<String, Object> database) {
        try (TestApplication all = TestApplication.start(database, Map.of())) {
            all.user("otto", null, "operator");
            HttpResponse<String> imported = all.post("/api/v1/inventory/import", """
                    {"sites": [{"name": "POP Paris", "address": "Paris", "domain": "paris"},
                               {"name": "POP Lyon", "address": "Lyon", "domain": "lyon"},
                               {"name": "POP Nice", "address": "Nice", "domain": "nice"}],
                     "devices": [{"name": "pe-paris-1", "site": "POP Paris", "addresses": ["192.0.2.1"]},
                                 {"name": "pe-lyon-1", "site": "POP Lyon", "addresses": ["192.0.2.2"]},
                                 {"name": "pe-nice-1", "site": "POP Nice", "addresses": ["192.0.2.3"]}]}""");
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        }
    }

    private static List<Integer> partitions(TestApplication engine) {
        return engine.context().getBean(EngineNode.class).partitions();
    }

    private static ApiClient operator(TestApplication node) {
        return node.as("otto", "otto-password");
    }

    /**
     * Opens a ticket from a link down published to the topic, from a source whose partition
     * {@code owner} runs; its reference.
     */
    private static String ticketOwnedBy(TestApplication owner, String prefix) {
        String source = IntStream.range(1, 1000).mapToObj(i -> prefix + i)
                .filter(each -> partitions(owner).contains(Partitions.of("address:" + each, PARTITIONS)))
                .findFirst().orElseThrow();
        inputs.publish(List.of(Events.linkDown(source, 1, Instant.now())));
        return Await.value(WITHIN, "the ticket of " + source, () -> patient.getList("/api/v1/alarms?source=" + source)
                .stream().map(alarm -> alarm.get("ticketReference")).filter(java.util.Objects::nonNull)
                .map(Object::toString).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    private static Map<String, Object> body(ApiClient client, HttpResponse<String> answer) {
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) client.parse(answer.body());
        return parsed;
    }

    @Test
    void aTicketCommandSentToANodeThatDoesNotOwnTheTicketIsAppliedByTheOwnerAndAnsweredAsInRoleAll() {
        String reference = ticketOwnedBy(quick, "cmd-owner-");
        ApiClient otto = operator(patient);

        HttpResponse<String> acknowledged = otto.post("/api/v1/tickets/" + reference + "/acknowledge", "{}");
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
        assertThat(body(otto, acknowledged)).containsEntry("reference", reference).containsEntry("status", "ACKNOWLEDGED");

        HttpResponse<String> commented = otto.post("/api/v1/tickets/" + reference + "/comment",
                "{\"text\": \"Fibre crew on site\"}");
        assertThat(commented.statusCode()).as(commented.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> journal = (List<Map<String, Object>>) body(otto, commented).get("journal");
        assertThat(journal).anySatisfy(line -> assertThat(line).containsEntry("action", "COMMENT")
                .containsEntry("text", "Fibre crew on site").containsEntry("author", "otto"));
        assertThat(journal).anySatisfy(line -> assertThat(line).containsEntry("action", "ACKNOWLEDGED"));

        HttpResponse<String> again = otto.post("/api/v1/tickets/" + reference + "/acknowledge", "{}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(body(otto, again)).containsEntry("type", "/problems/not-allowed");
    }

    @Test
    void aCommandOnAnUnknownOrClosedTicketIsAnsweredAsInRoleAll() {
        ApiClient otto = operator(patient);
        HttpResponse<String> unknown = otto.post("/api/v1/tickets/INC-1999-999999/acknowledge", "{}");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(body(otto, unknown)).containsEntry("detail", "No ticket INC-1999-999999");

        String reference = ticketOwnedBy(quick, "cmd-closed-");
        HttpResponse<String> closed = otto.post("/api/v1/tickets/" + reference + "/close-unresponsive",
                "{\"text\": \"no answer for a week\"}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(body(otto, closed)).containsEntry("status", "CLOSED");
        HttpResponse<String> late = otto.post("/api/v1/tickets/" + reference + "/comment", "{\"text\": \"late\"}");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
        assertThat(body(otto, late)).containsEntry("type", "/problems/not-allowed")
                .containsEntry("detail", "Ticket " + reference + " is closed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCommandNotConfirmedInTimeIsAnswered202WithAUrlWhereItsOutcomeIsRead() {
        String reference = ticketOwnedBy(patient, "cmd-late-");
        ApiClient hasty = operator(quick);
        ApiClient viewer = patient.user("vera", null, "viewer");

        HttpResponse<String> sent = hasty.post("/api/v1/tickets/" + reference + "/acknowledge", "{}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        Map<String, Object> pending = body(hasty, sent);
        String poll = pending.get("poll").toString();
        assertThat(poll).isEqualTo("/api/v1/commands/" + pending.get("id"));
        assertThat(pending).containsEntry("status", "PENDING");
        assertThat(sent.headers().firstValue("Location")).hasValue(poll);
        Map<String, Object> done = Await.value(WITHIN, "the acknowledgement committed", () -> viewer.getObject(poll),
                outcome -> "COMMITTED".equals(outcome.get("status")));
        assertThat(done).containsEntry("id", pending.get("id")).doesNotContainKey("reply");
        assertThat(patient.getObject("/api/v1/tickets/" + reference)).containsEntry("status", "ACKNOWLEDGED");

        HttpResponse<String> refused = hasty.post("/api/v1/tickets/" + reference + "/acknowledge", "{}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(202);
        String refusal = body(hasty, refused).get("poll").toString();
        Map<String, Object> answered = Await.value(WITHIN, "the second acknowledgement committed",
                () -> viewer.getObject(refusal), outcome -> "COMMITTED".equals(outcome.get("status")));
        Map<String, Object> reply = (Map<String, Object>) answered.get("reply");
        assertThat(reply).containsEntry("type", "refused");
        assertThat((Map<String, Object>) reply.get("refused")).containsEntry("kind", "STATE");

        assertThat(viewer.get("/api/v1/commands/no-such-command").statusCode()).isEqualTo(404);

        WebSession console = new WebSession(quick.uri("/"), "en");
        console.signIn("otto", "otto-password", "/");
        assertThat(console.get("/tickets/" + reference).statusCode()).isEqualTo(200);
        HttpResponse<String> form = console.post("/tickets/" + reference + "/comment", Map.of("text", "from the console"));
        assertThat(form.statusCode()).as(form.body()).isEqualTo(202);
        assertThat(form.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
        String commented = body(hasty, form).get("poll").toString();
        Await.value(WITHIN, "the console's comment committed", () -> viewer.getObject(commented),
                outcome -> "COMMITTED".equals(outcome.get("status")));
        assertThat(patient.journal(reference)).anySatisfy(line -> assertThat(line)
                .containsEntry("text", "from the console"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCommandRecordTheOwnerCannotReadIsAnsweredUnreadableWithWhy() {
        inputs.publish("customer:Initrode", """
                {"type": "ticket-command", "version": 2, "id": "from-a-newer-node", "action": "TELEPORT"}"""
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ApiClient viewer = patient.user("vince", null, "viewer");
        Map<String, Object> outcome = Await.value(WITHIN, "the outcome of the unreadable command",
                () -> viewer.get("/api/v1/commands/from-a-newer-node").statusCode() == 200
                        ? viewer.getObject("/api/v1/commands/from-a-newer-node") : Map.<String, Object>of(),
                found -> "UNREADABLE".equals(found.get("status")));
        assertThat((Map<String, Object>) outcome.get("reply")).containsEntry("type", "unreadable")
                .containsEntry("reason", "unknown_version");
    }

    @Test
    void aMaintenancePlanAndADeclarationWorkThroughAnEngineNode() throws Exception {
        ApiClient otto = operator(patient);
        Instant now = Instant.now();
        String window = plan(otto, now, "pe-paris-1");
        String declared = declare(otto);
        assertThat(pins()).containsEntry(window, "paris").containsEntry(declared, "customer:Initrode");

        HttpResponse<String> commented = otto.post("/api/v1/tickets/" + declared + "/comment",
                "{\"text\": \"Called Marie back\"}");
        assertThat(commented.statusCode()).as(commented.body()).isEqualTo(200);
        HttpResponse<String> done = otto.post("/api/v1/maintenance-windows/" + window + "/complete", "{}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(body(otto, done)).containsEntry("operationOpen", false);

        // Two POPs of no group, each its own home, in partitions 3 (lyon) and 0 (nice) of 4: the window
        // lives in the least home (lyon), which tells Nice's session of it; pe-nice-1's link down under it
        // is sent to Lyon's session and learns the window's ticket from there.
        assertThat(Partitions.of("lyon", PARTITIONS)).isNotEqualTo(Partitions.of("nice", PARTITIONS));
        HttpResponse<String> across = otto.post("/api/v1/maintenance-windows", """
                {"title": "Both POPs", "start": "%s", "end": "%s", "scope": {"devices": ["pe-lyon-1", "pe-nice-1"]}}"""
                .formatted(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(2))));
        assertThat(across.statusCode()).as(across.body()).isEqualTo(201);
        String both = body(otto, across).get("reference").toString();
        assertThat(pins()).containsEntry(both, "lyon");
        Await.until(WITHIN, "the window told to Nice's session", () -> "nice".equals(windowScopeSent(both)));
        inputs.publish(List.of(Events.linkDown("192.0.2.3", 3, Instant.now())), event -> "nice");
        Await.until(WITHIN, "pe-nice-1's link down on the window's ticket", () -> patient
                .getList("/api/v1/alarms?source=192.0.2.3").stream()
                .anyMatch(alarm -> both.equals(alarm.get("ticketReference"))));
        assertThat(patient.getList("/api/v1/tickets")).noneSatisfy(ticket -> assertThat(ticket.get("title"))
                .asString().contains("pe-nice-1"));

        // The console's planner takes such a scope as the API does.
        WebSession console = new WebSession(patient.uri("/"), "fr");
        console.signIn("otto", "otto-password", "/");
        console.get("/maintenance/plan");
        HttpResponse<String> form = console.post("/maintenance/plan", Map.of("title", "Both POPs",
                "description", "", "start", now.plus(Duration.ofDays(1)).toString().substring(0, 16),
                "end", now.plus(Duration.ofDays(1).plusHours(2)).toString().substring(0, 16), "recurrence", "none",
                "until", "", "devices", "pe-lyon-1, pe-nice-1", "sites", "", "services", ""));
        assertThat(form.statusCode()).as(form.body()).isEqualTo(303);
    }

    /** The domain a window's scope was sent to (table window_scope), once sent; else null. */
    private static String windowScopeSent(String reference) throws Exception {
        List<List<Object>> rows = noc.support.StoredRows.select(database,
                "SELECT domain FROM window_scope WHERE reference = ? AND NOT pending", reference);
        return rows.isEmpty() ? null : (String) rows.get(0).get(0);
    }

    @Test
    void aTicketACommandOpenedIsFoundAgainWhenItsPartitionIsRebuilt() {
        String topic = "commands-rebuilt";
        broker.createTopic(topic, PARTITIONS);
        Map<String, Object> rebuilt = TestDatabase.fresh("cluster_commands_rebuilt");
        prepare(rebuilt);
        Instant now = Instant.now();
        String window;
        List<String> declared;
        try (TestApplication engine = TestApplication.start(rebuilt, engine(topic, "engine-1", "10s"))) {
            Await.until(WITHIN, "the engine to own every partition", () -> partitions(engine).size() == PARTITIONS);
            ApiClient otto = operator(engine);
            window = plan(otto, now, "pe-lyon-1");
            // Several, so that some surely live in another partition than ticket:<reference> would say.
            declared = List.of(declare(otto), declare(otto), declare(otto));
        }
        try (TestApplication engine = TestApplication.start(rebuilt, engine(topic, "engine-1", "10s"))) {
            Await.until(WITHIN, "the engine to own every partition", () -> partitions(engine).size() == PARTITIONS);
            ApiClient otto = operator(engine);
            for (String reference : declared) {
                HttpResponse<String> commented = otto.post("/api/v1/tickets/" + reference + "/comment",
                        "{\"text\": \"still there\"}");
                assertThat(commented.statusCode()).as(reference + ": " + commented.body()).isEqualTo(200);
            }
            HttpResponse<String> done = otto.post("/api/v1/maintenance-windows/" + window + "/complete", "{}");
            assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
            assertThat(body(otto, done)).containsEntry("operationOpen", false);
        }
    }

    /** Plans a window on {@code device} an hour from {@code now}; its reference. */
    private static String plan(ApiClient otto, Instant now, String device) {
        HttpResponse<String> planned = otto.post("/api/v1/maintenance-windows", """
                {"title": "Card swap", "start": "%s", "end": "%s", "scope": {"devices": ["%s"]}}"""
                .formatted(now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)), device));
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        Map<String, Object> view = body(otto, planned);
        assertThat(view).containsEntry("operationOpen", true);
        return view.get("reference").toString();
    }

    /** Initrode (not in the inventory) declares a loss of service; the ticket's reference. */
    private static String declare(ApiClient otto) {
        HttpResponse<String> declared = otto.post("/api/v1/incidents", """
                {"customerName": "Initrode", "siteAddress": "1 rue de la Paix, Paris",
                 "serviceReferences": ["INI-1"], "contactName": "Marie Curie", "contactPhone": "+33 1 23",
                 "contactEmail": "marie@initrode.example", "faultyElements": "VPN", "description": "VPN down",
                 "impact": "loss"}""");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        return body(otto, declared).get("reference").toString();
    }

    private static Map<String, String> pins() throws Exception {
        Map<String, String> pins = new java.util.HashMap<>();
        try (Connection connection = TestDatabase.connect(database);
             PreparedStatement select = connection.prepareStatement("SELECT reference, domain FROM ticket_domain");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                pins.put(rows.getString(1), rows.getString(2));
            }
        }
        return pins;
    }
}
