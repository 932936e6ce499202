package noc.cluster;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How a collector ({@code noc.role: collector}) publishes to Kafka ({@code noc.cluster.collector.*}).
 *
 * @param bufferMemory    the most bytes of records waiting for Kafka's acknowledgement; beyond, what
 *                        arrives is refused at once ({@code kafka_unavailable}), never spooled to disk
 * @param deliveryTimeout how long a record may wait for Kafka's acknowledgement (retries included)
 *                        before its sender is told it was not accepted: an HTTP request waits at most
 *                        this long for its answer while Kafka is away
 * @param startTimeout    how long a start waits for Kafka: the topics made or checked, the directory
 *                        read to its end, the inputs topic's partitions known. A collector that cannot
 *                        reach Kafka within it does not start (it could route nothing)
 */
@ConfigurationProperties("noc.cluster.collector")
public record CollectorConfiguration(
        @Bindable(defaultValue = "32MB") @ReadableBytes @Min(1_048_576) @Max(1_073_741_824) long bufferMemory,
        @Bindable(defaultValue = "30s") Duration deliveryTimeout,
        @Bindable(defaultValue = "60s") Duration startTimeout) {

    public CollectorConfiguration {
        if (deliveryTimeout.compareTo(Duration.ofSeconds(2)) < 0
                || deliveryTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("noc.cluster.collector.delivery-timeout must be 2s to 1h, not "
                    + deliveryTimeout);
        }
        if (startTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("noc.cluster.collector.start-timeout must be 1s or more, not "
                    + startTimeout);
        }
    }
}
