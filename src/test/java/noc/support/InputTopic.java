package noc.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.micronaut.json.JsonMapper;
import noc.alarm.AlarmEvent;
import noc.cluster.InputRecords;
import noc.inventory.CorrelationDomains;

/**
 * Publishes alarms to an inputs topic as a collector does (the same records, keyed by the correlation
 * domain of a source the inventory does not know), each acknowledged by all replicas before the call
 * returns: what a test of the engine role feeds it.
 */
public final class InputTopic implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final InputRecords records = new InputRecords(JsonMapper.createDefault());
    private final String topic;

    public InputTopic(KafkaBroker broker, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "5"), new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes each alarm keyed {@code address:<source>}, and waits until all are acknowledged. */
    public void publish(List<AlarmEvent> events) {
        publish(events, event -> CorrelationDomains.UNKNOWN_SOURCE + event.source());
    }

    /** Publishes each alarm keyed by {@code domain} (a collector keys by the source's correlation domain). */
    public void publish(List<AlarmEvent> events, java.util.function.Function<AlarmEvent, String> domain) {
        List<java.util.concurrent.Future<?>> sent = events.stream().<java.util.concurrent.Future<?>>map(event ->
                producer.send(new ProducerRecord<>(topic, domain.apply(event), records.alarm(event)))).toList();
        for (java.util.concurrent.Future<?> each : sent) {
            try {
                each.get(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("a record was not acknowledged: " + e.getMessage(), e);
            }
        }
    }

    /** Publishes {@code value} as it is, keyed {@code key} (a record of another version), and waits until it is acknowledged. */
    public void publish(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("a record was not acknowledged: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
