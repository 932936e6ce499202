package noc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.micronaut.json.JsonMapper;
import noc.inventory.Device;
import noc.inventory.InventoryItem;
import noc.inventory.Site;
import noc.support.Await;
import noc.support.KafkaBroker;
import noc.support.TopicReader;

/**
 * An engine's directory publisher on a real broker: it makes the compacted topic, publishes what the
 * inventory says, and a publisher started later on a topic that holds entries the inventory no longer
 * has (a device deleted while no engine ran) removes them, and sends nothing that is already there.
 */
class DirectoryPublisherIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Site PARIS = new Site("Paris", null, "1 rue de Rivoli", "paris-pop");
    private static KafkaBroker broker;
    private static ClusterConfiguration cluster;
    private static DirectoryRecords records;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.start();
        cluster = new ClusterConfiguration("all", broker.bootstrapServers(), "inputs", 2, 1, "noc-engines",
                java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(10), null);
        records = new DirectoryRecords(JsonMapper.createDefault());
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static DirectoryPublisher publisher(List<InventoryItem> inventory) {
        return new DirectoryPublisher(cluster, () -> inventory, Map::of, records, Duration.ofMinutes(10));
    }

    /** The directory as its records say it, once it holds {@code expected}. */
    private static Map<String, String> awaitDirectory(Map<String, String> expected) {
        return Await.value(WAIT, "the directory to be " + expected, DirectoryPublisherIT::directory,
                expected::equals);
    }

    private static Map<String, String> directory() {
        try (TopicReader reader = new TopicReader(broker, cluster.directoryTopic())) {
            Map<String, String> entries = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : reader.toEnd()) {
                if (record.value() == null) {
                    entries.remove(record.key());
                } else {
                    entries.put(record.key(), new String(record.value(), StandardCharsets.UTF_8));
                }
            }
            return entries;
        } catch (RuntimeException e) {
            return Map.of(); // not made yet
        }
    }

    @Test
    void aPublisherRemovesWhatTheInventoryLostWhileNoEngineRan() {
        Device router = new Device("router", "Paris", null, List.of("192.0.2.1"), List.of());
        Device gone = new Device("gone", "Paris", null, List.of("192.0.2.2"), List.of());
        try (DirectoryPublisher first = publisher(List.of(PARIS, router, gone))) {
            awaitDirectory(Map.of("address:router", "paris-pop", "address:192.0.2.1", "paris-pop",
                    "address:gone", "paris-pop", "address:192.0.2.2", "paris-pop"));
        }
        int recordsBefore = recordCount();

        try (DirectoryPublisher second = publisher(List.of(PARIS, router))) {
            awaitDirectory(Map.of("address:router", "paris-pop", "address:192.0.2.1", "paris-pop"));
            assertThat(recordCount()).as("records written").isEqualTo(recordsBefore + 2); // two tombstones
        }
    }

    private static int recordCount() {
        try (TopicReader reader = new TopicReader(broker, cluster.directoryTopic())) {
            return reader.toEnd().size();
        }
    }
}
