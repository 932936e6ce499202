package noc.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import noc.inventory.CorrelationDomains;
import noc.inventory.InventoryChanged;
import noc.inventory.InventoryItem;
import noc.inventory.InventoryStore;
import noc.security.ApiToken;
import noc.security.Directory;

/**
 * An engine's side of the directory topic: it keeps the topic equal to what MariaDB says collectors
 * should route and authenticate by, every source's correlation domain and every API token. At start
 * it reads the topic to its end and publishes what differs (all of it when the topic was wiped,
 * tombstones for what no longer exists); then, on a thread of its own, again after each committed
 * inventory change on this node ({@link InventoryChanged}), after each read of the tokens, and every
 * {@code noc.cluster.directory-refresh} (30 s) from MariaDB, for changes made on other nodes. Only what
 * changed is sent, so several engines publishing the same state cost nothing but the comparison.
 * While Kafka is away it tries again each round; collectors meanwhile serve what they hold.
 */
@Context
@Requires(condition = Roles.Engine.class)
public final class DirectoryPublisher implements ApplicationEventListener<InventoryChanged>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryPublisher.class);
    private static final Duration ROUND = Duration.ofSeconds(1);
    private static final Duration KAFKA_WAIT = Duration.ofSeconds(30);
    private static final String REFRESH_KEY = "noc.cluster.directory-refresh";

    private final ClusterConfiguration cluster;
    private final Supplier<? extends Collection<? extends InventoryItem>> inventory;
    private final Supplier<Map<String, ApiToken>> tokens;
    private final DirectoryRecords records;
    private final Duration refresh;
    private final Thread thread;
    private final Object nudge = new Object();
    private volatile boolean closed;
    /** The latest inventory announced on this node, until a round takes it. */
    private volatile Collection<? extends InventoryItem> announced;
    /** What the topic holds, as far as this publisher knows: key to value as text. */
    private Map<String, String> published;
    private KafkaProducer<String, byte[]> producer;

    @Inject
    public DirectoryPublisher(ClusterConfiguration cluster, InventoryStore store, Directory directory,
                              DirectoryRecords records, @Value("${" + REFRESH_KEY + ":30s}") Duration refresh) {
        this(cluster, () -> store.load().all(), directory::tokens, records, refresh);
    }

    /**
     * @param inventory reads the whole inventory from MariaDB
     * @param tokens    the API tokens by hash, as last read; a new map when they were read again
     */
    public DirectoryPublisher(ClusterConfiguration cluster,
                              Supplier<? extends Collection<? extends InventoryItem>> inventory,
                              Supplier<Map<String, ApiToken>> tokens, DirectoryRecords records, Duration refresh) {
        if (refresh.compareTo(ROUND) < 0) {
            throw new IllegalArgumentException(REFRESH_KEY + " must be 1s or more, not " + refresh);
        }
        this.cluster = cluster;
        this.inventory = inventory;
        this.tokens = tokens;
        this.records = records;
        this.refresh = refresh;
        this.thread = new Thread(this::run, "directory-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void onApplicationEvent(InventoryChanged event) {
        announced = event.snapshot().items();
        synchronized (nudge) {
            nudge.notifyAll();
        }
    }

    private void run() {
        Collection<? extends InventoryItem> items = null;
        Map<String, ApiToken> tokensUsed = null;
        long refreshed = 0;
        boolean failing = false;
        boolean pending = true;
        while (!closed) {
            try {
                if (published == null) {
                    start();
                }
                Collection<? extends InventoryItem> fresh = announced;
                if (fresh != null) {
                    announced = null;
                    items = fresh;
                    pending = true;
                }
                if (items == null || System.nanoTime() - refreshed >= refresh.toNanos()) {
                    items = inventory.get();
                    refreshed = System.nanoTime();
                    pending = true;
                }
                Map<String, ApiToken> current = tokens.get();
                if (current != tokensUsed) {
                    tokensUsed = current;
                    pending = true;
                }
                if (pending) {
                    publish(wanted(items, current));
                    pending = false;
                }
                if (failing) {
                    LOG.info("Publishing the directory topic {} again", cluster.directoryTopic());
                    failing = false;
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.warn("Cannot publish the directory topic {}; trying again every {} s: {}",
                            cluster.directoryTopic(), ROUND.toSeconds(), e.toString());
                    failing = true;
                }
            } catch (InterruptedException e) {
                break;
            }
            if (closed) {
                break;
            }
            synchronized (nudge) {
                try {
                    if (announced == null) {
                        nudge.wait(ROUND.toMillis());
                    }
                } catch (InterruptedException e) {
                    break;
                }
            }
        }
        Thread.interrupted(); // closing: the producer's close would stop at once on the flag
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Makes or checks the topics and reads what the directory holds. */
    private void start() {
        Topics.ensure(cluster, "noc-engine-admin", KAFKA_WAIT, "the directory publisher's wait");
        Map<String, String> found = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = DirectoryConsumer.open(cluster, "noc-engine-directory")) {
            DirectoryConsumer.readToEnd(consumer, cluster, KAFKA_WAIT, "the directory publisher's wait", record -> {
                if (record.value() == null) {
                    found.remove(record.key());
                } else {
                    found.put(record.key(), new String(record.value(), StandardCharsets.UTF_8));
                }
            });
        }
        if (producer == null) {
            producer = new KafkaProducer<>(properties(), new StringSerializer(), new ByteArraySerializer());
        }
        published = found;
    }

    private Properties properties() {
        Properties properties = Topics.client(cluster, "noc-engine-directory");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) KAFKA_WAIT.toMillis());
        return properties;
    }

    /** What the directory should hold for this inventory and these tokens. */
    private Map<String, String> wanted(Collection<? extends InventoryItem> items, Map<String, ApiToken> current) {
        Map<String, String> wanted = new HashMap<>();
        CorrelationDomains.of(items).sources().forEach((source, domain) ->
                wanted.put(DirectoryRecords.addressKey(source), domain));
        current.forEach((hash, token) -> wanted.put(DirectoryRecords.tokenKey(hash),
                new String(records.token(token), StandardCharsets.UTF_8)));
        return wanted;
    }

    /** Sends what differs from what the topic holds, and waits for Kafka's acknowledgement of it all. */
    private void publish(Map<String, String> wanted) throws InterruptedException {
        List<String> keys = new ArrayList<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        int removed = 0;
        for (Map.Entry<String, String> entry : wanted.entrySet()) {
            if (!entry.getValue().equals(published.get(entry.getKey()))) {
                keys.add(entry.getKey());
                sent.add(producer.send(new ProducerRecord<>(cluster.directoryTopic(), entry.getKey(),
                        entry.getValue().getBytes(StandardCharsets.UTF_8))));
            }
        }
        for (String key : published.keySet()) {
            if (!wanted.containsKey(key) && (key.startsWith(DirectoryRecords.ADDRESS)
                    || key.startsWith(DirectoryRecords.TOKEN))) {
                keys.add(key);
                sent.add(producer.send(new ProducerRecord<>(cluster.directoryTopic(), key, null)));
                removed++;
            }
        }
        if (sent.isEmpty()) {
            return;
        }
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get();
            } catch (ExecutionException e) {
                // what was acknowledged stays published; the next round sends the rest again
                for (int done = 0; done < i; done++) {
                    record(keys.get(done), wanted);
                }
                throw new IllegalStateException("Kafka did not acknowledge the entry " + keys.get(i) + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
        }
        keys.forEach(key -> record(key, wanted));
        LOG.info("Published {} directory entries to {} ({} removed); it holds {}", sent.size(),
                cluster.directoryTopic(), removed, published.size());
    }

    private void record(String key, Map<String, String> wanted) {
        String value = wanted.get(key);
        if (value == null) {
            published.remove(key);
        } else {
            published.put(key, value);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
