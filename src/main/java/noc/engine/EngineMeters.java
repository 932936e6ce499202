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

    EngineMeters(MeterRegistry meters, EngineQueue queue, Supplier<CompiledRules> rules) {
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
        meters.gauge("noc.engine.queue.size", queue, EngineQueue::size);
        FunctionCounter.builder("noc.engine.inputs.unconsumed", unconsumed, AtomicLong::get)
                .description("inputs no rule consumed, taken out after their cycle").register(meters);
        Gauge.builder("noc.engine.rules.loaded", rules, r -> r.get().ruleCount())
                .description("rules in the running rule base").register(meters);
    }
}
