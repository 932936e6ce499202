package noc.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import noc.alarm.AlarmEvent;
import noc.engine.InputUnavailableException;
import noc.engine.Inputs;
import noc.engine.Receipt;

/**
 * A collector's {@link Inputs}: each alarm becomes a record of the inputs topic, keyed by the
 * correlation domain of its source ({@link DirectoryFollower#domainOf}), so that alarms that
 * correlate reach one partition and so one engine's session, in the order they came. Accepted means
 * acknowledged by Kafka: {@code acks=all} with an idempotent producer (a retried batch is written
 * once, and up to five batches in flight keep a key's order), and a {@link Receipt} completes on
 * the producer's callback.
 *
 * <p>An offer never waits: {@code max.block.ms} is 0, so a send that would wait (no room left in
 * {@code noc.cluster.collector.buffer-memory}, the topic's partitions not known) is refused at once,
 * and the intake answers as it does to a full engine queue, counting {@code kafka_unavailable}. A
 * record Kafka does not acknowledge within {@code noc.cluster.collector.delivery-timeout} fails its
 * receipt with an {@link InputUnavailableException}. Nothing is spooled to disk.
 */
@Singleton
@Requires(condition = Roles.Collector.class)
public final class KafkaInputs implements Inputs, AutoCloseable {

    /** The reason a refused or unacknowledged input is counted under. */
    public static final String UNAVAILABLE = "kafka_unavailable";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaInputs.class);
    private static final Refusal REFUSAL = new Refusal(UNAVAILABLE, "Kafka did not take the alarms (it is "
            + "unreachable, or the collector's buffer, noc.cluster.collector.buffer-memory, is full); "
            + "nothing was accepted");

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Function<String, String> domains;
    private final InputRecords records;
    private final Clock clock;
    private final Duration deliveryTimeout;
    /** Whether the last outcome was a failure: logged once per outage, shown on /health. */
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile Instant failingSince;
    private volatile Instant lastFailure;

    @Inject
    public KafkaInputs(ClusterConfiguration cluster, CollectorConfiguration configuration, DirectoryFollower directory,
                       InputRecords records, Clock clock) {
        this(new KafkaProducer<>(properties(cluster, configuration), new StringSerializer(), new ByteArraySerializer()),
                cluster.topic(), directory::domainOf, records, clock, configuration.deliveryTimeout());
        try {
            awaitPartitions(configuration.startTimeout(), cluster);
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    /**
     * @param domains the correlation domain of a source
     */
    KafkaInputs(Producer<String, byte[]> producer, String topic, Function<String, String> domains,
                InputRecords records, Clock clock, Duration deliveryTimeout) {
        this.producer = producer;
        this.topic = topic;
        this.domains = domains;
        this.records = records;
        this.clock = clock;
        this.deliveryTimeout = deliveryTimeout;
    }

    static Properties properties(ClusterConfiguration cluster, CollectorConfiguration configuration) {
        Properties properties = Topics.client(cluster, "noc-collector");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // An intake thread never waits on Kafka: no room or no metadata is a refusal at once.
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 0);
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, configuration.bufferMemory());
        int delivery = (int) configuration.deliveryTimeout().toMillis();
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, delivery / 2));
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, delivery);
        // The topic's partitions must stay known between sends (max.block.ms 0 cannot wait for them):
        // a producer forgets a topic idle for metadata.max.idle.ms, 5 minutes by default.
        properties.put(ProducerConfig.METADATA_MAX_IDLE_CONFIG, Integer.MAX_VALUE);
        return properties;
    }

    /**
     * Waits, before any intake opens, until the producer knows the topic's partitions: with
     * {@code max.block.ms} 0 a first send would otherwise be refused while they are fetched.
     */
    private void awaitPartitions(Duration timeout, ClusterConfiguration cluster) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                producer.partitionsFor(topic);
                return;
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the partitions of the Kafka topic " + topic + " were not known "
                            + "within " + timeout + " (noc.cluster.collector.start-timeout) from "
                            + cluster.bootstrapServers(), e);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Kafka", interrupted);
                }
            }
        }
    }

    @Override
    public boolean offer(Object input, Receipt receipt) {
        AlarmEvent event = alarm(input);
        return send(domains.apply(event.source()), records.alarm(event), receipt);
    }

    @Override
    public boolean offer(Object input) {
        return offer(input, Receipt.NONE);
    }

    /**
     * The alarms of one request, one {@code alarms} record per correlation domain, so that each reaches
     * the session of its domain; {@code receipt} is told committed once Kafka acknowledged every one,
     * failed as soon as one failed. Records of other domains may then have been acknowledged: a
     * resent request applies them twice, which their reduction keys fold into occurrence counts.
     */
    @Override
    public boolean offerAll(List<?> inputs, Receipt receipt) {
        Map<String, List<AlarmEvent>> byDomain = new LinkedHashMap<>();
        for (Object input : inputs) {
            AlarmEvent event = alarm(input);
            byDomain.computeIfAbsent(domains.apply(event.source()), domain -> new ArrayList<>()).add(event);
        }
        if (byDomain.isEmpty()) {
            receipt.committed(); // nothing to publish, as an empty request commits nothing
            return true;
        }
        if (byDomain.size() == 1) {
            Map.Entry<String, List<AlarmEvent>> only = byDomain.entrySet().iterator().next();
            return send(only.getKey(), records.alarms(only.getValue()), receipt);
        }
        AllAcknowledged all = new AllAcknowledged(byDomain.size(), receipt);
        for (Map.Entry<String, List<AlarmEvent>> domain : byDomain.entrySet()) {
            if (!send(domain.getKey(), records.alarms(domain.getValue()), all)) {
                all.abandon(); // answered as refused: what was sent already tells no one
                return false;
            }
        }
        return true;
    }

    @Override
    public Refusal refusal() {
        return REFUSAL;
    }

    /** Since when Kafka acknowledges nothing, while it does not; null while it does. */
    public Instant failingSince() {
        return failing.get() ? failingSince : null;
    }

    /** When the last record was refused or not acknowledged, while none has been acknowledged since; else null. */
    public Instant lastFailure() {
        return failing.get() ? lastFailure : null;
    }

    private static AlarmEvent alarm(Object input) {
        if (input instanceof AlarmEvent event) {
            return event;
        }
        // only intakes run in a collector, and they offer alarms
        throw new IllegalArgumentException("a collector publishes alarms only, not " + input.getClass().getName());
    }

    private boolean send(String key, byte[] value, Receipt receipt) {
        Delivery delivery = new Delivery(receipt);
        try {
            producer.send(new ProducerRecord<>(topic, key, value), delivery);
        } catch (KafkaException | IllegalStateException e) {
            failed(e);
            return false; // closed while stopping, or a record Kafka would never take
        }
        return delivery.sent();
    }

    private void acknowledged() {
        if (failing.compareAndSet(true, false)) {
            LOG.info("Kafka acknowledges records again");
        }
    }

    private void failed(Exception cause) {
        lastFailure = clock.instant();
        if (failing.compareAndSet(false, true)) {
            failingSince = clock.instant();
            LOG.warn("Kafka did not take or acknowledge a record, so alarms are refused ({}) until it does: {}",
                    UNAVAILABLE, cause.toString());
        }
    }

    /**
     * One record's outcome. The producer may call back before {@code send} returns (no room, no
     * metadata): that is a refusal, answered by {@code offer} returning false, and its receipt is
     * left untold.
     */
    private final class Delivery implements Callback {
        private final Receipt receipt;
        private boolean returned;
        private boolean early;
        private Exception earlyFailure;

        Delivery(Receipt receipt) {
            this.receipt = receipt;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception failure) {
            synchronized (this) {
                if (!returned) {
                    early = true;
                    earlyFailure = failure;
                    return;
                }
            }
            tell(failure);
        }

        /** Whether the record was taken; called once {@code send} returned. */
        boolean sent() {
            synchronized (this) {
                returned = true;
                if (!early) {
                    return true;
                }
            }
            if (earlyFailure == null) {
                tell(null);
                return true;
            }
            failed(earlyFailure);
            return false;
        }

        private void tell(Exception failure) {
            if (failure == null) {
                acknowledged();
                receipt.committed();
                return;
            }
            failed(failure);
            receipt.failed(new InputUnavailableException(UNAVAILABLE, "Kafka did not acknowledge the alarms within "
                    + "noc.cluster.collector.delivery-timeout (" + deliveryTimeout + "); they are not accepted, "
                    + "send them again", failure));
        }
    }

    /** Tells one receipt once the records of every domain of a request are acknowledged. */
    private final class AllAcknowledged implements Receipt {
        private final AtomicInteger waiting;
        private final AtomicBoolean told = new AtomicBoolean();
        private final Receipt receipt;

        AllAcknowledged(int records, Receipt receipt) {
            this.waiting = new AtomicInteger(records);
            this.receipt = receipt;
        }

        void abandon() {
            told.set(true);
        }

        @Override
        public void committed() {
            if (waiting.decrementAndGet() == 0 && told.compareAndSet(false, true)) {
                receipt.committed();
            }
        }

        @Override
        public void failed(Exception cause) {
            if (told.compareAndSet(false, true)) {
                receipt.failed(new InputUnavailableException(UNAVAILABLE, "Kafka did not acknowledge all the alarms "
                        + "within noc.cluster.collector.delivery-timeout (" + deliveryTimeout + "); they are not all "
                        + "accepted, send them again (those of other correlation domains may have been: sent again, "
                        + "they count as more occurrences)", cause.getCause() == null ? cause : cause.getCause()));
            }
        }
    }

    @PreDestroy
    @Override
    public void close() {
        // what waits for its acknowledgement gets it, or its failure, before the intakes' threads stop
        producer.close(Duration.ofSeconds(5));
    }
}
