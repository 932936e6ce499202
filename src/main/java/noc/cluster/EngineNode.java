package noc.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.annotation.PreDestroy;
import noc.alarm.AlarmEvent;
import noc.alarm.AlarmStore;
import noc.configuration.NodeIdentity;
import noc.domain.NocDomain;
import noc.domain.SessionState;
import noc.domain.SessionStateLoader;
import noc.engine.CompiledRules;
import noc.engine.Engine;
import noc.engine.EngineConfiguration;
import noc.engine.EngineQueue;
import noc.engine.Receipt;
import noc.engine.RuleBuildException;
import noc.engine.RuleCompiler;
import noc.engine.RuleDeployment;
import noc.engine.RuleReloader;
import noc.inventory.CorrelationDomains;
import noc.inventory.InventorySnapshot;
import noc.inventory.InventoryStore;
import noc.engine.RulesConfiguration;

/**
 * An engine node (role {@code engine}): a member of the consumer group {@code noc.cluster.group} on
 * the inputs topic, running one rules session per partition it is assigned.
 *
 * <p>One consumer thread polls and hands each record to its partition's {@link Engine} (its own
 * queue, engine thread and commit thread; the sessions are independent). When a partition's queue is
 * full its records wait and the partition is paused, so a slow session never holds up the others nor
 * loses an input. Offsets are never committed to Kafka: each cycle writes the position after its last
 * input in MariaDB, in the cycle's own transaction, under the epoch the partition was taken with
 * ({@link PartitionOffsets}).
 *
 * <p>Assigned partitions are first taken in MariaDB (which fences out their former owner), then their
 * sessions are built from what MariaDB holds of them, and the consumer seeks to the stored positions.
 * A revoked partition's engine applies and commits what it was handed, then its session is dropped;
 * the records it had not been handed are read again by the new owner. Time-based rules fire in the
 * session that holds the ticket, on the node that owns its partition, from the deadlines stored with
 * it: after a failover the new owner's session fires what fell due meanwhile.
 */
@Context
@Requires(condition = Roles.Engine.class)
public final class EngineNode implements ConsumerRebalanceListener, RuleDeployment {

    private static final Logger LOG = LoggerFactory.getLogger(EngineNode.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration SIGNALS = Duration.ofSeconds(1);
    /** Refusal reasons of a record a newer node wrote: the partition waits rather than skip it. */
    private static final java.util.Set<String> NEWER = java.util.Set.of("unknown_version", "unknown_type");

    private final ClusterConfiguration cluster;
    private final EngineConfiguration configuration;
    private final Clock clock;
    private final NocDomain domain;
    private final SessionStateLoader loader;
    private final AlarmStore alarms;
    private final noc.alarm.AccessStore accesses;
    private final PartitionOffsets offsets;
    private final InputRecords records;
    private final MeterRegistry meters;
    private final ClusterSignals signals;
    private final InventoryStore inventory;
    private final jakarta.inject.Provider<RuleReloader> reloader;
    private long signalsReadAt;
    /** The correlation domains of the inventory the sessions last had, and the topic's partition count. */
    private CorrelationDomains domains;
    private int partitionCount;
    private boolean signalsFailing;
    private final CommandReplies replies;
    private final CommandOutcomeStore outcomes;
    private final CommandPublisher commands;
    private final ExecutorService blocking;
    private volatile CompiledRules rules;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<Integer, Owned> owned = new ConcurrentHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    /** Asks Kafka for the inputs topic's id (consumer thread only); made at the first assignment. */
    private org.apache.kafka.clients.admin.Admin admin;
    private volatile String failure;

    public EngineNode(ClusterConfiguration cluster, EngineConfiguration configuration, RulesConfiguration rules,
                      Clock clock, NocDomain domain, SessionStateLoader loader, AlarmStore alarms,
                      PartitionOffsets offsets, InputRecords records, MeterRegistry meters, NodeIdentity node,
                      EngineQueue localQueue, ClusterSignals signals, InventoryStore inventory,
                      jakarta.inject.Provider<RuleReloader> reloader, CommandReplies replies,
                      CommandOutcomeStore outcomes, CommandPublisher commands,
                      @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                      noc.maintenance.MaintenanceStore maintenance, noc.alarm.AccessStore accesses)
            throws RuleBuildException {
        this.accesses = accesses;
        this.signals = signals;
        this.inventory = inventory;
        this.reloader = reloader;
        this.cluster = cluster;
        this.configuration = configuration;
        this.clock = clock;
        this.domain = domain;
        this.loader = loader;
        this.alarms = alarms;
        this.offsets = offsets;
        this.records = records;
        this.meters = meters;
        this.replies = replies;
        this.outcomes = outcomes;
        this.commands = commands;
        this.blocking = blocking;
        this.rules = RuleCompiler.forEngines().compile(rules.directory());
        this.rules.warnings().forEach(w -> LOG.warn("Rule warning: {}", w));
        // Inputs reach this node's sessions through Kafka only: anything offered here is refused at once.
        localQueue.close();
        // The sessions read the inventory and the rules as they are now: earlier signals are applied.
        signals.startingFromNow();
        WindowDomains.pinOpenWindows(inventory, maintenance, outcomes, clock);
        this.consumer = new KafkaConsumer<>(consumerProperties(cluster, node));
        io.micrometer.core.instrument.Gauge.builder("noc.engine.queue.size", owned,
                        parts -> parts.values().stream().mapToInt(part -> part.queue().size() + part.backlog().size()).sum())
                .description("inputs waiting for the engine").register(meters);
        io.micrometer.core.instrument.Gauge.builder("noc.engine.rules.loaded", this, self -> self.rules.ruleCount())
                .description("rules in the running rule base").register(meters);
        LOG.info("Engine node {}: {} rules from {}; joining group {} on topic {}", node.id(), this.rules.ruleCount(),
                this.rules.files(), cluster.group(), cluster.topic());
        new Thread(this::run, "engine-consumer").start();
    }

    private static Properties consumerProperties(ClusterConfiguration cluster, NodeIdentity node) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", cluster.servers()));
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, cluster.group());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "noc-engine-" + node.id());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A topic made by a subscription would have the broker's default partitions, not noc.cluster.partitions.
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Long.toString(cluster.sessionTimeout().toMillis()));
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                Long.toString(Math.max(500, cluster.sessionTimeout().toMillis() / 3)));
        properties.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return cluster.withClientProperties(properties);
    }

    /** The partitions this node runs a session of, sorted. */
    public List<Integer> partitions() {
        return owned.keySet().stream().sorted().toList();
    }

    @Override
    public CompiledRules rules() {
        return rules;
    }

    /** Runs {@code rules} in every session of this node from its next cycle, and in the sessions built from now. */
    @Override
    public void deploy(CompiledRules next) {
        rules = next;
        owned.values().forEach(part -> part.engine().deploy(next));
    }

    /** Why the consumer thread stopped while the application runs, or null while it works. */
    public String failure() {
        return failure;
    }

    /** The partitions stopped at a record this engine cannot read, with why (for health). */
    public Map<Integer, String> blocked() {
        Map<Integer, String> blocked = new java.util.TreeMap<>();
        owned.forEach((partition, part) -> {
            if (part.blocked != null) {
                blocked.put(partition, part.blocked);
            }
        });
        return blocked;
    }

    /** The partitions' engines, by partition (for health and tests). */
    public Map<Integer, Engine> engines() {
        Map<Integer, Engine> engines = new java.util.TreeMap<>();
        owned.forEach((partition, part) -> engines.put(partition, part.engine()));
        return engines;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(cluster.topic()), this);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    Owned part = owned.get(record.partition());
                    if (part != null) {
                        part.backlog().add(record);
                    }
                }
                handOver();
                readSignals();
            }
        } catch (WakeupException e) {
            // stopping
        } catch (Throwable e) {
            failure = "the consumer thread stopped: " + e;
            LOG.error("The engine node's consumer thread died; its sessions stop", e);
        } finally {
            stopAll("stopping");
            try {
                consumer.close(Duration.ofSeconds(10));
            } catch (RuntimeException e) {
                LOG.warn("Closing the consumer failed", e);
            }
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
            stopped.countDown();
        }
    }

    /**
     * Once a second, applies what another node signalled: an inventory change goes to every session as
     * a snapshot (before the records that follow), a rule reload makes this node reload its folder.
     */
    private void readSignals() {
        long now = System.nanoTime();
        if (now - signalsReadAt < SIGNALS.toNanos()) {
            return;
        }
        signalsReadAt = now;
        try {
            for (Map.Entry<String, Long> signal : signals.news().entrySet()) {
                if (ClusterSignals.INVENTORY.equals(signal.getKey())) {
                    InventorySnapshot snapshot = new InventorySnapshot(inventory.load().all());
                    owned.values().forEach(part -> part.snapshot = snapshot);
                    LOG.info("The inventory changed: its {} items go to the {} sessions of this node",
                            snapshot.items().size(), owned.size());
                    handOverMovedSources(CorrelationDomains.of(snapshot.items()));
                } else if (ClusterSignals.RULES.equals(signal.getKey())) {
                    LOG.info("Another engine node reloaded its rules: reloading this node's rules folder");
                    reloader.get().reloadHere();
                }
                signals.applied(signal.getKey(), signal.getValue());
            }
            signalsFailing = false;
        } catch (RuntimeException e) {
            if (!signalsFailing) {
                LOG.error("Cannot read the cluster signals from MariaDB; trying again every second", e);
            }
            signalsFailing = true;
        }
    }

    /**
     * An inventory change that moves sources to another domain moves their alarms and tickets to
     * another partition: the sessions of the partitions they leave and join are rebuilt from MariaDB
     * (at their next cycle, as for a rule deployment), so that the one that now receives their inputs
     * holds them, and the one that no longer does lets them go. Records keyed by the old domain until
     * the collectors read the new directory entry still reach the old partition (see README, "Limits").
     */
    private void handOverMovedSources(CorrelationDomains now) {
        CorrelationDomains before = domains;
        domains = now;
        if (before == null || partitionCount == 0) {
            return;
        }
        java.util.Set<Integer> concerned = new java.util.TreeSet<>();
        for (noc.inventory.DomainMove move : now.movesSince(before)) {
            concerned.add(Partitions.of(move.from(), partitionCount));
            concerned.add(Partitions.of(move.to(), partitionCount));
        }
        concerned.retainAll(owned.keySet());
        for (Integer partition : concerned) {
            owned.get(partition).engine().deploy(rules);
        }
        if (!concerned.isEmpty()) {
            LOG.info("The inventory moved sources between domains: sessions of partitions {} rebuilt from MariaDB",
                    concerned);
        }
    }

    /**
     * Hands each partition's waiting records to its engine, in offset order, as far as its queue takes
     * them; a partition whose records still wait is paused until they are all handed over. A session
     * that stopped committing (fenced: another node took its partition in MariaDB; or its engine thread
     * died) is dropped; if Kafka still assigns the partition here, it is taken again and its session
     * rebuilt, so that no assigned partition is left without a working session.
     */
    private void handOver() {
        List<TopicPartition> again = new ArrayList<>();
        for (Owned part : owned.values()) {
            if (part.engine().fenced() || part.engine().failure() != null) {
                LOG.warn("Partition {}'s session stopped ({}): it is dropped", part.partition().partition(),
                        part.engine().fenced() ? "the partition was taken by another node" : part.engine().failure());
                drop(part);
                if (running && consumer.assignment().contains(part.partition())) {
                    again.add(part.partition());
                }
                continue;
            }
            if (part.snapshot != null && part.queue().offer(part.snapshot)) {
                part.snapshot = null;
            }
            Deque<ConsumerRecord<String, byte[]>> backlog = part.backlog();
            while (part.snapshot == null && !backlog.isEmpty() && offer(part, backlog.peekFirst())) {
                backlog.pollFirst();
            }
            boolean paused = consumer.paused().contains(part.partition());
            if ((!backlog.isEmpty() || part.snapshot != null) && !paused) {
                consumer.pause(List.of(part.partition()));
            } else if (backlog.isEmpty() && part.snapshot == null && paused) {
                consumer.resume(List.of(part.partition()));
            }
        }
        if (!again.isEmpty()) {
            LOG.warn("Partitions {} are still assigned to this node: taking them again", again);
            onPartitionsAssigned(again);
        }
    }

    /**
     * Offers the input a record carries to its partition's queue: false when the queue is full. A
     * record this node does not read is counted by reason and becomes an empty batch, so that its
     * position is still accounted for by the cycle that takes it. A person's command goes with a
     * {@link CommandReceipt}, which has its outcome written in that cycle, under the command's id; so
     * does a command this node cannot read, when its id could be read, for its sender to be told.
     */
    private boolean offer(Owned part, ConsumerRecord<String, byte[]> record) {
        EngineQueue queue = part.queue();
        Object input;
        Receipt receipt = Receipt.NONE;
        try {
            Object read = records.read(record.value());
            if (read instanceof InputRecords.Command command) {
                input = command.command();
                receipt = receipt(command.id(), record.key(), null);
            } else if (read instanceof AlarmEvent || read instanceof noc.alarm.ServiceAccess
                    || read instanceof noc.alarm.AlarmTicket || read instanceof noc.maintenance.WindowScope) {
                input = read;
            } else {
                input = new EngineQueue.Batch((List<?>) read);
            }
        } catch (InputRecords.RefusedRecordException e) {
            if (e.commandId() == null && NEWER.contains(e.reason())) {
                // Written by a newer node (a collector upgraded before the engines): skipping it would
                // lose an alarm Kafka acknowledged. The partition waits here until this engine is upgraded.
                if (part.blocked == null) {
                    part.blocked = "record " + record.offset() + " is of a newer kind or version (" + e.reason()
                            + "): this engine must be upgraded before it can go on";
                    meters.counter("noc.cluster.records.refused", "reason", e.reason()).increment();
                    LOG.error("Partition {} stops at {}", record.partition(), part.blocked);
                }
                return false;
            }
            meters.counter("noc.cluster.records.refused", "reason", e.reason()).increment();
            LOG.warn("Record {} of partition {} refused ({}): skipped", record.offset(), record.partition(), e.reason());
            input = new EngineQueue.Batch(List.of());
            if (e.commandId() != null) {
                receipt = receipt(e.commandId(), record.key(), e.reason());
            }
        }
        return queue.offerAt(input, record.offset(), receipt);
    }

    private Receipt receipt(String id, String domain, String unreadable) {
        return new CommandReceipt(id, domain, unreadable, replies, outcomes, commands, blocking, clock);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        if (assigned.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        int partitions = partitionCount();
        if (partitions != cluster.partitions()) {
            LOG.warn("Topic {} has {} partitions, not the {} of noc.cluster.partitions: its own count decides",
                    cluster.topic(), partitions, cluster.partitions());
        }
        // Taken before anything is read: from here on a former owner commits nothing, so what is read is final.
        List<PartitionOffsets.Taken> taken = new ArrayList<>();
        SessionState state = null;
        List<noc.alarm.AlarmLifecycle.Mirrored> mirrors = List.of();
        PartitionOwnership ownership = null;
        while (ownership == null) {
            try {
                taken.clear();
                String topicId = topicId();
                for (TopicPartition partition : assigned) {
                    taken.add(offsets.take(cluster.topic(), partition.partition(), topicId));
                }
                state = loader.load();
                mirrors = accesses.mirrors();
                ownership = PartitionDomain.ownership(state, alarms, accesses, outcomes, partitions);
            } catch (RuntimeException e) {
                // MariaDB away: the partitions wait (their records are not fetched before they have a session).
                LOG.error("Cannot take partitions {} in MariaDB; trying again in a second", assigned, e);
                if (!running) {
                    throw e;
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        domains = CorrelationDomains.of(state.inventory());
        partitionCount = partitions;
        for (PartitionOffsets.Taken each : taken) {
            TopicPartition partition = new TopicPartition(cluster.topic(), each.partition());
            EngineQueue queue = new EngineQueue(new EngineConfiguration(configuration.tick(),
                    configuration.batchSize(), Math.max(1_000, configuration.queueCapacity() / partitions),
                    configuration.commitRetryMax()));
            PartitionDomain partitionDomain = new PartitionDomain(cluster.topic(), partitions, each, domain, loader,
                    alarms, accesses, offsets, outcomes, clock);
            SessionState restricted = ownership.restrict(state, each.partition());
            Engine engine = Engine.ofPartition("engine-p" + each.partition(), queue, configuration, rules,
                    domain.seedOf(restricted, PartitionDomain.placement(each.partition(), partitions, mirrors, state,
                            restricted)),
                    clock, partitionDomain, meters);
            owned.put(each.partition(), new Owned(partition, engine, queue));
            if (engine.rules() != rules) {
                engine.deploy(rules); // rules deployed while this session was being built
            }
            if (each.fromStart()) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, each.nextOffset());
            }
        }
        LOG.info("Partitions {} of {} taken (epochs {}), sessions built in {} ms", taken.stream()
                        .map(PartitionOffsets.Taken::partition).sorted().toList(), cluster.topic(),
                taken.stream().map(PartitionOffsets.Taken::epoch).toList(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The id Kafka gave the inputs topic, or null when it cannot say now: stored offsets of a topic made
     * again under the same name are forgotten ({@link PartitionOffsets#take(String, int, String)}).
     */
    private String topicId() {
        try {
            if (admin == null) {
                admin = org.apache.kafka.clients.admin.Admin.create(Topics.client(cluster, "noc-engine-topics"));
            }
            return admin.describeTopics(List.of(cluster.topic())).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(cluster.topic()).topicId().toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            LOG.warn("Kafka did not give the id of topic {}: its stored offsets are taken as they are", cluster.topic());
            return null;
        }
    }

    /** The topic's partition count, asked again while Kafka does not answer (a timeout must not stop the consumer). */
    private int partitionCount() {
        while (true) {
            try {
                return consumer.partitionsFor(cluster.topic()).size();
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                LOG.warn("Kafka did not say how many partitions {} has; asking again", cluster.topic());
                if (!running) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        List<Owned> dropped = revoked.stream().map(partition -> owned.get(partition.partition()))
                .filter(java.util.Objects::nonNull).toList();
        dropAll(dropped);
        if (!dropped.isEmpty()) {
            LOG.info("Partitions {} revoked: their sessions committed what they held and were dropped",
                    dropped.stream().map(part -> part.partition().partition()).sorted().toList());
        }
    }

    /**
     * Drops sessions side by side: each may wait for its last commit (up to the commit retry limit while
     * the database is away), and one after the other they could outlast the group's patience.
     */
    private void dropAll(List<Owned> parts) {
        if (parts.size() <= 1) {
            parts.forEach(this::drop);
            return;
        }
        List<Thread> stopping = parts.stream().map(part -> {
            Thread thread = new Thread(() -> drop(part), "stop-p" + part.partition().partition());
            thread.start();
            return thread;
        }).toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
        // Another node may own them already: whatever these sessions still commit is fenced out.
        onPartitionsRevoked(lost);
    }

    /** Stops a partition's engine once it has committed what it was handed, and forgets the partition. */
    private void drop(Owned part) {
        owned.remove(part.partition().partition());
        try {
            part.engine().stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopAll(String why) {
        dropAll(List.copyOf(owned.values()));
        LOG.info("Engine node sessions stopped ({})", why);
    }

    @PreDestroy
    public void stop() throws InterruptedException {
        running = false;
        consumer.wakeup();
        if (!stopped.await(configuration.commitRetryMax().toMillis() + 30_000, TimeUnit.MILLISECONDS)) {
            LOG.warn("The engine node did not stop in time");
        }
    }

    /**
     * A partition this node runs a session of, with the records read and not yet handed to its engine,
     * and an inventory snapshot waiting to go before them. Touched by the consumer thread only.
     */
    private static final class Owned {
        private final TopicPartition partition;
        private final Engine engine;
        private final EngineQueue queue;
        private final Deque<ConsumerRecord<String, byte[]>> backlog = new ArrayDeque<>();
        private InventorySnapshot snapshot;
        /** Why the partition stopped at a record this engine cannot read (an upgrade is needed), or null. */
        private volatile String blocked;

        Owned(TopicPartition partition, Engine engine, EngineQueue queue) {
            this.partition = partition;
            this.engine = engine;
            this.queue = queue;
        }

        TopicPartition partition() {
            return partition;
        }

        Engine engine() {
            return engine;
        }

        EngineQueue queue() {
            return queue;
        }

        Deque<ConsumerRecord<String, byte[]>> backlog() {
            return backlog;
        }
    }
}
