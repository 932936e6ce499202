package noc.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.inject.Singleton;

/**
 * Warms the engine's hot paths before it takes its queue: a cold JVM spends ten times the CPU per
 * input of a warm one in its first seconds, so a correlator restarted during an outage would meet the
 * storm with interpreted code and lose traps at the socket. The warm-up runs the domain's synthetic
 * traffic, in cycles of growing size as the engine makes them, through a throw-away session of the
 * same compiled rules (whose constraints Drools compiles once per rule base) planted from the same
 * seed ({@link Domain#throwAway}: taking nothing that lasts), and has the domain rehearse each cycle's
 * write in a transaction it rolls back. Nothing leaves it: the session is disposed of, nothing commits,
 * no receipt, listener or committed-events counter is told. It never stops a start: a failure ends it early, logged.
 */
@Singleton
public final class WarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    /**
     * Cycle sizes in turn: small cycles first, while the code is slowest, then the engine's larger ones
     * in a storm. Not smaller: each cycle also fires the time rules over every alarm in the session.
     */
    private static final int[] CYCLE_SIZES = {100, 500, 2000, 5000};

    private final WarmUpConfiguration configuration;
    private final EngineConfiguration engine;
    private final Domain domain;
    private final Clock clock;
    private volatile Report last = Report.NONE;

    public WarmUp(WarmUpConfiguration configuration, EngineConfiguration engine, Domain domain, Clock clock) {
        this.configuration = configuration;
        this.engine = engine;
        this.domain = domain;
        this.clock = clock;
    }

    /**
     * What a warm-up did: synthetic inputs and cycles run, cycles whose write was rehearsed and rolled
     * back, inputs on which a rule threw, how long it took (of which the rules, the rehearsed writes; the
     * rest is mostly the rollback), and the cost per input of its first and last cycles (wall-clock
     * microseconds, rules and rehearsed write).
     */
    public record Report(int events, int cycles, int rehearsed, int ruleFailures, Duration took, Duration rules,
                         Duration writes, double firstMicrosPerEvent, double lastMicrosPerEvent) {
        static final Report NONE = new Report(0, 0, 0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0, 0);
    }

    /** The last warm-up's report ({@link Report#NONE} before one ran, or when it is off). */
    public Report last() {
        return last;
    }

    /** Runs the warm-up on {@code rules} from {@code seed}, which it leaves as it found it. */
    public Report run(CompiledRules rules, Domain.Seed seed) {
        if (configuration.events() == 0 || configuration.maxTime().isZero()) {
            LOG.info("Warm-up off (noc.engine.warm-up.events = {}, max-time = {})", configuration.events(),
                    configuration.maxTime());
            return Report.NONE;
        }
        Domain.Traffic traffic = domain.syntheticTraffic(seed);
        if (traffic == null) {
            LOG.info("Warm-up skipped: the domain makes no synthetic traffic");
            return Report.NONE;
        }
        long started = System.nanoTime();
        Run run = new Run(rules, domain.throwAway(seed), traffic, started + configuration.maxTime().toNanos());
        try {
            domain.rehearse(run::cycles);
        } catch (RuntimeException e) {
            if (run.events == 0) {
                LOG.warn("Warm-up: the rehearsal of the writes could not start; the warm-up runs the rules only", e);
                run.cycles(changes -> {
                });
            } else {
                LOG.warn("Warm-up: rolling back the rehearsed writes failed", e);
            }
        }
        Report report = new Report(run.events, run.cycles, run.rehearsed, run.ruleFailures,
                Duration.ofNanos(System.nanoTime() - started), Duration.ofNanos(run.rulesNanos),
                Duration.ofNanos(run.writesNanos), run.first, run.lastCost);
        LOG.info("Warm-up: {} synthetic inputs in {} cycles through a throw-away session, {} cycle writes "
                        + "rehearsed and rolled back, {} rule failures, in {} ms{} (rules {} ms, writes {} ms, the "
                        + "rest the rollback); {} µs per input in the first cycle, {} µs in the last",
                report.events(), report.cycles(), report.rehearsed(), report.ruleFailures(), report.took().toMillis(),
                run.stoppedBy, report.rules().toMillis(), report.writes().toMillis(),
                Math.round(report.firstMicrosPerEvent()), Math.round(report.lastMicrosPerEvent()));
        last = report;
        return report;
    }

    /** One warm-up's cycles and what they did. */
    private final class Run {

        private final CompiledRules rules;
        private final Domain.Seed seed;
        private final Domain.Traffic traffic;
        private final long deadline;
        int events;
        int cycles;
        int rehearsed;
        int ruleFailures;
        long rulesNanos;
        long writesNanos;
        double first;
        double lastCost;
        String stoppedBy = "";

        Run(CompiledRules rules, Domain.Seed seed, Domain.Traffic traffic, long deadline) {
            this.rules = rules;
            this.seed = seed;
            this.traffic = traffic;
            this.deadline = deadline;
        }

        /** Runs the cycles, handing each one's changes to {@code writer} until it fails once. */
        void cycles(Consumer<CycleChanges> writer) {
            boolean rehearsing = true;
            try (Correlation session = new Correlation(rules, clock.instant(), seed)) {
                while (events < configuration.events()) {
                    if (System.nanoTime() > deadline) {
                        stoppedBy = " (stopped by noc.engine.warm-up.max-time)";
                        return;
                    }
                    int size = Math.min(Math.min(CYCLE_SIZES[cycles % CYCLE_SIZES.length], engine.batchSize()),
                            configuration.events() - events);
                    long cycleStarted = System.nanoTime();
                    List<Object> inputs = traffic.next(size, clock.instant());
                    CycleChanges changes = session.cycle(clock.instant(), inputs, (input, e) -> {
                        ruleFailures++;
                        LOG.debug("Warm-up: a rule failed on {}", input, e);
                    });
                    long fired = System.nanoTime();
                    rulesNanos += fired - cycleStarted;
                    if (rehearsing) {
                        try {
                            writer.accept(changes);
                            rehearsed++;
                        } catch (RuntimeException e) {
                            rehearsing = false;
                            LOG.warn("Warm-up: rehearsing a cycle's write failed; the rest of the warm-up runs the "
                                    + "rules only", e);
                        }
                    }
                    long ended = System.nanoTime();
                    writesNanos += ended - fired;
                    double cost = (ended - cycleStarted) / 1_000.0 / size;
                    if (first == 0) {
                        first = cost;
                    }
                    lastCost = cost;
                    events += size;
                    cycles++;
                }
            } catch (RuntimeException e) {
                stoppedBy = " (stopped by a failure)";
                LOG.warn("Warm-up stopped by a failure after {} synthetic inputs; the engine starts anyway", events, e);
            }
        }
    }
}
