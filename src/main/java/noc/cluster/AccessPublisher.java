package noc.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import noc.alarm.AccessStore;
import noc.alarm.AlarmTicket;
import noc.alarm.ServiceAccess;
import noc.configuration.NodeIdentity;
import noc.engine.Retention;
import noc.maintenance.WindowScope;
import noc.maintenance.WindowScopeStore;

/**
 * Sends what crosses correlation domains because of customer services and parent links (role
 * {@code engine}; docs/correlation-domains.md, "Alarms across domains"): every {@value #POLL_MILLIS} ms, the pending
 * {@code service_access} rows, keyed by their group's home, and {@code alarm_ticket} rows, keyed by
 * the alarm's own domain, and {@code window_scope} rows (the maintenance windows other sessions must
 * know), keyed by the domain to tell, as records of the inputs topic ({@link InputRecords#access},
 * {@link InputRecords#ticket}, {@link InputRecords#window}), which the owning sessions apply in a cycle with their offset. Rows are
 * claimed with {@code SKIP LOCKED}, so that several engine nodes share the sending, and marked sent
 * once Kafka acknowledged them ({@code acks=all}, idempotent producer). A claimed row stays locked until
 * its send is acknowledged or fails, within {@value #SEND_WAIT_SECONDS} s (a cycle that changes that
 * alarm meanwhile waits for it); while Kafka is away the engines take no input either. Sent rows of alarms cleared
 * longer than the alarm retention, plus a day, are purged every hour.
 */
@Context
@Requires(condition = Roles.Engine.class)
public class AccessPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(AccessPublisher.class);
    static final long POLL_MILLIS = 100;
    private static final int BATCH = 500;
    /** How long a batch of sends may take, claimed rows locked meanwhile. */
    static final long SEND_WAIT_SECONDS = 10;
    private static final Duration SEND_WAIT = Duration.ofSeconds(SEND_WAIT_SECONDS);

    private final ClusterConfiguration cluster;
    private final InputRecords records;
    private final AccessStore store;
    private final WindowScopeStore scopes;
    private final Retention retention;
    private final Clock clock;
    private final KafkaProducer<String, byte[]> producer;
    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "service-access");
        thread.setDaemon(true);
        return thread;
    });
    private boolean failing;

    public AccessPublisher(ClusterConfiguration cluster, NodeIdentity node, InputRecords records, AccessStore store,
                           WindowScopeStore scopes, Retention retention, Clock clock) {
        this.scopes = scopes;
        this.cluster = cluster;
        this.records = records;
        this.store = store;
        this.retention = retention;
        this.clock = clock;
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", cluster.servers()));
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "noc-access-" + node.id());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        // The rows a send claims stay locked until it is acknowledged or fails: a cycle changing one of
        // those alarms waits for it, so a Kafka that is away must fail the send soon.
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(SEND_WAIT.toMillis() / 5));
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(SEND_WAIT.toMillis() / 2));
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(SEND_WAIT.toMillis()));
        this.producer = new KafkaProducer<>(cluster.withClientProperties(properties), new StringSerializer(),
                new ByteArraySerializer());
        runner.scheduleWithFixedDelay(this::send, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        runner.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
    }

    private void send() {
        try {
            int sent;
            do {
                sent = store.send(BATCH, (key, input) -> producer.send(new ProducerRecord<>(cluster.topic(), key,
                        input instanceof ServiceAccess access ? records.access(access)
                                : records.ticket((AlarmTicket) input))), SEND_WAIT);
            } while (sent == BATCH);
            do {
                sent = scopes.send(BATCH, (key, input) -> producer.send(new ProducerRecord<>(cluster.topic(), key,
                        records.window((WindowScope) input))), SEND_WAIT);
            } while (sent == BATCH);
            if (failing) {
                LOG.info("Service accesses are sent again");
            }
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("Sending service accesses failed (trying again every {} ms): {}", POLL_MILLIS, e.getMessage());
            }
            failing = true;
        }
    }

    private void purge() {
        try {
            Instant now = clock.instant();
            store.purge(retention.clearedAlarmsBefore(now).minus(Duration.ofDays(1)));
            scopes.purge(now.minus(Duration.ofDays(1)));
        } catch (RuntimeException e) {
            LOG.warn("Purging sent service accesses failed: {}", e.getMessage());
        }
    }

    @PreDestroy
    public void close() {
        runner.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }
}
