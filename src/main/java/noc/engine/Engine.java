package noc.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import noc.alarm.AlarmStore;
import noc.alarm.SourceKind;
import noc.ticket.TicketStore;

/**
 * The engine thread: the only code that touches the rules session. Each cycle it drains a batch
 * from the queue (or waits at most one tick), moves the session clock to the injected clock, puts
 * each input in and fires, then writes everything the rules changed in one transaction, and only
 * then tells the intakes their inputs are committed.
 */
@Context
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final EngineQueue queue;
    private final EngineConfiguration configuration;
    private final Clock clock;
    private final CycleWriter writer;
    private final TicketStore ticketStore;
    private final MeterRegistry meters;
    private final Correlation correlation;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Counter cycles;
    private final Counter ruleFailures;
    private volatile boolean running = true;
    private volatile Instant lastCycle;

    public Engine(EngineQueue queue, EngineConfiguration configuration, RulesConfiguration rules, Clock clock,
                  CycleWriter writer, AlarmStore alarmStore, TicketStore ticketStore, MeterRegistry meters)
            throws RuleBuildException {
        this.queue = queue;
        this.configuration = configuration;
        this.clock = clock;
        this.writer = writer;
        this.ticketStore = ticketStore;
        this.meters = meters;
        CompiledRules compiled = new RuleCompiler().compile(rules.directory());
        compiled.warnings().forEach(w -> LOG.warn("Rule warning: {}", w));
        Instant start = clock.instant();
        this.correlation = new Correlation(compiled, start, ticketStore.referenceCounters(), alarmStore.loadAll(),
                ticketStore.loadOpen());
        LOG.info("Rules loaded: {} rules from {} in {}; session rebuilt with {} facts", compiled.ruleCount(),
                compiled.files(), rules.directory().toAbsolutePath(), correlation.factCount());
        this.cycles = meters.counter("noc.engine.cycles");
        this.ruleFailures = meters.counter("noc.engine.rule.failures");
        meters.gauge("noc.engine.queue.size", queue, EngineQueue::size);
        this.lastCycle = start;
        this.thread = new Thread(this::run, "engine");
        thread.start();
    }

    /** When the last cycle ended: a lag far beyond one tick means the engine is stuck or slow. */
    public Instant lastCycle() {
        return lastCycle;
    }

    private void run() {
        try {
            while (running || queue.size() > 0) {
                List<EngineQueue.Submission> batch = queue.drain(configuration.batchSize(),
                        running ? configuration.tick() : Duration.ZERO);
                cycle(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.error("The engine thread died", e);
        } finally {
            correlation.close();
            stopped.countDown();
        }
    }

    private void cycle(List<EngineQueue.Submission> batch) throws InterruptedException {
        List<Object> inputs = batch.stream().map(EngineQueue.Submission::input).toList();
        CycleChanges changes = correlation.cycle(clock.instant(), inputs, (input, e) -> {
            ruleFailures.increment();
            LOG.error("A rule failed on {}", input == null ? "the clock tick" : input, e);
        });
        commit(changes, batch);
        lastCycle = clock.instant();
        cycles.increment();
    }

    private void commit(CycleChanges changes, List<EngineQueue.Submission> batch) throws InterruptedException {
        Duration pause = Duration.ofMillis(100);
        while (true) {
            try {
                writer.write(changes);
                break;
            } catch (RuntimeException e) {
                if (!running) {
                    LOG.error("Stopping with a cycle that could not be committed ({} inputs)", batch.size(), e);
                    correlation.abandon(ticketStore.referenceCounters());
                    batch.forEach(s -> s.receipt().failed(e));
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
            submission.receipt().committed();
        }
    }

    @PreDestroy
    public void stop() throws InterruptedException {
        running = false;
        if (!stopped.await(configuration.commitRetryMax().toMillis() + 10_000, TimeUnit.MILLISECONDS)) {
            LOG.warn("The engine did not stop in time");
            thread.interrupt();
        }
    }
}
