package noc.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

/**
 * {@code /health} shows the engine: how full its queue is and how long ago its last cycle ended.
 * DOWN when no cycle has ended for a minute (the engine is stuck or the database refuses commits), and
 * at once, with the reason, when an engine thread died.
 */
@Singleton
@io.micronaut.context.annotation.Requires(condition = noc.cluster.Roles.All.class)
public class EngineHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private static final Duration STUCK = Duration.ofMinutes(1);

    private final Engine engine;
    private final EngineQueue queue;
    private final Clock clock;

    public EngineHealthIndicator(Engine engine, EngineQueue queue, Clock clock) {
        this.engine = engine;
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Duration lag = Duration.between(engine.lastCycle(), clock.instant());
        String failure = engine.failure();
        healthStatus = failure != null || lag.compareTo(STUCK) > 0 ? HealthStatus.DOWN : HealthStatus.UP;
        Map<String, Object> details = new LinkedHashMap<>();
        if (failure != null) {
            details.put("failure", failure);
        }
        details.put("queueSize", queue.size());
        details.put("queueCapacity", queue.capacity());
        details.put("queueFill", Math.round(1000.0 * queue.size() / queue.capacity()) / 1000.0);
        details.put("lastCycle", engine.lastCycle().toString());
        details.put("lagMillis", Math.max(0, lag.toMillis()));
        return details;
    }

    @Override
    protected String getName() {
        return "engine";
    }
}
