package noc.cluster;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.utils.Utils;

/**
 * Which partition of the inputs topic a correlation domain goes to: Kafka's own choice for a keyed
 * record (murmur2 of the key's bytes, made positive, modulo the partitions), so that an engine
 * working out which stored rows belong to a partition agrees with where the collectors sent their
 * inputs.
 */
public final class Partitions {

    private Partitions() {
    }

    /** The partition, of {@code partitions}, that records keyed {@code domain} go to. */
    public static int of(String domain, int partitions) {
        return Utils.toPositive(Utils.murmur2(domain.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
