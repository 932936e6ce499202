package noc.metrics;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.inject.Singleton;

/**
 * Every {@code noc.*} metric's HELP text, in one table that reads like the README's, and the
 * histogram buckets of the timers and distributions. The code that counts names a meter only; a
 * meter registered with a description of its own keeps it.
 */
@Singleton
public final class MetricCatalogue implements MeterFilter {

    /** Buckets of the cycle timers: a tick is 1 s, a commit retry backs off up to seconds. */
    private static final Duration[] TIME_BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};
    /** Buckets of inputs per cycle, up to the default batch size. */
    private static final double[] SIZE_BUCKETS = {1, 10, 100, 500, 1000, 2000, 5000};

    static final Map<String, String> HELP = Map.ofEntries(
            Map.entry("noc.snmp.traps.received",
                    "Datagrams the SNMP listener read from its socket (v3 engine-discovery probes excepted)"),
            Map.entry("noc.snmp.traps.accepted", "SNMP notifications decoded and queued for the engine"),
            Map.entry("noc.snmp.traps.dropped", "SNMP datagrams dropped, by reason"),
            Map.entry("noc.snmp.engine.discoveries", "v3 senders learning the listener's engine ID"),
            Map.entry("noc.snmp.receive.backlog", "SNMP datagrams read off the socket and not yet decoded"),
            Map.entry("noc.intake.alarms.accepted", "Alarms taken over HTTP, by intake"),
            Map.entry("noc.intake.requests.rejected", "HTTP intake requests refused, by intake and reason"),
            Map.entry("noc.engine.events.committed", "Alarm events whose cycle committed, by source"),
            Map.entry("noc.engine.cycles", "Engine cycles committed"),
            Map.entry("noc.engine.cycles.rejected", "Engine cycles whose commit MariaDB refused for their data; "
                    + "each is replayed in halves until the inputs at fault are isolated"),
            Map.entry("noc.engine.inputs.refused",
                    "Inputs MariaDB refused for their data, isolated and refused to their sender"),
            Map.entry("noc.engine.commit.retries",
                    "Commit attempts that failed for a passing reason (connection, deadlock, lock wait) and were retried"),
            Map.entry("noc.engine.cycle.inputs", "Inputs taken by a cycle"),
            Map.entry("noc.engine.cycle.rules", "Time a cycle spends firing rules"),
            Map.entry("noc.engine.cycle.commit", "Time a cycle spends committing its changes"),
            Map.entry("noc.engine.queue.size", "Inputs waiting for the engine"),
            Map.entry("noc.engine.rule.failures", "Rule consequences that threw (the input is logged and taken out)"),
            Map.entry("noc.engine.inputs.unconsumed", "Inputs no rule consumed, taken out after their cycle"),
            Map.entry("noc.engine.rules.loaded", "Rules in the running rule base"),
            Map.entry("noc.rules.builds", "Builds of the rules folder to deploy, by result"),
            Map.entry("noc.notify.deliveries", "Notification delivery attempts, by channel and result"),
            Map.entry("noc.security.logins", "Logins at POST /login, by result: success, failure (wrong name or "
                    + "password), throttled (refused unchecked after repeated failures)"),
            Map.entry("noc.tickets.open", "Tickets not closed, by priority (counted every noc.metrics.count-interval)"),
            Map.entry("noc.alarms.active", "Alarms raised and not cleared (counted every noc.metrics.count-interval)"),
            Map.entry("noc.cluster.directory.entries", "A collector's entries of the directory topic, by kind: "
                    + "address (a source's correlation domain), token (an API token)"),
            Map.entry("noc.cluster.records.refused", "Records of the inputs topic an engine could not read, by "
                    + "reason (skipped, or for a newer version or kind its partition waits)"));

    @Override
    public Meter.Id map(Meter.Id id) {
        String help = HELP.get(id.getName());
        if (help == null || (id.getDescription() != null && !id.getDescription().isBlank())) {
            return id;
        }
        return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), help, id.getType());
    }

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().startsWith("noc.")) {
            return config;
        }
        if (id.getType() == Meter.Type.TIMER) {
            return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos(TIME_BUCKETS)).build()
                    .merge(config);
        }
        if (id.getType() == Meter.Type.DISTRIBUTION_SUMMARY) {
            return DistributionStatisticConfig.builder().serviceLevelObjectives(SIZE_BUCKETS).build().merge(config);
        }
        return config;
    }

    private static double[] nanos(Duration[] durations) {
        double[] nanos = new double[durations.length];
        for (int i = 0; i < durations.length; i++) {
            nanos[i] = durations[i].toNanos();
        }
        return nanos;
    }
}
