package noc.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.internals.Exit;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real Kafka broker inside the test JVM, for the collector and engine roles, which meet through
 * Kafka only (issue #14): one node that is both broker and controller (KRaft, no ZooKeeper), started
 * as Kafka's own server starts one, its storage formatted and then {@link KafkaRaftServer} run, with
 * no test kit (Kafka's test kit binds every address, and its API changes with each release).
 * It listens on 127.0.0.1 only, on ports free when it starts, keeps its logs in a temporary folder
 * that {@link #close()} deletes, and answers once it has registered and can take a topic.
 * <p>
 * Kafka logs a great deal at INFO; a broker started here turns the {@code kafka} and
 * {@code org.apache.kafka} loggers of the test JVM to WARN, so that a test's output keeps its own
 * lines. A fault that Kafka would end the JVM for (it halts the process) throws instead, so that
 * one broker's failure fails its test, not the whole run.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Duration READY = Duration.ofSeconds(60);
    private static final Duration REQUEST = Duration.ofSeconds(30);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER = "CONTROLLER";

    private final Path directory;
    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Admin admin;
    private final Duration startTime;

    private KafkaBroker(Path directory, KafkaRaftServer server, String bootstrapServers, Admin admin,
                        Duration startTime) {
        this.directory = directory;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.admin = admin;
        this.startTime = startTime;
    }

    /** Formats a new folder, starts the broker in it and waits until it takes requests. */
    public static KafkaBroker start() {
        quietLogging();
        keepTheJvmOnFatalFaults();
        long started = System.nanoTime();
        Path directory;
        try {
            directory = Files.createTempDirectory("noc-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KafkaRaftServer server = null;
        Admin admin = null;
        try {
            int brokerPort = Ports.free();
            int controllerPort = Ports.free();
            while (controllerPort == brokerPort) {
                controllerPort = Ports.free();
            }
            Path logs = Files.createDirectories(directory.resolve("logs"));
            Path metadata = Files.createDirectories(directory.resolve("metadata"));
            KafkaConfig config = new KafkaConfig(properties(brokerPort, controllerPort, logs, metadata), false);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER)
                    .setDirectories(List.of(logs.toString(), metadata.toString()))
                    .setMetadataLogDirectory(metadata.toString())
                    .run();
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            String bootstrapServers = "127.0.0.1:" + brokerPort;
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REQUEST.toMillis()));
            Admin client = admin;
            Await.until(READY, "the Kafka broker on " + bootstrapServers + " to register",
                    () -> client.describeCluster().nodes().get(REQUEST.toSeconds(), TimeUnit.SECONDS).size() == 1);
            Duration startTime = Duration.ofNanos(System.nanoTime() - started);
            LOG.info("Kafka broker on {} started in {} ms, its logs in {}", bootstrapServers, startTime.toMillis(),
                    directory);
            return new KafkaBroker(directory, server, bootstrapServers, admin, startTime);
        } catch (RuntimeException | Error e) {
            stop(admin, server, directory);
            throw e;
        } catch (Exception e) {
            stop(admin, server, directory);
            throw new IllegalStateException("the Kafka broker did not start: " + e.getMessage(), e);
        }
    }

    /** {@code host:port} for a client's {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The settings of an engine node ({@code noc.role: engine}) named {@code node} on this broker: inputs
     * topic {@code topic} of {@code partitions}, consumer group {@code engines-<topic>}, a session timeout
     * of 6 s (a stopped node's partitions move within it); {@code more} is added.
     */
    public java.util.Map<String, Object> engineSettings(String topic, String node, int partitions,
                                                        java.util.Map<String, Object> more) {
        java.util.Map<String, Object> settings = new java.util.HashMap<>(java.util.Map.of("noc.role", "engine",
                "noc.node-id", node, "noc.cluster.kafka.bootstrap-servers", bootstrapServers,
                "noc.cluster.topic", topic, "noc.cluster.partitions", partitions,
                "noc.cluster.group", "engines-" + topic, "noc.cluster.session-timeout", "6s"));
        settings.putAll(more);
        return settings;
    }

    /** How long {@link #start()} took, formatting to the first answer. */
    public Duration startTime() {
        return startTime;
    }

    /**
     * Creates a topic of {@code partitions} partitions, replicated once (one broker), and waits until
     * every partition has its leader, so that a producer's first record meets no metadata error.
     */
    public void createTopic(String name, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all()
                    .get(REQUEST.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("creating the topic " + name + " failed: " + e.getMessage(), e);
        }
        Await.until(READY, "every partition of " + name + " to have a leader", () -> {
            TopicDescription topic;
            try {
                topic = admin.describeTopics(Set.of(name)).allTopicNames().get(REQUEST.toSeconds(), TimeUnit.SECONDS)
                        .get(name);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                    return false; // made, not yet in the metadata the broker answers with (a topic made again)
                }
                throw e;
            }
            return topic.partitions().size() == partitions
                    && topic.partitions().stream().allMatch(partition -> partition.leader() != null);
        });
        // The metadata may name a leader before the broker acts as one: a first produce then met
        // NOT_LEADER_OR_FOLLOWER, and the idempotent producer's retries OUT_OF_ORDER_SEQUENCE_NUMBER
        // until its send timed out (EngineNodeIT, a fresh-clone run). Only the leader answers offsets.
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            ends.put(new TopicPartition(name, partition), OffsetSpec.latest());
        }
        Await.until(READY, "every partition of " + name + " to answer its end offset", () -> {
            try {
                admin.listOffsets(ends).all().get(REQUEST.toSeconds(), TimeUnit.SECONDS);
                return true;
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof org.apache.kafka.common.errors.RetriableException) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Deletes a topic, and waits until the broker no longer lists it, so that it can be made again. */
    public void deleteTopic(String name) {
        try {
            admin.deleteTopics(List.of(name)).all().get(REQUEST.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("deleting the topic " + name + " failed: " + e.getMessage(), e);
        }
        Await.until(READY, "the topic " + name + " to be gone", () -> !admin.listTopics().names()
                .get(REQUEST.toSeconds(), TimeUnit.SECONDS).contains(name));
    }

    /** Stops the broker and deletes its folder. */
    @Override
    public void close() {
        stop(admin, server, directory);
    }

    private static Map<String, Object> properties(int brokerPort, int controllerPort, Path logs, Path metadata) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", String.valueOf(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER + "://127.0.0.1:"
                + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        properties.put("controller.listener.names", CONTROLLER);
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", logs.toString());
        properties.put("metadata.log.dir", metadata.toString());
        // one broker: every internal topic has one replica, and fewer partitions than a production cluster's 50
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "4");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "4");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        // a group's first member gets its partitions at once instead of after 3 s
        properties.put("group.initial.rebalance.delay.ms", "0");
        // a test creates its topics, so that a typo in a name fails instead of making another topic
        properties.put("auto.create.topics.enable", "false");
        // a test JVM on two shared cores: fewer threads, and a small log cleaner buffer (128 MB by default)
        properties.put("num.network.threads", "2");
        properties.put("num.io.threads", "2");
        properties.put("background.threads", "2");
        properties.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        return properties;
    }

    private static void stop(Admin admin, KafkaRaftServer server, Path directory) {
        if (admin != null) {
            admin.close(REQUEST);
        }
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
        }
        delete(directory);
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting the Kafka broker's folder " + directory + " failed", e);
        }
    }

    private static void quietLogging() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String name : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
            logging.getLogger(name).setLevel(Level.WARN);
        }
    }

    private static void keepTheJvmOnFatalFaults() {
        Exit.setHaltProcedure((status, message) -> {
            throw new IllegalStateException("the Kafka broker asked to halt the JVM (status " + status + "): "
                    + message);
        });
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("the Kafka broker asked to exit the JVM (status " + status + "): "
                    + message);
        });
    }
}
