package noc.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.micronaut.json.JsonMapper;
import noc.alarm.AlarmEvent;
import noc.engine.InputUnavailableException;
import noc.engine.Receipt;
import noc.inventory.InventorySnapshot;
import noc.support.Events;

/**
 * What a collector tells an intake of each offer, on Kafka's own stand-in producer: the records it
 * sends, and when each receipt is told (acknowledged, failed, refused at once).
 */
class KafkaInputsTest {

    private static final Instant AT = Instant.parse("2026-12-02T08:15:30Z");
    private static final Map<String, String> DOMAINS = Map.of("10.0.0.1", "paris", "10.0.0.2", "lyon");
    private final InputRecords records = new InputRecords(JsonMapper.createDefault());

    private KafkaInputs inputs(MockProducer<String, byte[]> producer) {
        return new KafkaInputs(producer, "noc-inputs", source -> DOMAINS.getOrDefault(source, "address:" + source),
                records, Clock.fixed(AT, ZoneOffset.UTC), Duration.ofSeconds(30));
    }

    private static MockProducer<String, byte[]> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(), new ByteArraySerializer());
    }

    /** What a receipt was told, in order. */
    private static final class Told implements Receipt {
        final List<Object> outcomes = new ArrayList<>();

        @Override
        public synchronized void committed() {
            outcomes.add("committed");
        }

        @Override
        public synchronized void failed(Exception cause) {
            outcomes.add(cause);
        }
    }

    @Test
    void anAlarmIsOneRecordKeyedByTheDomainOfItsSourceAndCommittedOnItsAcknowledgement() {
        MockProducer<String, byte[]> producer = producer(false);
        Told told = new Told();
        AlarmEvent alarm = Events.linkDown("10.0.0.1", 3, AT);

        assertThat(inputs(producer).offer(alarm, told)).isTrue();

        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("noc-inputs");
            assertThat(record.key()).isEqualTo("paris");
            assertThat(records.read(record.value())).isEqualTo(alarm);
        });
        assertThat(told.outcomes).as("before the acknowledgement").isEmpty();
        producer.completeNext();
        assertThat(told.outcomes).containsExactly("committed");
    }

    @Test
    void aSourceTheDirectoryDoesNotKnowIsKeyedByItsAddress() {
        MockProducer<String, byte[]> producer = producer(true);

        assertThat(inputs(producer).offer(Events.linkDown("192.0.2.99", 1, AT))).isTrue();

        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("address:192.0.2.99");
    }

    @Test
    void anAcknowledgementBeforeTheSendReturnsCommitsAtOnce() {
        Told told = new Told();

        assertThat(inputs(producer(true)).offer(Events.linkDown("10.0.0.2", 1, AT), told)).isTrue();

        assertThat(told.outcomes).containsExactly("committed");
    }

    @Test
    void aRequestAcrossTwoDomainsIsOneRecordEachAndCommittedOnceBothAreAcknowledged() {
        MockProducer<String, byte[]> producer = producer(false);
        Told told = new Told();
        List<AlarmEvent> request = List.of(Events.linkDown("10.0.0.1", 1, AT), Events.linkDown("10.0.0.2", 2, AT),
                Events.linkUp("10.0.0.1", 1, AT.plusSeconds(1)));

        assertThat(inputs(producer).offerAll(request, told)).isTrue();

        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("paris", "lyon");
        assertThat(records.read(producer.history().get(0).value())).isEqualTo(List.of(request.get(0), request.get(2)));
        assertThat(records.read(producer.history().get(1).value())).isEqualTo(List.of(request.get(1)));
        producer.completeNext();
        assertThat(told.outcomes).as("one of two acknowledged").isEmpty();
        producer.completeNext();
        assertThat(told.outcomes).containsExactly("committed");
    }

    @Test
    void aRequestFailsOnceAsSoonAsTheRecordOfOneDomainFails() {
        MockProducer<String, byte[]> producer = producer(false);
        Told told = new Told();

        inputs(producer).offerAll(List.of(Events.linkDown("10.0.0.1", 1, AT), Events.linkDown("10.0.0.2", 2, AT)), told);
        producer.errorNext(new TimeoutException("Expiring 1 record(s)"));
        producer.completeNext();

        assertThat(told.outcomes).singleElement().isInstanceOfSatisfying(InputUnavailableException.class, failure -> {
            assertThat(failure.reason()).isEqualTo("kafka_unavailable");
            assertThat(failure.getMessage()).contains("Kafka did not acknowledge all the alarms",
                    "those of other correlation domains may have been");
        });
    }

    @Test
    void aRecordKafkaDoesNotAcknowledgeFailsItsReceiptAsUnavailable() {
        MockProducer<String, byte[]> producer = producer(false);
        Told told = new Told();
        KafkaInputs inputs = inputs(producer);

        inputs.offer(Events.linkDown("10.0.0.1", 1, AT), told);
        producer.errorNext(new TimeoutException("Expiring 1 record(s)"));

        assertThat(told.outcomes).singleElement().isInstanceOfSatisfying(InputUnavailableException.class,
                failure -> assertThat(failure.reason()).isEqualTo("kafka_unavailable"));
        assertThat(inputs.failingSince()).isEqualTo(AT);
        inputs.offer(Events.linkDown("10.0.0.1", 2, AT), new Told());
        producer.completeNext();
        assertThat(inputs.failingSince()).as("acknowledging again").isNull();
    }

    @Test
    void aSendRefusedAtOnceIsARefusalAndTellsTheReceiptNothing() {
        Told told = new Told();
        MockProducer<String, byte[]> full = new MockProducer<>(false, null, new StringSerializer(),
                new ByteArraySerializer()) {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
                // as KafkaProducer answers when buffer.memory is full and max.block.ms is 0
                BufferExhaustedException refused = new BufferExhaustedException("Failed to allocate 120 bytes within 0 ms");
                callback.onCompletion(null, refused);
                return CompletableFuture.failedFuture(refused);
            }
        };
        KafkaInputs inputs = inputs(full);

        assertThat(inputs.offer(Events.linkDown("10.0.0.1", 1, AT), told)).isFalse();
        assertThat(inputs.offerAll(List.of(Events.linkDown("10.0.0.1", 1, AT), Events.linkDown("10.0.0.2", 1, AT)),
                told)).isFalse();

        assertThat(told.outcomes).isEmpty();
        assertThat(inputs.refusal().reason()).isEqualTo("kafka_unavailable");
        assertThat(inputs.failingSince()).isEqualTo(AT);
    }

    @Test
    void aSendThatThrowsIsARefusal() {
        MockProducer<String, byte[]> closed = producer(false);
        closed.sendException = new org.apache.kafka.common.KafkaException("closed");
        Told told = new Told();

        assertThat(inputs(closed).offer(Events.linkDown("10.0.0.1", 1, AT), told)).isFalse();
        assertThat(told.outcomes).isEmpty();
    }

    @Test
    void anEmptyRequestIsCommittedWithoutARecord() {
        MockProducer<String, byte[]> producer = producer(false);
        Told told = new Told();

        assertThat(inputs(producer).offerAll(List.of(), told)).isTrue();

        assertThat(producer.history()).isEmpty();
        assertThat(told.outcomes).containsExactly("committed");
    }

    @Test
    void aCollectorPublishesAlarmsOnly() {
        assertThatThrownBy(() -> inputs(producer(true)).offer(new InventorySnapshot(List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a collector publishes alarms only, not noc.inventory.InventorySnapshot");
    }
}
