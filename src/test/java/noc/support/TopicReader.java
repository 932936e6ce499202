package noc.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic of a {@link KafkaBroker} as a test looks at it: every partition from its start, in no
 * consumer group, each record kept (key as text, value as bytes) so that a test can await the ones it
 * expects among all that came.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();

    /** Reads {@code topic}, which must exist: an {@link IllegalStateException} otherwise. */
    public TopicReader(KafkaBroker broker, String topic) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        if (partitions.isEmpty()) {
            consumer.close(Duration.ZERO);
            throw new IllegalStateException("the broker has no topic " + topic);
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Every record read so far, partition by partition in offset order. */
    public List<ConsumerRecord<String, byte[]>> records() {
        read.addAll(poll());
        return List.copyOf(read);
    }

    /** Every record up to the end the topic has now, partition by partition in offset order. */
    public List<ConsumerRecord<String, byte[]>> toEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(30));
        Await.until(Duration.ofSeconds(30), "the end of " + end, () -> {
            read.addAll(poll());
            return end.entrySet().stream().allMatch(partition -> consumer.position(partition.getKey())
                    >= partition.getValue());
        });
        return List.copyOf(read);
    }

    /**
     * Reads until the records read so far hold one that {@code wanted} takes, for at most
     * {@code timeout}; that record. Fails naming {@code what} otherwise.
     */
    public ConsumerRecord<String, byte[]> await(Duration timeout, String what,
                                                Predicate<ConsumerRecord<String, byte[]>> wanted) {
        return Await.value(timeout, what, () -> records().stream().filter(wanted).findFirst().orElse(null),
                found -> found != null);
    }

    private List<ConsumerRecord<String, byte[]>> poll() {
        List<ConsumerRecord<String, byte[]>> fresh = new ArrayList<>();
        consumer.poll(Duration.ofMillis(50)).forEach(fresh::add);
        return fresh;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
