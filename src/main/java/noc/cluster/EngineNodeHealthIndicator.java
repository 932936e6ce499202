package noc.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import noc.engine.Engine;

/**
 * {@code /health} on an engine node: the partitions it runs a session of, and for each its backlog and
 * how long ago its last cycle ended. DOWN when the consumer thread died, or a session's engine thread
 * died or has ended no cycle for a minute, as for the single process's engine, or a partition stopped
 * at a record of a newer version than this engine reads (it must be upgraded). A node that owns no
 * partition (more engines than partitions, or waiting for the group) is UP: it is a standby.
 */
@Singleton
@Requires(condition = Roles.Engine.class)
public class EngineNodeHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private static final Duration STUCK = Duration.ofMinutes(1);

    private final EngineNode node;
    private final Clock clock;

    public EngineNodeHealthIndicator(EngineNode node, Clock clock) {
        this.node = node;
        this.clock = clock;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean down = node.failure() != null;
        if (node.failure() != null) {
            details.put("failure", node.failure());
        }
        Map<String, Object> partitions = new LinkedHashMap<>();
        for (Map.Entry<Integer, Engine> each : node.engines().entrySet()) {
            Engine engine = each.getValue();
            Duration lag = Duration.between(engine.lastCycle(), clock.instant());
            Map<String, Object> partition = new LinkedHashMap<>();
            partition.put("backlog", engine.backlog());
            partition.put("lastCycle", engine.lastCycle().toString());
            partition.put("lagMillis", Math.max(0, lag.toMillis()));
            if (engine.failure() != null) {
                partition.put("failure", engine.failure());
            }
            String blocked = node.blocked().get(each.getKey());
            if (blocked != null) {
                partition.put("blocked", blocked);
            }
            down |= engine.failure() != null || lag.compareTo(STUCK) > 0 || blocked != null;
            partitions.put(Integer.toString(each.getKey()), partition);
        }
        details.put("partitions", partitions);
        healthStatus = down ? HealthStatus.DOWN : HealthStatus.UP;
        return details;
    }

    @Override
    protected String getName() {
        return "engine";
    }
}
