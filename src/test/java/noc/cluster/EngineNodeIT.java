package noc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.alarm.AlarmEvent;
import noc.support.Await;
import noc.support.EngineSessions;
import noc.support.Events;
import noc.support.InputTopic;
import noc.support.KafkaBroker;
import noc.support.StoredRows;
import noc.support.TestApplication;
import noc.support.TestDatabase;

/**
 * Engines (role {@code engine}) on a real broker and MariaDB: each alarm published to the inputs topic
 * is stored exactly once, across restarts (an engine resumes at the offsets stored with its cycles)
 * and across partitions moving between two engines.
 */
class EngineNodeIT {

    private static final int PARTITIONS = 4;
    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static Map<String, Object> engine(String topic, String node) {
        return broker.engineSettings(topic, node, PARTITIONS, Map.of());
    }

    private static List<AlarmEvent> alarms(String prefix, int count) {
        Instant at = Instant.now();
        return IntStream.range(0, count).mapToObj(i -> Events.linkDown(prefix + i, 1, at)).toList();
    }

    private static Set<String> sources(List<AlarmEvent> events) {
        Set<String> sources = new HashSet<>();
        events.forEach(event -> sources.add(event.source()));
        return sources;
    }

    /** Waits until every alarm of {@code expected} is stored once, and none more than once. */
    private static void awaitStoredOnce(Map<String, Object> database, String prefix, Set<String> expected) {
        Map<String, Long> wrong = Await.value(WITHIN, "each alarm of " + prefix + " stored once", () -> {
            try (Connection connection = StoredRows.connect(database)) {
                return StoredRows.notStoredOnce(StoredRows.occurrencesBySource(connection, prefix), expected);
            }
        }, Map::isEmpty);
        assertThat(wrong).isEmpty();
    }

    private static Map<Integer, long[]> storedPartitions(Map<String, Object> database, String topic) throws Exception {
        Map<Integer, long[]> rows = new HashMap<>();
        StoredRows.select(database, "SELECT partition_no, next_offset, owner_epoch FROM input_partition WHERE topic = ?",
                topic).forEach(row -> rows.put(((Number) row.get(0)).intValue(),
                new long[] {row.get(1) == null ? -1 : ((Number) row.get(1)).longValue(), ((Number) row.get(2)).longValue()}));
        return rows;
    }

    /** Starts an engine alone on {@code topic} (made with the test's partitions), once it owns them all. */
    private static TestApplication soleEngine(String topic, Map<String, Object> database) {
        TestApplication engine = TestApplication.start(database, engine(topic, "engine-1"));
        EngineNode node = engine.context().getBean(EngineNode.class);
        Await.until(WITHIN, "the engine to own every partition", () -> node.partitions().size() == PARTITIONS);
        return engine;
    }

    @Test
    void anEngineAppliesEachRecordOnceAndARestartResumesAtTheStoredOffsets() throws Exception {
        String topic = "inputs-restart";
        broker.createTopic(topic, PARTITIONS);
        Map<String, Object> database = TestDatabase.fresh("engine_restart");
        List<AlarmEvent> first = alarms("er-a-", 300);
        List<AlarmEvent> second = alarms("er-b-", 200);
        try (InputTopic inputs = new InputTopic(broker, topic)) {
            inputs.publish(first);
            try (TestApplication engine = TestApplication.start(database, engine(topic, "engine-1"))) {
                awaitStoredOnce(database, "er-a-", sources(first));
                assertThat(engine.context().getBean(EngineNode.class).partitions()).containsExactly(0, 1, 2, 3);
            }
            Map<Integer, long[]> stored = storedPartitions(database, topic);
            assertThat(stored.values().stream().mapToLong(row -> row[0]).sum()).as("offsets stored").isEqualTo(300);
            inputs.publish(second);
            try (TestApplication engine = TestApplication.start(database, engine(topic, "engine-1"))) {
                awaitStoredOnce(database, "er-b-", sources(second));
                awaitStoredOnce(database, "er-a-", sources(first)); // nothing of the first run applied again
            }
        }
        Map<Integer, long[]> stored = storedPartitions(database, topic);
        assertThat(stored.values().stream().mapToLong(row -> row[0]).sum()).isEqualTo(500);
        assertThat(stored.values()).allSatisfy(row -> assertThat(row[1]).as("epoch").isEqualTo(2));
    }

    @Test
    void partitionsMovingBetweenTwoEnginesLoseAndRepeatNothing() throws Exception {
        String topic = "inputs-move";
        broker.createTopic(topic, PARTITIONS);
        Map<String, Object> database = TestDatabase.fresh("engine_move");
        List<AlarmEvent> sent = new ArrayList<>();
        try (InputTopic inputs = new InputTopic(broker, topic);
             TestApplication first = TestApplication.start(database, engine(topic, "engine-1"))) {
            EngineNode one = first.context().getBean(EngineNode.class);
            List<AlarmEvent> before = alarms("em-a-", 200);
            inputs.publish(before);
            sent.addAll(before);
            try (TestApplication second = TestApplication.start(database, engine(topic, "engine-2"))) {
                EngineNode two = second.context().getBean(EngineNode.class);
                Await.until(WITHIN, "both engines to own partitions", () -> !one.partitions().isEmpty()
                        && !two.partitions().isEmpty() && one.partitions().size() + two.partitions().size() == PARTITIONS);
                List<AlarmEvent> shared = alarms("em-b-", 200);
                inputs.publish(shared);
                sent.addAll(shared);
                awaitStoredOnce(database, "em-", sources(sent));

                // The first engine's live board hears of a cycle committed by the second one alone.
                List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
                first.context().getBean(noc.console.BoardFeed.class).follow().orElseThrow()
                        .subscribe(event -> heard.add(event.getName()));
                Await.until(WITHIN, "the board's first refresh", () -> !heard.isEmpty());
                Await.until(WITHIN, "the board to go quiet", () -> {
                    int events = heard.size();
                    Thread.sleep(2_500); // more than the first engine's look at the last commits, once a second
                    return heard.size() == events;
                });
                heard.clear();
                String elsewhere = IntStream.range(0, 1_000).mapToObj(i -> "em-d-" + i).filter(source -> two
                        .partitions().contains(Partitions.of("address:" + source, PARTITIONS))).findFirst().orElseThrow();
                List<AlarmEvent> theirs = List.of(Events.linkDown(elsewhere, 1, Instant.now()));
                inputs.publish(theirs);
                sent.addAll(theirs);
                Await.until(WITHIN, "the first engine's board to refresh", () -> !heard.isEmpty());
            }
            Await.until(WITHIN, "the first engine to own every partition again", () -> one.partitions().size() == PARTITIONS);
            List<AlarmEvent> after = alarms("em-c-", 200);
            inputs.publish(after);
            sent.addAll(after);
            awaitStoredOnce(database, "em-", sources(sent));
        }
        assertThat(storedPartitions(database, topic).values().stream().mapToLong(row -> row[0]).sum()).isEqualTo(601);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anInventoryChangeMadeOnAnEngineNodeReachesItsSessionsAndHealthShowsThePartitions() throws Exception {
        String topic = "inputs-inventory";
        broker.createTopic(topic, PARTITIONS);
        Map<String, Object> database = TestDatabase.fresh("engine_inventory");
        try (InputTopic inputs = new InputTopic(broker, topic); TestApplication engine = soleEngine(topic, database)) {
            EngineNode node = engine.context().getBean(EngineNode.class);
            assertThat(engine.post("/api/v1/inventory/import", """
                    {"customers": [{"name": "Acme", "contract": "managed", "projectManager": "Paula Martin"}],
                     "contacts": [{"name": "Paula Martin", "role": "project manager", "phone": "+33 1 00",
                                   "email": "paula@provider.example"}],
                     "services": [{"reference": "ACME-INTERNET-1", "customer": "Acme", "criticality": "high"}],
                     "devices": [{"name": "acme-cpe-1", "addresses": ["192.0.2.10"],
                                  "services": ["ACME-INTERNET-1"]}]}""").statusCode()).isEqualTo(200);
            // Every session learns of it (an alarm sent before would open a P3 ticket).
            EngineSessions.awaitInventory(node, 1);
            inputs.publish(List.of(Events.linkDown("192.0.2.10", 1, Instant.now())), event -> "acme-cpe-1");
            Map<String, Object> ticket = engine.awaitList("/api/v1/tickets", list -> list.size() == 1).get(0);
            assertThat(ticket).containsEntry("priority", "P1");
            assertThat(ticket.get("priorityReason").toString()).contains("service ACME-INTERNET-1 of Acme");

            Map<String, Object> health = engine.admin().getObject("/health");
            @SuppressWarnings("unchecked")
            Map<String, Object> details = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    health.get("details")).get("engine")).get("details");
            assertThat(health).containsEntry("status", "UP");

            // A device hanging off a parent of another domain is taken, with a warning, as one process
            // takes it: their alarms are ticketed in one session through the database (AlarmsAcrossDomainsIT).
            var crossing = engine.post("/api/v1/inventory/import", """
                    {"sites": [{"name": "Acme Lyon", "customer": "Acme", "address": "Lyon", "domain": "lyon"}],
                     "devices": [{"name": "acme-sw-2", "site": "Acme Lyon", "parent": "acme-cpe-1",
                                  "addresses": ["192.0.2.20"], "services": []}]}""");
            assertThat(crossing.statusCode()).as(crossing.body()).isEqualTo(200);
            assertThat(crossing.body()).contains("\"code\":\"domainParent\"").contains("\"key\":\"acme-sw-2\"")
                    .contains("is in correlation domain 'lyon' and its parent 'acme-cpe-1' in 'acme-cpe-1'");
            assertThat(engine.getPage("/api/v1/inventory/devices").rows()).hasSize(2);
            assertThat(((Map<String, ?>) details.get("partitions")).keySet()).containsExactlyInAnyOrder("0", "1", "2", "3");
        }
    }

    @Test
    void aNodeThatLostItsPartitionCommitsNothingMore() throws Exception {
        Map<String, Object> database = TestDatabase.fresh("engine_fence");
        try (TestApplication engine = TestApplication.start(database, engine("inputs-fence", "engine-1"))) {
            PartitionOffsets offsets = engine.context().getBean(PartitionOffsets.class);
            PartitionOffsets.Taken first = offsets.take("fenced-topic", 7);
            PartitionOffsets.Taken second = offsets.take("fenced-topic", 7);
            assertThat(first.fromStart()).isTrue();
            assertThat(second.epoch()).isEqualTo(first.epoch() + 1);
            try (Connection connection = StoredRows.connect(database)) {
                connection.setAutoCommit(false);
                offsets.advance(connection, "fenced-topic", second, 42);
                org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> offsets.advance(connection, "fenced-topic", first, 43))
                        .isInstanceOf(noc.engine.FencedException.class)
                        .hasMessageContaining("partition 7 of fenced-topic (epoch " + first.epoch() + ")");
                offsets.advance(connection, "fenced-topic", second, -1); // a cycle without inputs keeps the offset
                connection.commit();
            }
            assertThat(offsets.take("fenced-topic", 7).nextOffset()).isEqualTo(42);
        }
    }

    @Test
    void aPartitionTakenAwayInMariaDbWhileKafkaStillAssignsItHereIsTakenAgainAndLosesNothing() throws Exception {
        String topic = "inputs-retake";
        broker.createTopic(topic, PARTITIONS);
        Map<String, Object> database = TestDatabase.fresh("engine_retake");
        try (InputTopic inputs = new InputTopic(broker, topic); TestApplication engine = soleEngine(topic, database)) {
            EngineNode node = engine.context().getBean(EngineNode.class);
            List<AlarmEvent> before = alarms("rt-a-", 40);
            inputs.publish(before);
            awaitStoredOnce(database, "rt-a-", sources(before));

            // Another node's late take (it was cut off, then came back) moves every epoch on: this
            // node's next cycles are fenced, while Kafka still assigns it the partitions.
            PartitionOffsets offsets = engine.context().getBean(PartitionOffsets.class);
            for (int partition = 0; partition < PARTITIONS; partition++) {
                offsets.take(topic, partition);
            }
            List<AlarmEvent> after = alarms("rt-b-", 40);
            inputs.publish(after);
            List<AlarmEvent> all = new ArrayList<>(before);
            all.addAll(after);
            awaitStoredOnce(database, "rt-", sources(all));
            assertThat(node.partitions()).containsExactly(0, 1, 2, 3);
        }
        assertThat(storedPartitions(database, "inputs-retake").values())
                .allSatisfy(row -> assertThat(row[1]).as("epoch: taken, taken away, taken again").isEqualTo(3));
    }

    @Test
    void aTopicMadeAgainIsReadFromItsBeginningNotFromTheOffsetsOfTheOldOne() throws Exception {
        String topic = "inputs-remade";
        broker.createTopic(topic, PARTITIONS);
        Map<String, Object> database = TestDatabase.fresh("engine_remade");
        try (InputTopic inputs = new InputTopic(broker, topic)) {
            List<AlarmEvent> old = alarms("rm-a-", 100);
            inputs.publish(old);
            try (TestApplication engine = soleEngine(topic, database)) {
                awaitStoredOnce(database, "rm-a-", sources(old));
            }
        }
        broker.deleteTopic(topic);
        broker.createTopic(topic, PARTITIONS);
        try (InputTopic inputs = new InputTopic(broker, topic)) {
            // fewer records than the old topic had: each partition's new end is below its stored offset
            List<AlarmEvent> fresh = alarms("rm-b-", 30);
            inputs.publish(fresh);
            try (TestApplication engine = soleEngine(topic, database)) {
                awaitStoredOnce(database, "rm-b-", sources(fresh));
            }
            // then past the old offsets: none of these may be skipped, none of the earlier applied again
            List<AlarmEvent> more = alarms("rm-c-", 200);
            inputs.publish(more);
            try (TestApplication engine = soleEngine(topic, database)) {
                awaitStoredOnce(database, "rm-c-", sources(more));
                awaitStoredOnce(database, "rm-b-", sources(fresh));
            }
        }
        assertThat(storedPartitions(database, topic).values().stream().mapToLong(row -> row[0]).sum())
                .isEqualTo(230);
    }
}
