package noc.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker the collector and engine tests will stand on: what the roles count on, records
 * acknowledged by every replica, one key in one partition in order, offsets committed by the
 * consumer, holds on a {@link KafkaBroker}.
 */
class KafkaBrokerIT {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerIT.class);
    private static final String TOPIC = "inputs";
    private static final int PARTITIONS = 6;
    private static final int KEYS = 100;
    private static final int RECORDS = 1_000;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void recordsProducedWithAcksAllArriveOnceEachKeyFromOnePartitionInOrder() throws Exception {
        long began = System.nanoTime();
        try (KafkaBroker broker = KafkaBroker.start()) {
            broker.createTopic(TOPIC, PARTITIONS);

            Map<String, Integer> producedPartition = produce(broker.bootstrapServers());
            List<ConsumerRecord<String, String>> consumed = new ArrayList<>();
            Map<TopicPartition, OffsetAndMetadata> committed;
            try (KafkaConsumer<String, String> consumer = consumer(broker.bootstrapServers())) {
                consumer.subscribe(List.of(TOPIC));
                Await.value(WAIT, RECORDS + " records consumed", () -> {
                    var records = consumer.poll(Duration.ofMillis(200));
                    records.forEach(consumed::add);
                    if (!records.isEmpty()) {
                        consumer.commitSync();
                    }
                    return consumed.size();
                }, count -> count >= RECORDS);
                // one more poll: a record delivered twice would come now
                consumer.poll(Duration.ofMillis(500)).forEach(consumed::add);
                committed = consumer.committed(partitions(), WAIT);
            }

            assertThat(consumed).hasSize(RECORDS);
            assertThat(consumed.stream().map(ConsumerRecord::value).collect(Collectors.toSet()))
                    .as("every record once").hasSize(RECORDS);
            Map<String, Set<Integer>> partitionsOfKey = new HashMap<>();
            Map<String, List<Integer>> sequencesOfKey = new TreeMap<>();
            for (ConsumerRecord<String, String> record : consumed) {
                partitionsOfKey.computeIfAbsent(record.key(), key -> new HashSet<>()).add(record.partition());
                sequencesOfKey.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(sequence(record.value()));
            }
            assertThat(partitionsOfKey).hasSize(KEYS);
            partitionsOfKey.forEach((key, partitions) -> assertThat(partitions).as("partitions of %s", key)
                    .containsExactly(producedPartition.get(key)));
            List<Integer> inOrder = IntStream.range(0, RECORDS / KEYS).boxed().toList();
            sequencesOfKey.forEach((key, sequences) -> assertThat(sequences).as("records of %s", key)
                    .isEqualTo(inOrder));
            assertThat(partitionsOfKey.values().stream().flatMap(Set::stream).collect(Collectors.toSet()))
                    .as("the keys spread over every partition").hasSize(PARTITIONS);

            long committedOffsets = committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
            assertThat(committedOffsets).as("offsets committed by the group").isEqualTo(RECORDS);

            LOG.info("Kafka broker started in {} ms; the test ({} records produced and consumed) took {} ms",
                    broker.startTime().toMillis(), RECORDS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
        }
    }

    /** Sends record {@code n} of each key as {@code key:n}; the partition each key went to. */
    private static Map<String, Integer> produce(String bootstrapServers) throws Exception {
        Map<String, Object> configuration = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        Map<String, Integer> partitionOfKey = new HashMap<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(configuration)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                String key = "device-" + (i % KEYS);
                keys.add(key);
                sent.add(producer.send(new ProducerRecord<>(TOPIC, key, key + ":" + i / KEYS)));
            }
            for (int i = 0; i < RECORDS; i++) {
                RecordMetadata acknowledged = sent.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                Integer earlier = partitionOfKey.putIfAbsent(keys.get(i), acknowledged.partition());
                assertThat(earlier).as("partition of %s", keys.get(i)).isIn(null, acknowledged.partition());
            }
        }
        return partitionOfKey;
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "kafka-broker-it",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    }

    private static Set<TopicPartition> partitions() {
        return IntStream.range(0, PARTITIONS).mapToObj(partition -> new TopicPartition(TOPIC, partition))
                .collect(Collectors.toSet());
    }

    private static int sequence(String value) {
        return Integer.parseInt(value.substring(value.indexOf(':') + 1));
    }
}
