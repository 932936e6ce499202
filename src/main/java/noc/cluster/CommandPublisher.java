package noc.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import noc.api.ProblemException;
import noc.configuration.NodeIdentity;
import noc.engine.Retention;

/**
 * Sends people's commands to the engine that owns their ticket (role {@code engine}), and waits for
 * what it made of them. A command is keyed by its correlation domain ({@link CommandDomains}) and
 * published with an id of its own, once a {@code PENDING} row stands under that id; the owner writes
 * the outcome in the transaction of the cycle that applied it ({@link CommandReceipt}), so that
 * "accepted" still means "committed". The outcome is seen at once when this node is the owner, else
 * by polling MariaDB every {@value #POLL_MILLIS} ms (one query for every command waiting); after
 * {@code noc.cluster.command-timeout} the wait ends with the row still {@code PENDING}, which the
 * sender answers with 202 and a URL to poll.
 *
 * <p>The producer waits for every replica ({@code acks=all}) and is idempotent, so that a retried send
 * never applies a command twice. Outcome rows older than a day are purged every hour, and so are the
 * recorded domains of tickets closed for longer than {@code noc.retention.closed-tickets}.
 */
@Singleton
@Requires(condition = Roles.Engine.class)
public class CommandPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(CommandPublisher.class);
    private static final long POLL_MILLIS = 50;
    private static final Duration MIN_BLOCK = Duration.ofSeconds(5);
    /** How long an outcome row is kept: nobody waits for it that long. */
    static final Duration OUTCOME_RETENTION = Duration.ofDays(1);

    private final ClusterConfiguration cluster;
    private final InputRecords records;
    private final CommandDomains domains;
    private final CommandOutcomeStore store;
    private final Retention retention;
    private final Clock clock;
    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, CompletableFuture<CommandOutcome>> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "command-outcomes");
        thread.setDaemon(true);
        return thread;
    });

    public CommandPublisher(ClusterConfiguration cluster, NodeIdentity node, InputRecords records,
                            CommandDomains domains, CommandOutcomeStore store, Retention retention, Clock clock) {
        this.cluster = cluster;
        this.records = records;
        this.domains = domains;
        this.store = store;
        this.retention = retention;
        this.clock = clock;
        this.producer = new KafkaProducer<>(producerProperties(cluster, node), new StringSerializer(),
                new ByteArraySerializer());
        runner.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        runner.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
    }

    private static Properties producerProperties(ClusterConfiguration cluster, NodeIdentity node) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", cluster.servers()));
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "noc-commands-" + node.id());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        // A request thread waits at most this long for the topic's metadata before it answers 503; a
        // short command timeout must not make the first send fail before the metadata could come.
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(Math.max(MIN_BLOCK.toMillis(),
                cluster.commandTimeout().toMillis())));
        return cluster.withClientProperties(properties);
    }

    /**
     * Publishes {@code command} and completes with its outcome: settled, or {@code PENDING} when
     * {@code noc.cluster.command-timeout} passed first.
     *
     * @throws ProblemException 422 when the command has no domain to go to (a maintenance scope over
     *                          several), 503 when Kafka did not take it (nothing was done)
     */
    public CompletableFuture<CommandOutcome> submit(Object command) {
        String id = UUID.randomUUID().toString();
        byte[] record = records.command(id, command);
        String domain;
        try {
            domain = domains.of(command);
            store.pending(id, clock.instant());
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("Command {} not sent: {}", id, e.getMessage());
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "The database did not answer; "
                    + "nothing was done", List.of());
        }
        CompletableFuture<CommandOutcome> outcome = new CompletableFuture<>();
        waiting.put(id, outcome);
        outcome.whenComplete((done, failure) -> waiting.remove(id));
        try {
            producer.send(new ProducerRecord<>(cluster.topic(), domain, record), (metadata, failure) -> {
                if (failure != null) {
                    // Off the producer's own thread: it must not wait for MariaDB.
                    runner.execute(() -> unsent(id, failure));
                }
            });
        } catch (RuntimeException e) {
            unsent(id, e);
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Kafka did not take the "
                    + "command (" + e.getMessage() + "); nothing was done", List.of());
        }
        outcome.completeOnTimeout(new CommandOutcome(id, CommandOutcome.Status.PENDING, null, clock.instant()),
                cluster.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return outcome;
    }

    private void unsent(String id, Exception failure) {
        LOG.warn("Command {} was not published: {}", id, failure.getMessage());
        Instant now = clock.instant();
        try {
            store.unsent(id, now);
        } catch (RuntimeException e) {
            LOG.warn("Command {} could not be marked unsent: {}", id, e.getMessage());
        }
        CompletableFuture<CommandOutcome> waiter = waiting.get(id);
        if (waiter != null) {
            CommandOutcome outcome = new CommandOutcome(id, CommandOutcome.Status.UNSENT, null, now);
            try {
                // An engine may have applied it after all (a send reported failed may have arrived).
                outcome = store.find(id).filter(found -> found.status().settled()).orElse(outcome);
            } catch (RuntimeException e) {
                LOG.warn("Command {}: its outcome could not be read: {}", id, e.getMessage());
            }
            waiter.complete(outcome);
        }
    }

    /** A command this node applied is settled: whoever waits for it here is told at once. */
    void settled(CommandOutcome outcome) {
        CompletableFuture<CommandOutcome> waiter = waiting.get(outcome.id());
        if (waiter != null) {
            waiter.complete(outcome);
        }
    }

    /** Settles the commands waited for here that other nodes applied. */
    private void poll() {
        if (waiting.isEmpty()) {
            return;
        }
        try {
            for (CommandOutcome outcome : store.settled(List.copyOf(waiting.keySet()))) {
                settled(outcome);
            }
        } catch (RuntimeException e) {
            LOG.warn("Reading command outcomes failed: {}", e.getMessage());
        }
    }

    private void purge() {
        try {
            Instant now = clock.instant();
            int purged = store.purge(now.minus(OUTCOME_RETENTION),
                    retention.closedTicketsBefore(now).minus(Duration.ofDays(1)));
            if (purged > 0) {
                LOG.info("Purged {} command outcomes and ticket domains", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("Purging command outcomes failed: {}", e.getMessage());
        }
    }

    @PreDestroy
    public void close() {
        runner.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }
}
