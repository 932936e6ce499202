package noc.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import noc.alarm.SourceKind;

/**
 * The engine: one thread owns the rules session, a second commits. Each cycle the engine thread
 * drains a batch from the queue (or waits at most one tick), moves the session clock to the injected
 * clock, puts each input in and fires, and hands what the rules changed to the commit thread, which
 * writes it in one transaction and only then tells the intakes their inputs are committed. The
 * hand-off holds at most {@value #CYCLES_IN_FLIGHT} cycles, so that firing the next cycle overlaps
 * committing the last one while a slow database still slows the engine down (back-pressure).
 */
@Context
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final int CYCLES_IN_FLIGHT = 2;

    private final EngineQueue queue;
    private final EngineConfiguration configuration;
    private final Clock clock;
    private final CycleWriter writer;
    private final MeterRegistry meters;
    private final SessionStateLoader stateLoader;
    private final noc.notify.NotificationPlanner planner;
    private volatile Correlation correlation;
    private final AtomicReference<CompiledRules> pendingRules = new AtomicReference<>();
    private final AtomicInteger commitsInFlight = new AtomicInteger();
    private final AtomicLong unconsumed = new AtomicLong();
    private final BlockingQueue<PendingCommit> commits = new ArrayBlockingQueue<>(CYCLES_IN_FLIGHT);
    private final CountDownLatch stopped = new CountDownLatch(2);
    private final Counter cycles;
    private final Counter ruleFailures;
    private final Timer rulesTime;
    private final Timer commitTime;
    private final DistributionSummary batchSizes;
    private volatile boolean running = true;
    private volatile Instant lastCommit;

    public Engine(EngineQueue queue, EngineConfiguration configuration, RulesConfiguration rules, Clock clock,
                  CycleWriter writer, SessionStateLoader stateLoader, noc.notify.NotificationPlanner planner,
                  MeterRegistry meters)
            throws RuleBuildException {
        this.planner = planner;
        this.queue = queue;
        this.configuration = configuration;
        this.clock = clock;
        this.writer = writer;
        this.meters = meters;
        this.stateLoader = stateLoader;
        CompiledRules compiled = new RuleCompiler().compile(rules.directory());
        compiled.warnings().forEach(w -> LOG.warn("Rule warning: {}", w));
        Instant start = clock.instant();
        this.correlation = new Correlation(compiled, start, stateLoader.load());
        LOG.info("Rules loaded: {} rules from {} in {}; session rebuilt with {} facts", compiled.ruleCount(),
                compiled.files(), rules.directory().toAbsolutePath(), correlation.factCount());
        this.cycles = meters.counter("noc.engine.cycles");
        this.ruleFailures = meters.counter("noc.engine.rule.failures");
        this.rulesTime = Timer.builder("noc.engine.cycle.rules").description("time a cycle spends firing rules")
                .register(meters);
        this.commitTime = Timer.builder("noc.engine.cycle.commit")
                .description("time a cycle spends committing its changes").register(meters);
        this.batchSizes = DistributionSummary.builder("noc.engine.cycle.inputs")
                .description("inputs taken by a cycle").register(meters);
        meters.gauge("noc.engine.queue.size", queue, EngineQueue::size);
        FunctionCounter.builder("noc.engine.inputs.unconsumed", unconsumed, AtomicLong::get)
                .description("inputs no rule consumed, taken out after their cycle").register(meters);
        Gauge.builder("noc.engine.rules.loaded", this, e -> e.correlation.rules().ruleCount())
                .description("rules in the running rule base").register(meters);
        this.lastCommit = start;
        new Thread(this::runRules, "engine").start();
        new Thread(this::runCommits, "engine-commit").start();
    }

    /** When the last cycle was committed: a lag far beyond one tick means the engine is stuck or slow. */
    public Instant lastCycle() {
        return lastCommit;
    }

    /** How many inventory facts the session holds (for tests and health). */
    public long inventoryFacts() {
        return correlation.facts(noc.inventory.InventoryItem.class).size();
    }

    /** The rule base the engine runs now. */
    public CompiledRules rules() {
        return correlation.rules();
    }

    /**
     * Asks the engine to run {@code rules} from its next cycle on. The engine lets the cycles in
     * flight commit, rebuilds the session from MariaDB as at startup, and goes on; queued inputs wait
     * in the queue meanwhile, so none is lost.
     */
    public void deploy(CompiledRules rules) {
        pendingRules.set(rules);
    }

    private void swapIfAsked() throws InterruptedException {
        CompiledRules next = pendingRules.getAndSet(null);
        if (next == null) {
            return;
        }
        while (commitsInFlight.get() > 0) {
            Thread.sleep(5);
        }
        Correlation previous = correlation;
        try {
            correlation = new Correlation(next, clock.instant(), stateLoader.load());
        } catch (RuntimeException e) {
            // The database could not be read: keep the running session and try again next cycle.
            LOG.error("Could not rebuild the session for the new rules; the running rules stay for now", e);
            pendingRules.compareAndSet(null, next);
            Thread.sleep(configuration.tick().toMillis());
            return;
        }
        previous.close();
        LOG.info("Rules reloaded: {} rules from {}; session rebuilt with {} facts", next.ruleCount(), next.files(),
                correlation.factCount());
    }

    private void runRules() {
        try {
            while (running || queue.size() > 0) {
                swapIfAsked();
                List<EngineQueue.Submission> batch = queue.drain(configuration.batchSize(),
                        running ? configuration.tick() : Duration.ZERO);
                List<Object> inputs = batch.stream().map(EngineQueue.Submission::input).toList();
                long started = System.nanoTime();
                CycleChanges changes;
                try {
                    changes = correlation.cycle(clock.instant(), inputs, (input, e) -> {
                        ruleFailures.increment();
                        LOG.error("A rule failed on {}", input == null ? "the clock tick" : input, e);
                    }, planner);
                } catch (RuntimeException e) {
                    LOG.error("A cycle failed outside the rules; its {} inputs are dropped and the session "
                            + "rebuilt", batch.size(), e);
                    batch.forEach(submission -> tell(submission, e));
                    deploy(correlation.rules());
                    continue;
                }
                rulesTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                batchSizes.record(batch.size());
                unconsumed.addAndGet(correlation.takeUnconsumed());
                commitsInFlight.incrementAndGet();
                commits.put(new PendingCommit(changes, batch));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.error("The engine thread died", e);
        } finally {
            correlation.close();
            try {
                commits.put(PendingCommit.END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }
    }

    private void runCommits() {
        try {
            while (true) {
                PendingCommit pending = commits.take();
                if (pending == PendingCommit.END) {
                    return;
                }
                long started = System.nanoTime();
                try {
                    commit(pending.changes(), pending.batch());
                } catch (RuntimeException e) {
                    LOG.error("Committing a cycle failed unexpectedly", e);
                }
                commitsInFlight.decrementAndGet();
                commitTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                lastCommit = clock.instant();
                cycles.increment();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    private void commit(CycleChanges changes, List<EngineQueue.Submission> batch) throws InterruptedException {
        Duration pause = Duration.ofMillis(100);
        while (true) {
            try {
                writer.write(changes);
                break;
            } catch (RuntimeException e) {
                if (isPermanent(e)) {
                    // Retrying would never succeed and would stall the engine: the cycle is given
                    // up, its senders told, and the session rebuilt from what MariaDB holds.
                    LOG.error("A cycle of {} inputs was refused by the database and is dropped; the session is "
                            + "rebuilt from MariaDB", batch.size(), e);
                    meters.counter("noc.engine.cycles.rejected").increment();
                    batch.forEach(s -> tell(s, e));
                    deploy(correlation.rules());
                    return;
                }
                if (!running) {
                    LOG.error("Stopping with a cycle that could not be committed ({} inputs)", batch.size(), e);
                    batch.forEach(s -> tell(s, e));
                    return;
                }
                LOG.error("Committing a cycle failed; retrying in {} ms", pause.toMillis(), e);
                TimeUnit.MILLISECONDS.sleep(pause.toMillis());
                pause = pause.multipliedBy(2).compareTo(configuration.commitRetryMax()) > 0
                        ? configuration.commitRetryMax() : pause.multipliedBy(2);
            }
        }
        for (Map.Entry<SourceKind, Integer> events : changes.events().entrySet()) {
            meters.counter("noc.engine.events.committed", "source", events.getKey().label())
                    .increment(events.getValue());
        }
        for (EngineQueue.Submission submission : batch) {
            tell(submission, null);
        }
    }

    /** Whether a commit failed on the data itself (SQL state class 22 or 23), not on the connection. */
    static boolean isPermanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    /** Tells a submission's sender its fate; a receipt that throws must not stop the commit thread. */
    private static void tell(EngineQueue.Submission submission, Exception failure) {
        try {
            if (failure == null) {
                submission.receipt().committed();
            } else {
                submission.receipt().failed(failure);
            }
        } catch (RuntimeException e) {
            LOG.warn("A receipt failed", e);
        }
    }

    @PreDestroy
    public void stop() throws InterruptedException {
        running = false;
        if (!stopped.await(configuration.commitRetryMax().toMillis() + 10_000, TimeUnit.MILLISECONDS)) {
            LOG.warn("The engine did not stop in time");
        }
    }

    /** One fired cycle waiting for its transaction. */
    private record PendingCommit(CycleChanges changes, List<EngineQueue.Submission> batch) {
        static final PendingCommit END = new PendingCommit(null, List.of());
    }
}
