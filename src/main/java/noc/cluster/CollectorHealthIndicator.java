package noc.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

/**
 * {@code /health} of a collector: whether Kafka acknowledges its records, and what it holds of the
 * directory. DOWN while Kafka refused or failed a record within the last {@link #RECENT} and
 * acknowledged none since (alarms are being refused: a balancer may send them to another collector);
 * UP again after that, so that traffic comes back to find out, or at the next acknowledgement.
 */
@Singleton
@Requires(condition = Roles.Collector.class)
public class CollectorHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    static final Duration RECENT = Duration.ofSeconds(30);

    private final KafkaInputs inputs;
    private final DirectoryFollower directory;
    private final Clock clock;

    public CollectorHealthIndicator(KafkaInputs inputs, DirectoryFollower directory, Clock clock) {
        this.inputs = inputs;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Instant since = inputs.failingSince();
        Instant last = inputs.lastFailure();
        boolean refusing = last != null && Duration.between(last, clock.instant()).compareTo(RECENT) < 0;
        healthStatus = refusing ? HealthStatus.DOWN : HealthStatus.UP;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kafka", since == null ? "acknowledging" : "not acknowledging since " + since
                + ", last refusal " + last);
        details.put("directorySources", directory.sources());
        details.put("directoryLastChange", directory.lastChange().toString());
        return details;
    }

    @Override
    protected String getName() {
        return "collector";
    }
}
