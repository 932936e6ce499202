package noc.engine;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The engine's meters (README "Metrics"), registered once. */
final class EngineMeters {

    final Counter cycles;
    final Counter ruleFailures;
    final Counter cyclesRejected;
    final Counter inputsRefused;
    final Timer rulesTime;
    final Timer commitTime;
    final DistributionSummary batchSizes;
    final AtomicLong unconsumed = new AtomicLong();

    /**
     * @param gauges whether this engine registers the queue and rules gauges: the single engine does; a
     *               partition's engine does not (sessions come and go with rebalances, and a gauge keeps
     *               the first object it was given), its node registers them for all its sessions
     */
    EngineMeters(MeterRegistry meters, EngineQueue queue, Supplier<CompiledRules> rules, boolean gauges) {
        this.cycles = meters.counter("noc.engine.cycles");
        this.ruleFailures = meters.counter("noc.engine.rule.failures");
        this.cyclesRejected = meters.counter("noc.engine.cycles.rejected");
        this.inputsRefused = meters.counter("noc.engine.inputs.refused");
        this.rulesTime = Timer.builder("noc.engine.cycle.rules").description("time a cycle spends firing rules")
                .register(meters);
        this.commitTime = Timer.builder("noc.engine.cycle.commit")
                .description("time a cycle spends committing its changes").register(meters);
        this.batchSizes = DistributionSummary.builder("noc.engine.cycle.inputs")
                .description("inputs taken by a cycle").register(meters);
        if (gauges) {
            meters.gauge("noc.engine.queue.size", queue, EngineQueue::size);
        }
        FunctionCounter.builder("noc.engine.inputs.unconsumed", unconsumed, AtomicLong::get)
                .description("inputs no rule consumed, taken out after their cycle").register(meters);
        if (gauges) {
            Gauge.builder("noc.engine.rules.loaded", rules, r -> r.get().ruleCount())
                    .description("rules in the running rule base").register(meters);
        }
    }
}
