package noc.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the directory topic from its start, in no consumer group (each reader wants all of it, and
 * keeps no offsets: it reads it whole at every start).
 */
final class DirectoryConsumer {

    private DirectoryConsumer() {
    }

    static KafkaConsumer<String, byte[]> open(ClusterConfiguration cluster, String clientId) {
        Properties properties = Topics.client(cluster, clientId);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Assigns every partition of the directory topic, from its start, and hands each record up to the
     * end the topic had when this began to {@code handle}.
     *
     * @throws IllegalStateException when that end is not reached within {@code timeout}, naming
     *                               {@code timeoutKey}, which sets it
     */
    static void readToEnd(KafkaConsumer<String, byte[]> consumer, ClusterConfiguration cluster, Duration timeout,
                          String timeoutKey, Consumer<ConsumerRecord<String, byte[]>> handle) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String topic = cluster.directoryTopic();
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, left(deadline)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, left(deadline));
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, left(deadline))
                    < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new org.apache.kafka.common.errors.TimeoutException("the end not reached");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(handle);
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IllegalStateException("the Kafka topic " + topic + " could not be read to its end within "
                    + timeout + " (" + timeoutKey + ") from " + cluster.bootstrapServers() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }
}
