package noc.shadow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import noc.domain.SessionStateLoader;
import noc.engine.CommittedInputs;
import noc.engine.CompiledRules;
import noc.engine.Engine;
import noc.engine.InputTap;

/**
 * One shadow run of candidate rules beside the live ones, on a thread of its own. The engine offers
 * it the inputs of each committed cycle ({@link CommittedInputs}; an empty cycle is a tick of the
 * clock); it queues them and returns at once, and should it fall behind it stops, so the live engine
 * never waits for it. Its sessions are rebuilt from MariaDB when it starts; it commits nothing,
 * notifies nobody and answers no sender. It stops by itself at its limits ({@link ShadowConfiguration}),
 * when the live rules are redeployed (its baseline would no longer be them), or when asked.
 */
final class ShadowRun implements InputTap {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowRun.class);

    private record Cycle(Instant time, List<Object> inputs) {
        int weight() {
            return Math.max(1, inputs.size());
        }
    }

    private final Engine engine;
    private final CommittedInputs committedInputs;
    private final SessionStateLoader loader;
    private final Clock clock;
    private final ShadowConfiguration limits;
    private final CompiledRules live;
    private final CompiledRules candidate;
    private final List<String> candidateFiles;
    private final String startedBy;
    private final Instant startedAt;
    private final BlockingQueue<Cycle> queue = new LinkedBlockingQueue<>();
    /** Inputs queued (a cycle without input counts one), bounded by the queue capacity. */
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicReference<String> stopReason = new AtomicReference<>();
    private final List<Difference> differences = new ArrayList<>();
    private final Thread thread;
    private volatile ShadowStatus.State state = ShadowStatus.State.STARTING;
    private volatile Instant stoppedAt;
    private volatile long inputsCompared;

    ShadowRun(Engine engine, CommittedInputs committedInputs, SessionStateLoader loader, Clock clock,
              ShadowConfiguration limits, CompiledRules candidate, List<String> candidateFiles, String startedBy) {
        this.engine = engine;
        this.committedInputs = committedInputs;
        this.loader = loader;
        this.clock = clock;
        this.limits = limits;
        this.live = engine.rules();
        this.candidate = candidate;
        this.candidateFiles = List.copyOf(candidateFiles);
        this.startedBy = startedBy;
        this.startedAt = clock.instant();
        this.thread = new Thread(this::run, "rules-shadow");
        thread.setDaemon(true);
    }

    /** Observes the committed inputs, then reads MariaDB and runs on its own thread. */
    void start() {
        committedInputs.observe(this);
        thread.start();
    }

    @Override
    public void offer(Instant cycleTime, List<Object> inputs) {
        if (stopReason.get() != null) {
            return;
        }
        Cycle cycle = new Cycle(cycleTime, inputs);
        if (waiting.addAndGet(cycle.weight()) > limits.queueCapacity()) {
            stop("fell behind the live engine: more than " + limits.queueCapacity()
                    + " inputs waited for it (noc.rules.shadow.queue-capacity)");
            return;
        }
        queue.add(cycle);
    }

    /** Asks the run to stop, for {@code reason} (the first reason given stays); it returns at once. */
    void stop(String reason) {
        if (stopReason.compareAndSet(null, reason)) {
            committedInputs.stopObserving(this);
        }
    }

    /** Waits at most {@code millis} for the run's thread to end. */
    void awaitStopped(long millis) throws InterruptedException {
        thread.join(millis);
    }

    ShadowStatus.State state() {
        return state;
    }

    ShadowStatus status() {
        List<Difference> kept;
        synchronized (differences) {
            kept = List.copyOf(differences);
        }
        ShadowStatus.State now = state;
        return new ShadowStatus(now, now == ShadowStatus.State.STOPPED ? stopReason.get() : null, startedBy,
                startedAt, stoppedAt, candidateFiles, inputsCompared, Math.max(0, waiting.get()), kept.size(), kept);
    }

    private void run() {
        try {
            // What was committed before the state is read is in it.
            List<Cycle> before = new ArrayList<>();
            queue.drainTo(before);
            waiting.addAndGet(-before.stream().mapToLong(Cycle::weight).sum());
            try (ShadowPair pair = ShadowPair.open(live, candidate, clock.instant(), loader.load())) {
                state = ShadowStatus.State.RUNNING;
                LOG.info("Shadow run of {} started by {}", candidateFiles, startedBy);
                while (stopReason.get() == null) {
                    Cycle cycle = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (engine.rules() != live) {
                        stop("the live rules were redeployed: they are no longer those the candidate is compared with");
                    } else if (!clock.instant().isBefore(startedAt.plus(limits.maxDuration()))) {
                        stop("ran for the longest allowed, " + limits.maxDuration().toString().substring(2)
                                .toLowerCase(java.util.Locale.ROOT) + " (noc.rules.shadow.max-duration)");
                    } else if (cycle != null) {
                        waiting.addAndGet(-cycle.weight());
                        keep(pair.clock(cycle.time()));
                        for (int i = 0; i < cycle.inputs().size() && stopReason.get() == null; i++) {
                            keep(pair.input(cycle.time(), cycle.inputs().get(i)));
                            inputsCompared = pair.inputs();
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            stop("interrupted");
        } catch (RuntimeException e) {
            LOG.error("The shadow run failed", e);
            stop("failed: " + e.getClass().getSimpleName() + "; the log has the cause");
        } finally {
            committedInputs.stopObserving(this);
            queue.clear();
            stoppedAt = clock.instant();
            state = ShadowStatus.State.STOPPED;
            LOG.info("Shadow run of {} stopped: {}; {} inputs compared, {} differences", candidateFiles,
                    stopReason.get(), inputsCompared, differences.size());
        }
    }

    /** Keeps differences up to the cap, and stops the run when it is reached. */
    private void keep(List<Difference> found) {
        synchronized (differences) {
            for (Difference difference : found) {
                if (differences.size() >= limits.maxDifferences()) {
                    break;
                }
                differences.add(difference);
            }
            if (differences.size() >= limits.maxDifferences()) {
                stop("kept the most differences allowed, " + limits.maxDifferences()
                        + " (noc.rules.shadow.max-differences)");
            }
        }
    }
}
