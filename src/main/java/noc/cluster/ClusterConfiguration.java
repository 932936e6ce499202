package noc.cluster;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * This process's role ({@code noc.role}) and how the nodes of a cluster meet ({@code noc.cluster.*}):
 * the collector and engine roles of issue #14 exchange every input through one Kafka topic, keyed so
 * that alarms that correlate land in one partition. Checked at startup, so that a node never starts
 * on a cluster half described.
 *
 * @param role              {@code all} (default), {@code collector} or {@code engine}, in any case
 * @param bootstrapServers  the Kafka brokers, {@code host:port} comma-separated; a collector and an
 *                          engine need them, {@code all} does not use them
 * @param topic             the topic collectors publish inputs to and engines consume
 * @param partitions        its partitions: the most engines that share the work
 * @param replicationFactor its copies on distinct brokers
 * @param group             the consumer group the engines share the partitions in
 * @param sessionTimeout    how long an engine may go unheard before the group gives its partitions to
 *                          the others: how long a failover waits when an engine dies without leaving
 * @param kafkaProperties   more settings for every Kafka client of this node
 *                          ({@code noc.cluster.kafka.properties.*}): TLS and SASL; never logged but by name
 * @param commandTimeout    how long a node that took a person's command (role engine) waits for the
 *                          engine that owns its ticket to commit it, before it answers 202 with the
 *                          command's id and a URL to poll
 */
@ConfigurationProperties("noc.cluster")
public record ClusterConfiguration(
        @Value("${noc.role:all}") String role,
        @Value("${noc.cluster.kafka.bootstrap-servers:}") String bootstrapServers,
        @Bindable(defaultValue = "noc-inputs") @NotBlank String topic,
        @Bindable(defaultValue = "12") @Min(1) @Max(10_000) int partitions,
        @Bindable(defaultValue = "1") @Min(1) @Max(Short.MAX_VALUE) int replicationFactor,
        @Bindable(defaultValue = "noc-engines") @NotBlank String group,
        @Bindable(defaultValue = "10s") @jakarta.validation.constraints.NotNull java.time.Duration sessionTimeout,
        @Bindable(defaultValue = "10s") @jakarta.validation.constraints.NotNull java.time.Duration commandTimeout,
        @Property(name = "noc.cluster.kafka.properties") @MapFormat(transformation = MapFormat.MapTransformation.FLAT)
        @io.micronaut.core.annotation.Nullable Map<String, String> kafkaProperties) {

    public ClusterConfiguration {
        if (commandTimeout != null && (commandTimeout.isNegative() || commandTimeout.isZero()
                || commandTimeout.compareTo(java.time.Duration.ofMinutes(5)) > 0)) {
            throw new IllegalArgumentException("noc.cluster.command-timeout must be more than 0 and at most 5 minutes"
                    + " (a request waits that long), not " + commandTimeout);
        }
        role = check(role, bootstrapServers).key();
        kafkaProperties = kafkaProperties == null ? Map.of() : Map.copyOf(new java.util.TreeMap<>(kafkaProperties));
        for (String key : kafkaProperties.keySet()) {
            if (OURS.contains(key)) {
                throw new IllegalArgumentException("noc.cluster.kafka.properties." + key + " is set by the correlator "
                        + "itself and cannot be overridden");
            }
        }
        bootstrapServers = bootstrapServers == null ? "" : bootstrapServers.strip();
    }

    /**
     * The role {@code role} names, if a node may start with it and {@code bootstrapServers}; else an
     * {@link IllegalArgumentException} naming the key. The application asks before anything starts,
     * the database included, and this record again when it is bound.
     */
    public static Role check(String role, String bootstrapServers) {
        Role named = Role.of(role);
        String servers = bootstrapServers == null ? "" : bootstrapServers.strip();
        if (named != Role.ALL && servers.isEmpty()) {
            throw new IllegalArgumentException("noc.role " + named.key()
                    + " needs noc.cluster.kafka.bootstrap-servers: the Kafka brokers as host:port, comma-separated");
        }
        for (String server : servers(servers)) {
            if (!server.matches("[^\\s:]+:\\d{1,5}|\\[[0-9A-Fa-f:.]+\\]:\\d{1,5}")) {
                throw new IllegalArgumentException("noc.cluster.kafka.bootstrap-servers must be host:port, "
                        + "comma-separated, not '" + servers + "'");
            }
        }
        return named;
    }

    /** Client settings the correlator decides itself: what exactly once and the answers rely on. */
    private static final java.util.Set<String> OURS = java.util.Set.of("bootstrap.servers", "acks",
            "enable.idempotence", "enable.auto.commit", "group.id", "key.serializer", "value.serializer",
            "key.deserializer", "value.deserializer", "auto.offset.reset", "isolation.level",
            "allow.auto.create.topics", "max.block.ms");

    /**
     * Adds {@code noc.cluster.kafka.properties.*} (TLS, SASL: {@code security.protocol},
     * {@code sasl.mechanism}, {@code sasl.jaas.config}, {@code ssl.truststore.location} …) to a Kafka
     * client's settings, so that every client of this node authenticates as its operator configured.
     */
    public java.util.Properties withClientProperties(java.util.Properties client) {
        client.putAll(kafkaProperties);
        return client;
    }

    /** The role {@code noc.role} names. */
    public Role nodeRole() {
        return Role.of(role);
    }

    /**
     * The compacted topic of what collectors route by ({@code <topic>-directory}): each source's
     * correlation domain and the API tokens, which engines publish from MariaDB.
     */
    public String directoryTopic() {
        return topic + "-directory";
    }

    /** The brokers, one {@code host:port} each; none when unset. */
    public List<String> servers() {
        return servers(bootstrapServers);
    }

    private static List<String> servers(String bootstrapServers) {
        return bootstrapServers.isEmpty() ? List.of()
                : Arrays.stream(bootstrapServers.split(",", -1)).map(String::strip).toList();
    }
}
