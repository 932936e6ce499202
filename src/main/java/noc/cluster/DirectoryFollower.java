package noc.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import noc.inventory.CorrelationDomains;
import noc.security.ApiToken;
import noc.security.TokenDirectory;

/**
 * A collector's copy of the directory topic: the correlation domain of each source the inventory
 * knows, and the API tokens. Made before the intakes (they need it to key and to authenticate), it
 * first makes or checks the topics and reads the directory to its end, so that the first trap is
 * keyed as the engines' inventory says; then a thread of its own follows the topic for as long as the
 * collector runs. While Kafka cannot be read it keeps serving what it holds.
 */
@Singleton
@Requires(condition = Roles.Collector.class)
public final class DirectoryFollower implements TokenDirectory, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryFollower.class);
    private static final String START_TIMEOUT = "noc.cluster.collector.start-timeout";

    private final DirectoryRecords records;
    private final Clock clock;
    private final Map<String, String> domains = new ConcurrentHashMap<>();
    private final Map<String, ApiToken> tokens = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread follower;
    private volatile boolean closed;
    private volatile Instant lastChange;

    public DirectoryFollower(ClusterConfiguration cluster, CollectorConfiguration configuration,
                             DirectoryRecords records, Clock clock, MeterRegistry meters) {
        this.records = records;
        this.clock = clock;
        long started = System.nanoTime();
        Topics.ensure(cluster, "noc-collector-admin", configuration.startTimeout(), START_TIMEOUT);
        consumer = DirectoryConsumer.open(cluster, "noc-collector-directory");
        try {
            DirectoryConsumer.readToEnd(consumer, cluster, configuration.startTimeout(), START_TIMEOUT, this::apply);
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
        lastChange = clock.instant();
        LOG.info("Read the directory topic {} to its end: {} sources, {} API tokens ({} ms)", cluster.directoryTopic(),
                domains.size(), tokens.size(), (System.nanoTime() - started) / 1_000_000);
        Gauge.builder("noc.cluster.directory.entries", domains, Map::size).tag("kind", "address").register(meters);
        Gauge.builder("noc.cluster.directory.entries", tokens, Map::size).tag("kind", "token").register(meters);
        follower = new Thread(this::follow, "directory-follower");
        follower.setDaemon(true);
        follower.start();
    }

    /**
     * The correlation domain of an alarm from {@code source}: the directory's, else
     * {@code address:<source>}, which is what {@link CorrelationDomains#ofSource} says of a source the
     * inventory does not know.
     */
    public String domainOf(String source) {
        String domain = domains.get(source);
        return domain != null ? domain : CorrelationDomains.UNKNOWN_SOURCE + source;
    }

    /** The token whose secret hashes to {@code hash}. Its use is not noted: a collector keeps nothing. */
    @Override
    public Optional<ApiToken> useToken(String hash) {
        return Optional.ofNullable(tokens.get(hash));
    }

    /** When an entry last came (or, until one comes after the start, when the topic was read to its end). */
    public Instant lastChange() {
        return lastChange;
    }

    /** How many sources it knows. */
    public int sources() {
        return domains.size();
    }

    private void follow() {
        boolean failing = false;
        while (!closed) {
            try {
                consumer.poll(Duration.ofSeconds(1)).forEach(this::apply);
                if (failing) {
                    LOG.info("Reading the directory topic again");
                    failing = false;
                }
            } catch (WakeupException e) {
                // closing
            } catch (KafkaException e) {
                if (!failing) {
                    LOG.warn("Cannot read the directory topic, serving the {} sources and {} tokens held: {}",
                            domains.size(), tokens.size(), e.toString());
                    failing = true;
                }
                pause();
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        DirectoryRecords.Entry entry;
        try {
            entry = records.read(record.key(), record.value());
        } catch (IllegalArgumentException e) {
            LOG.warn("Skipped a directory record at offset {}: {}", record.offset(), e.getMessage());
            return;
        }
        if (entry instanceof DirectoryRecords.Entry.Address address) {
            if (address.domain() == null) {
                domains.remove(address.source());
            } else {
                domains.put(address.source(), address.domain());
            }
        } else if (entry instanceof DirectoryRecords.Entry.Token token) {
            if (token.token() == null) {
                tokens.remove(token.hash());
            } else {
                tokens.put(token.hash(), token.token());
            }
        } else {
            LOG.debug("Skipped a directory record of a kind this version does not read: {}", entry);
            return;
        }
        lastChange = clock.instant();
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @PreDestroy
    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            follower.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
