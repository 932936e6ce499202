package noc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import noc.alarm.AlarmEvent;
import noc.support.Await;
import noc.support.CorrelatorProcess;
import noc.support.EngineSessions;
import noc.support.Events;
import noc.support.ApiClient;
import noc.support.TrapSender;
import noc.support.KafkaBroker;
import noc.support.Ports;
import noc.support.StoredRows;
import noc.support.TestApplication;
import noc.support.TestDatabase;

/**
 * A collector and two engines on a real broker and one MariaDB; one engine, a process of its own, is
 * killed with SIGKILL while alarms stream in through the collector. The other takes its partitions once the group notices (the session
 * timeout), rebuilds their sessions from MariaDB and resumes at the stored offsets: every alarm the
 * collector accepted (answered 200 once Kafka acknowledged it) is stored exactly once, a ticket the dead engine opened keeps taking its
 * device's alarms, and its escalation deadline fires on the survivor.
 */
class FailoverIT {

    private static final String TOPIC = "inputs-failover";
    private static final int PARTITIONS = 4;
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);
    private static final Duration WITHIN = Duration.ofSeconds(120);

    private static Map<String, String> settings(KafkaBroker broker, Map<String, Object> database, String node) {
        Map<String, String> settings = new HashMap<>(Map.of("noc.role", "engine", "noc.node-id", node,
                "noc.cluster.kafka.bootstrap-servers", broker.bootstrapServers(), "noc.cluster.topic", TOPIC,
                "noc.cluster.partitions", Integer.toString(PARTITIONS), "noc.cluster.group", "engines-failover",
                "noc.cluster.session-timeout", SESSION_TIMEOUT.toSeconds() + "s",
                // the P1 below escalates 25 s after it opened, after the failover
                "noc.sla.p1.escalation-reference", "25s"));
        database.forEach((key, value) -> settings.put(key, String.valueOf(value)));
        return settings;
    }

    private static String[] arguments(Map<String, String> settings) {
        return settings.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
    }

    private static Set<Integer> partitionsOf(Map<String, Object> database, String node) throws Exception {
        Set<Integer> owned = new HashSet<>();
        StoredRows.select(database, "SELECT partition_no FROM input_partition WHERE topic = ? AND owner_node = ?",
                TOPIC, node).forEach(row -> owned.add(((Number) row.get(0)).intValue()));
        return owned;
    }

    private static int escalationLevel(Map<String, Object> database, String reference) throws Exception {
        return ((Number) StoredRows.select(database, "SELECT escalation_level FROM ticket WHERE reference = ?",
                reference).get(0).get(0)).intValue();
    }

    private static Set<String> ticketsOfSource(Map<String, Object> database, String source) throws Exception {
        Set<String> tickets = new HashSet<>();
        StoredRows.select(database, "SELECT ticket_reference FROM alarm WHERE source = ?", source)
                .forEach(row -> tickets.add((String) row.get(0)));
        return tickets;
    }

    @Test
    void anEngineKilledMidStreamLosesAndRepeatsNothingAndItsDeadlinesFireOnTheOther(@TempDir Path home)
            throws Exception {
        Map<String, Object> database = TestDatabase.fresh("failover");
        try (KafkaBroker broker = KafkaBroker.start()) {
            broker.createTopic(TOPIC, PARTITIONS);
            // The survivor starts first: it makes the first admin, whose password the test knows.
            try (TestApplication survivor = TestApplication.start(database,
                    new HashMap<>(settings(broker, database, "engine-b")));
                 CorrelatorProcess doomed = CorrelatorProcess.start(home, home.resolve("unused-data"), Ports.free(),
                         Ports.free(), arguments(settings(broker, database, "engine-a"))).awaitHealthy()) {
                EngineNode b = survivor.context().getBean(EngineNode.class);
                Await.until(WITHIN, "both engines to own partitions", () -> !b.partitions().isEmpty()
                        && b.partitions().size() < PARTITIONS
                        && partitionsOf(database, "engine-a").size() == PARTITIONS - b.partitions().size());
                Set<Integer> doomedPartitions = partitionsOf(database, "engine-a");

                // A device whose domain (its name: it has no site) is one of the doomed engine's partitions.
                String device = IntStream.range(0, 100).mapToObj(i -> "cpe-" + i)
                        .filter(name -> doomedPartitions.contains(Partitions.of(name, PARTITIONS))).findFirst()
                        .orElseThrow();
                assertThat(survivor.post("/api/v1/inventory/import", """
                        {"customers": [{"name": "Acme", "contract": "managed", "projectManager": "Paula Martin"}],
                         "contacts": [{"name": "Paula Martin", "role": "project manager", "phone": "+33 1 00",
                                       "email": "paula@provider.example"}],
                         "services": [{"reference": "ACME-1", "customer": "Acme", "criticality": "high"}],
                         "devices": [{"name": "%s", "addresses": ["192.0.2.10"], "services": ["ACME-1"]}]}"""
                        .formatted(device)).statusCode()).isEqualTo(200);
                // each engine node applies the change within a second or so (the doomed one is a process)
                EngineSessions.awaitInventory(b, 1);
                Thread.sleep(3_000);
                String token = survivor.apiToken("failover-intake", "intake");
                try (TestApplication collector = TestApplication.start(Map.of("datasources.default.url",
                                "jdbc:mariadb://127.0.0.1:" + Ports.free() + "/none", "datasources.default.username",
                                "nobody"), Map.of("noc.role", "collector", "noc.node-id", "collector-1",
                                "noc.cluster.kafka.bootstrap-servers", broker.bootstrapServers(),
                                "noc.cluster.topic", TOPIC, "noc.cluster.partitions", PARTITIONS));
                     TrapSender traps = new TrapSender(collector.snmpPort())) {
                    ApiClient intake = collector.withToken(token);
                    // The engines publish the token and the device's domain to the collectors' directory.
                    Await.until(WITHIN, "the collector to know the intake token", () -> intake.post(
                            "/api/v1/alarms", "{\"source\": \"probe-1\", \"name\": \"probe\"}").statusCode() == 200);
                    runThroughTheCollector(database, survivor, doomed, device, traps, intake);
                }
            }
        }
    }

    private static void runThroughTheCollector(Map<String, Object> database, TestApplication survivor,
                                               CorrelatorProcess doomed, String device, TrapSender traps,
                                               ApiClient intake) throws Exception {
        EngineNode b = survivor.context().getBean(EngineNode.class);
        traps.link(TrapSender.LINK_DOWN, "192.0.2.10", 1);
        String reference = Await.value(WITHIN, "the P1 ticket of " + device,
                () -> ticketsOfSource(database, "192.0.2.10"), tickets -> tickets.size() == 1
                        && !tickets.contains(null)).iterator().next();
        assertThat(escalationLevel(database, reference)).isZero();

        // Alarms stream in through the collector while the doomed engine dies.
        List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean streaming = new AtomicBoolean(true);
        Thread stream = new Thread(() -> {
            int next = 0;
            while (streaming.get()) {
                List<String> burst = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    burst.add("fo-" + next++);
                }
                String body = burst.stream().map(source -> "{\"source\": \"" + source
                        + "\", \"name\": \"linkDown\", \"severity\": \"major\"}")
                        .collect(java.util.stream.Collectors.joining(",", "[", "]"));
                // 200 once Kafka acknowledged every record: accepted
                if (intake.post("/api/v1/alarms", body).statusCode() == 200) {
                    acknowledged.addAll(burst);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "failover-stream");
        stream.start();
        Thread.sleep(1_500);
        doomed.kill();
        long killedAt = System.nanoTime();
        Await.until(WITHIN, "the survivor to own every partition", () -> b.partitions().size() == PARTITIONS);
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
        Thread.sleep(1_500);
        streaming.set(false);
        stream.join();

        Set<String> sent = new HashSet<>(acknowledged);
        Map<String, Long> wrong = Await.value(WITHIN, "every acknowledged alarm stored once", () -> {
            try (Connection connection = StoredRows.connect(database)) {
                return StoredRows.notStoredOnce(StoredRows.occurrencesBySource(connection, "fo-"), sent);
            }
        }, Map::isEmpty);
        assertThat(wrong).as("alarms lost (0) or applied twice (2+)").isEmpty();
        assertThat(sent).hasSizeGreaterThan(100);

        // The dead engine's ticket keeps taking its device's alarms, now in the survivor's session.
        traps.link(TrapSender.LINK_DOWN, "192.0.2.10", 2);
        Await.until(WITHIN, "the second link's alarm stored", () -> {
            try (Connection connection = StoredRows.connect(database)) {
                return StoredRows.occurrencesBySource(connection, "192.0.2.10").values().stream()
                        .mapToLong(Long::longValue).sum() == 2;
            }
        });
        assertThat(ticketsOfSource(database, "192.0.2.10")).containsExactly(reference);

        // Its escalation deadline, stored by the dead engine, fires on the survivor.
        Await.value(WITHIN, "the P1 to escalate to level 1", () -> escalationLevel(database, reference),
                level -> level >= 1);
        System.out.printf("Failover: SIGKILL to every partition owned by the survivor in %d ms "
                + "(session timeout %d s); %d alarms acknowledged during the run, each stored once%n",
                takeover.toMillis(), SESSION_TIMEOUT.toSeconds(), sent.size());
    }
}
