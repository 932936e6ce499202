package noc.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the cluster's topics when they are missing, and refuses those that exist but would route
 * wrong: the inputs topic ({@code noc.cluster.partitions} partitions, which engines count on to know
 * which stored rows a partition owns) and the directory topic (one partition, compacted, else old
 * entries would expire and collectors would forget sources).
 */
final class Topics {

    private static final Logger LOG = LoggerFactory.getLogger(Topics.class);

    private Topics() {
    }

    /** The settings every client of ours shares. */
    static Properties client(ClusterConfiguration cluster, String clientId) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", cluster.servers()));
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        return cluster.withClientProperties(properties);
    }

    /**
     * Makes what is missing and checks what exists, within {@code timeout} (set by {@code timeoutKey},
     * which a failure names).
     *
     * @throws IllegalStateException saying what is wrong, or that Kafka did not answer
     */
    static void ensure(ClusterConfiguration cluster, String clientId, Duration timeout, String timeoutKey) {
        Properties properties = client(cluster, clientId);
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(millis, 30_000));
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(properties)) {
            short replication = (short) cluster.replicationFactor();
            ensure(admin, new NewTopic(cluster.topic(), cluster.partitions(), replication), deadline, cluster);
            ensure(admin, new NewTopic(cluster.directoryTopic(), 1, replication)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                    deadline, cluster);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the Kafka topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka (noc.cluster.kafka.bootstrap-servers " + cluster.bootstrapServers()
                    + ") did not answer within " + timeout + " (" + timeoutKey + ")", e);
        }
    }

    private static void ensure(Admin admin, NewTopic wanted, long deadline, ClusterConfiguration cluster)
            throws InterruptedException, TimeoutException {
        String name = wanted.name();
        TopicDescription found = describe(admin, name, deadline);
        if (found == null) {
            try {
                admin.createTopics(List.of(wanted)).all().get(left(deadline), TimeUnit.MILLISECONDS);
                LOG.info("Made the Kafka topic {}: {} partition(s), replication factor {}{}", name,
                        wanted.numPartitions(), wanted.replicationFactor(),
                        wanted.configs() == null ? "" : ", " + wanted.configs());
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot make the Kafka topic " + name + ": "
                            + e.getCause().getMessage(), e.getCause());
                }
                found = describe(admin, name, deadline); // another node made it meanwhile
                if (found == null) {
                    throw new IllegalStateException("the Kafka topic " + name + " exists and cannot be described");
                }
            }
        }
        int partitions = found.partitions().size();
        if (partitions != wanted.numPartitions()) {
            throw new IllegalStateException(name.equals(cluster.topic())
                    ? "noc.cluster.partitions is " + wanted.numPartitions() + " but the Kafka topic " + name + " has "
                            + partitions + ": set noc.cluster.partitions to " + partitions + " on every node (changing "
                            + "it is a stop-the-world operation)"
                    : "the Kafka topic " + name + " has " + partitions + " partitions; the directory needs exactly one "
                            + "(delete it and let the next start make it)");
        }
        if (wanted.configs() != null && !wanted.configs().isEmpty()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
            Config config;
            try {
                config = admin.describeConfigs(Set.of(resource)).all().get(left(deadline), TimeUnit.MILLISECONDS)
                        .get(resource);
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot read the settings of the Kafka topic " + name + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
            var policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            if (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                throw new IllegalStateException("the Kafka topic " + name + " must be compacted "
                        + "(cleanup.policy=compact), not " + (policy == null ? "unset" : policy.value()) + ": its old entries would expire");
            }
        }
    }

    private static TopicDescription describe(Admin admin, String name, long deadline)
            throws InterruptedException, TimeoutException {
        try {
            return admin.describeTopics(Set.of(name)).allTopicNames().get(left(deadline), TimeUnit.MILLISECONDS)
                    .get(name);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new TimeoutException(e.getCause().getMessage());
            }
            throw new IllegalStateException("cannot describe the Kafka topic " + name + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    private static long left(long deadline) {
        return Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    }
}
