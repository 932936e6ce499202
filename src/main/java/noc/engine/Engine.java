package noc.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;

/**
 * The engine: one thread owns the rules session, a second commits. Each cycle the engine thread
 * drains a batch from the queue (or waits at most one tick), moves the session clock to the injected
 * clock, puts each input in and fires, and hands what the rules changed to the commit thread, which
 * writes it in one transaction and only then tells the intakes their inputs are committed. The
 * hand-off holds at most {@value #CYCLES_IN_FLIGHT} cycles, so that firing the next cycle overlaps
 * committing the last one while a slow database still slows the engine down (back-pressure).
 *
 * <p>When the database refuses a cycle for its data, the commit thread writes nothing more of that
 * session: it hands the refused cycle, and every cycle fired after it on its state, back to the
 * engine thread. The engine thread, before it fires again, waits for the commit thread to be empty,
 * rebuilds the session from MariaDB, and replays the refused cycle in halves (each good half
 * commits, a refused half is split again on a rebuilt session) until the inputs the database
 * refuses are alone, and refused to their senders; then it replays the cycles that came back behind
 * it. So no cycle commits state a refused cycle left behind, and one bad input costs only itself.
 */
@Context
@io.micronaut.context.annotation.Requires(condition = noc.cluster.Roles.All.class)
public final class Engine implements RuleDeployment {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final int CYCLES_IN_FLIGHT = 2;

    private final EngineQueue queue;
    private final EngineConfiguration configuration;
    private final Clock clock;
    private final Committer committer;
    private final Domain domain;
    private final String name;
    /**
     * A partition's engine (role {@code engine}): its cycles store how far its inputs went, so a cycle
     * given up must not be followed by one that commits, which would store a position past its inputs.
     */
    private final boolean positioned;
    /** Set when a commit was fenced: this node no longer owns the session's partition. */
    private volatile boolean fenced;
    private volatile Correlation correlation;
    private final AtomicReference<CompiledRules> pendingRules = new AtomicReference<>();
    /** Cycles handed to the commit thread and not finished; its monitor signals each finish. */
    private final AtomicInteger commitsInFlight = new AtomicInteger();
    /** Cycles the commit thread gave back unwritten, in order: the refused one, then its successors. */
    private final BlockingQueue<Returned> returned = new LinkedBlockingQueue<>();
    /** The newest session generation the database refused a cycle of (written by the commit thread). */
    private volatile int refusedGeneration = -1;
    /** The generation of the running session: one more at each rebuild (engine thread only). */
    private int generation;
    /** The inputs the engine thread holds between the queue and the commit hand-off. */
    private List<EngineQueue.Submission> inHand = List.of();
    private volatile String failure;
    private final EngineMeters meters;
    private final CommittedInputs committedInputs;
    private final BlockingQueue<PendingCommit> commits = new ArrayBlockingQueue<>(CYCLES_IN_FLIGHT);
    private final CountDownLatch stopped = new CountDownLatch(2);
    private volatile boolean running = true;
    private volatile Instant lastCommit;

    @jakarta.inject.Inject
    public Engine(EngineQueue queue, EngineConfiguration configuration, RulesConfiguration rules, Clock clock,
                  Domain domain, MeterRegistry meters, CommittedInputs committedInputs, WarmUp warmUp)
            throws RuleBuildException {
        this("engine", queue, configuration, clock, domain, meters, committedInputs,
                startingPoint(rules, domain, warmUp), false);
        LOG.info("Rules loaded: {} rules from {} in {}; session rebuilt with {} facts", correlation.rules().ruleCount(),
                correlation.rules().files(), rules.directory().toAbsolutePath(), correlation.factCount());
    }

    private Engine(String name, EngineQueue queue, EngineConfiguration configuration, Clock clock, Domain domain,
                   MeterRegistry meters, CommittedInputs committedInputs, StartingPoint from, boolean positioned) {
        this.name = name;
        this.positioned = positioned;
        this.domain = domain;
        this.committedInputs = committedInputs;
        this.queue = queue;
        this.configuration = configuration;
        this.clock = clock;
        this.committer = new Committer(domain::write, configuration, meters, () -> running);
        Instant start = clock.instant();
        this.correlation = new Correlation(from.rules(), start, from.seed(), configuration.tick());
        this.meters = new EngineMeters(meters, queue, () -> correlation.rules(), !positioned);
        this.lastCommit = start;
        new Thread(this::runRules, name).start();
        new Thread(this::runCommits, name + "-commit").start();
    }

    /**
     * The engine of one partition's session, for a node that shares the work with others (role
     * {@code engine}): it starts from {@code seed} (that partition's alarms, tickets and windows), takes
     * its inputs from {@code queue}, and writes through {@code domain}, which commits each cycle with the
     * position of its last input and refuses, with {@link FencedException}, a cycle of a partition this
     * node no longer owns; the engine then takes no more input ({@link #fenced()}). Its threads are
     * named {@code name} and {@code name-commit}.
     */
    public static Engine ofPartition(String name, EngineQueue queue, EngineConfiguration configuration,
                                     CompiledRules rules, Domain.Seed seed, Clock clock, Domain domain,
                                     MeterRegistry meters) {
        return new Engine(name, queue, configuration, clock, domain, meters, new CommittedInputs(),
                new StartingPoint(rules, seed), true);
    }

    /** The rules compiled, the session's seed read, and the warm-up run on them: what the engine starts from. */
    private static StartingPoint startingPoint(RulesConfiguration rules, Domain domain, WarmUp warmUp)
            throws RuleBuildException {
        CompiledRules compiled = new RuleCompiler().compile(rules.directory());
        compiled.warnings().forEach(w -> LOG.warn("Rule warning: {}", w));
        Domain.Seed seed = domain.load();
        // Before the engine threads take the queue (and before /health is UP): see WarmUp.
        warmUp.run(compiled, seed);
        return new StartingPoint(compiled, seed);
    }

    private record StartingPoint(CompiledRules rules, Domain.Seed seed) {
    }

    /**
     * Whether this partition's engine stopped committing: another node took its partition (a cycle was
     * fenced), or a cycle was given up while stopping. It takes no more input.
     */
    public boolean fenced() {
        return fenced;
    }

    /** The inputs waiting for this engine. */
    public int backlog() {
        return queue.size();
    }

    /** When the last cycle was committed: a lag far beyond one tick means the engine is stuck or slow. */
    public Instant lastCycle() {
        return lastCommit;
    }

    /** How many facts of {@code type} the session holds (for tests). */
    public long facts(Class<?> type) {
        return correlation.facts(type).size();
    }

    /** The rule base the engine runs now. */
    @Override
    public CompiledRules rules() {
        return correlation.rules();
    }

    /**
     * Asks the engine to run {@code rules} from its next cycle on. The engine lets the cycles in
     * flight commit, rebuilds the session from MariaDB as at startup, and goes on; queued inputs wait
     * in the queue meanwhile, so none is lost.
     */
    @Override
    public void deploy(CompiledRules rules) {
        pendingRules.set(rules);
    }

    /** Why the engine thread stopped while the application runs, or null while it works. */
    public String failure() {
        return failure;
    }

    private void runRules() {
        try {
            while (!fenced && (running || queue.size() > 0)) {
                rebuildIfNeeded();
                List<EngineQueue.Submission> batch = queue.drain(configuration.batchSize(),
                        running ? configuration.tick() : Duration.ZERO);
                inHand = batch;
                long started = System.nanoTime();
                Instant cycleTime = clock.instant();
                CycleChanges changes = fire(batch, cycleTime);
                if (changes == null) {
                    pendingRules.compareAndSet(null, correlation.rules()); // rebuild before the next cycle
                    continue;
                }
                meters.rulesTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                meters.batchSizes.record(batch.size());
                commitsInFlight.incrementAndGet();
                commits.put(new PendingCommit(changes, batch, generation, cycleTime));
                inHand = List.of();
            }
            awaitNoCommitInFlight();
            if (refusedGeneration == generation && !fenced) {
                rebuildIfNeeded(); // a cycle refused while stopping: its good inputs still commit
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failure = "the engine thread stopped: " + e;
            LOG.error("The engine thread died; the inputs it held and those queued are refused, and the queue "
                    + "takes no more", e);
            IllegalStateException refusal = new IllegalStateException(failure);
            inHand.forEach(submission -> tell(submission, refusal));
            queue.close().forEach(submission -> tell(submission, refusal));
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

    /**
     * Fires one cycle on the session; null when it failed outside the rules, in which case its
     * inputs are refused and the session is rebuilt before the next cycle.
     */
    private CycleChanges fire(List<EngineQueue.Submission> batch, Instant cycleTime) {
        List<Object> inputs = batch.stream().map(EngineQueue.Submission::input).toList();
        CycleChanges changes;
        try {
            changes = correlation.cycle(cycleTime, inputs, (input, e) -> {
                meters.ruleFailures.increment();
                LOG.error("A rule failed on {}", input == null ? "the clock tick" : input, e);
            });
        } catch (RuntimeException e) {
            LOG.error("A cycle failed outside the rules; its {} inputs are dropped and the session "
                    + "rebuilt", batch.size(), e);
            batch.forEach(submission -> tell(submission, e));
            return null;
        }
        meters.unconsumed.addAndGet(correlation.takeUnconsumed());
        for (EngineQueue.Submission submission : batch) {
            changes.inputsUpTo(submission.position());
            if (submission.receipt() == Receipt.NONE) {
                continue; // a trap: nobody to tell
            }
            try {
                submission.receipt().beforeCommit(changes.replyTo(submission.input()), changes);
            } catch (RuntimeException e) {
                LOG.warn("A receipt failed before the commit", e);
            }
        }
        return changes;
    }

    /**
     * The engine thread's half of the refusal hand-off. When new rules wait, or the commit thread
     * reported that the database refused a cycle of the running session, the session may no longer
     * be fired: it waits until the commit thread has no cycle left (a refused cycle's successors
     * come back uncommitted, as they fired on its state), rebuilds the session from MariaDB, then
     * replays what came back in order, isolating the refused inputs.
     */
    private void rebuildIfNeeded() throws InterruptedException {
        CompiledRules next = pendingRules.getAndSet(null);
        if (next == null && refusedGeneration != generation) {
            return;
        }
        awaitNoCommitInFlight();
        List<Returned> replay = new ArrayList<>();
        returned.drainTo(replay);
        // held until replayed: should this thread die meanwhile, their senders are told
        inHand = replay.stream().flatMap(cycle -> cycle.batch().stream()).toList();
        rebuild(next != null ? next : correlation.rules());
        if (!replay.isEmpty()) {
            LOG.info("Session rebuilt from MariaDB after a refused commit; replaying {} cycle(s) of {} inputs",
                    replay.size(), replay.stream().mapToInt(cycle -> cycle.batch().size()).sum());
        }
        if (next != null) {
            LOG.info("Rules deployed: {} rules from {}; session rebuilt with {} facts", next.ruleCount(),
                    next.files(), correlation.factCount());
        }
        for (Returned cycle : replay) {
            if (cycle.refused()) {
                isolate(cycle.batch());
            } else {
                replay(cycle.batch());
            }
        }
    }

    /** Fires and commits {@code batch} on this thread; if the database refuses it, isolates its culprits. */
    private void replay(List<EngineQueue.Submission> batch) throws InterruptedException {
        if (!fireAndCommit(batch)) {
            rebuild(correlation.rules());
            isolate(batch);
        }
    }

    /**
     * {@code batch} was refused, and the session rebuilt since: a single input is refused to its
     * sender; a larger batch is replayed in halves, each good half committing.
     */
    private void isolate(List<EngineQueue.Submission> batch) throws InterruptedException {
        if (batch.isEmpty()) {
            LOG.error("The database refused a cycle without inputs (what the clock alone changed)");
            return;
        }
        if (batch.size() == 1) {
            EngineQueue.Submission submission = batch.get(0);
            meters.inputsRefused.increment();
            LOG.error("The database refused an input, which is dropped (the other inputs of its cycle commit): {}",
                    submission.input());
            tell(submission, new InputRefusedException());
            return;
        }
        int half = batch.size() / 2;
        replay(batch.subList(0, half));
        replay(batch.subList(half, batch.size()));
    }

    /** Fires {@code batch} and commits it on this thread; false when the database refused it. */
    private boolean fireAndCommit(List<EngineQueue.Submission> batch) throws InterruptedException {
        Instant cycleTime = clock.instant();
        CycleChanges changes = fire(batch, cycleTime);
        if (changes == null) {
            rebuild(correlation.rules());
            return true;
        }
        Committer.Outcome outcome = committer.commit(changes, batch.size());
        switch (outcome.result()) {
            case COMMITTED -> {
                committed(batch, changes, cycleTime);
                return true;
            }
            case REFUSED -> {
                LOG.warn("While isolating refused inputs, a cycle of {} inputs was refused: {}", batch.size(),
                        outcome.failure().getMessage());
                return false;
            }
            case ABANDONED -> {
                abandoned(batch, outcome.failure());
                return true;
            }
            case FENCED -> {
                fenced(batch, outcome.failure());
                return true;
            }
        }
        throw new AssertionError(outcome);
    }

    /**
     * Replaces the session with one built from MariaDB, as at startup; while the database cannot be
     * read, tries again every tick (inputs wait in the queue meanwhile).
     */
    private void rebuild(CompiledRules rules) throws InterruptedException {
        while (true) {
            try {
                Correlation fresh = new Correlation(rules, clock.instant(), domain.load(), configuration.tick());
                correlation.close();
                correlation = fresh;
                generation++;
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    throw new IllegalStateException("stopping, and the session cannot be rebuilt", e);
                }
                LOG.error("Could not rebuild the session from MariaDB; trying again", e);
                Thread.sleep(configuration.tick().toMillis());
            }
        }
    }

    private void awaitNoCommitInFlight() throws InterruptedException {
        synchronized (commitsInFlight) {
            while (commitsInFlight.get() > 0) {
                commitsInFlight.wait();
            }
        }
    }

    /**
     * The commit thread's half of the hand-off: a cycle of a session the database refused a cycle
     * of is not written but handed back to the engine thread, the refused one first, in order.
     */
    private void runCommits() {
        try {
            while (true) {
                PendingCommit pending = commits.take();
                if (pending == PendingCommit.END) {
                    return;
                }
                if (fenced) {
                    pending.batch().forEach(submission -> tell(submission, new FencedException(name)));
                } else if (pending.generation() <= refusedGeneration) {
                    returned.add(new Returned(pending.batch(), false));
                } else {
                    commit(pending);
                }
                synchronized (commitsInFlight) {
                    commitsInFlight.decrementAndGet();
                    commitsInFlight.notifyAll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failure = "the commit thread stopped: " + e;
            LOG.error("The commit thread died", e);
        } finally {
            stopped.countDown();
        }
    }

    /** A cycle committed: its senders are told, its observer too, and the engine's health and count move on. */
    private void committed(List<EngineQueue.Submission> batch, CycleChanges changes, Instant cycleTime) {
        for (EngineQueue.Submission submission : batch) {
            try {
                submission.receipt().committed(changes.replyTo(submission.input()));
            } catch (RuntimeException e) {
                LOG.warn("A receipt failed", e);
            }
        }
        committedInputs.offer(cycleTime, batch);
        lastCommit = clock.instant();
        meters.cycles.increment();
    }

    private void commit(PendingCommit pending) throws InterruptedException {
        long started = System.nanoTime();
        Committer.Outcome outcome = committer.commit(pending.changes(), pending.batch().size());
        switch (outcome.result()) {
            case COMMITTED -> {
                meters.commitTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                committed(pending.batch(), pending.changes(), pending.cycleTime());
            }
            case REFUSED -> {
                LOG.error("The database refused a cycle of {} inputs; its inputs are replayed in halves on a "
                        + "session rebuilt from MariaDB until the refused ones are found", pending.batch().size(),
                        outcome.failure());
                meters.cyclesRejected.increment();
                returned.add(new Returned(pending.batch(), true));
                refusedGeneration = pending.generation();
            }
            case ABANDONED -> abandoned(pending.batch(), outcome.failure());
            case FENCED -> fenced(pending.batch(), outcome.failure());
        }
    }

    /**
     * A cycle given up while stopping: its senders are told. A partition's engine then commits nothing
     * more (a later cycle would store a position past the given-up inputs, losing them): the node that
     * takes the partition next reads them again from the position last stored.
     */
    private void abandoned(List<EngineQueue.Submission> batch, RuntimeException failure) {
        if (positioned) {
            halt(batch, failure, "a cycle could not be committed while stopping: " + failure.getMessage());
        } else {
            batch.forEach(submission -> tell(submission, failure));
        }
    }

    /**
     * Another node took this session's partition: the cycle is not written, and none after it will be.
     * The engine thread stops taking input; whatever it held is read again by the new owner from the
     * position stored with the last committed cycle.
     */
    private void fenced(List<EngineQueue.Submission> batch, RuntimeException failure) {
        halt(batch, failure, failure.getMessage());
    }

    private void halt(List<EngineQueue.Submission> batch, RuntimeException failure, String why) {
        if (!fenced) {
            LOG.warn("{}: {}; this session commits nothing more and takes no more input", name, why);
        }
        fenced = true;
        batch.forEach(submission -> tell(submission, failure));
    }

    /** Tells a submission's sender it failed; a receipt that throws must not stop the engine. */
    private static void tell(EngineQueue.Submission submission, Exception failure) {
        try {
            submission.receipt().failed(failure);
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

    /** One fired cycle waiting for its transaction, with the session generation and the time it fired at. */
    private record PendingCommit(CycleChanges changes, List<EngineQueue.Submission> batch, int generation,
                                 Instant cycleTime) {
        static final PendingCommit END = new PendingCommit(null, List.of(), -1, null);
    }

    /** A cycle the commit thread handed back unwritten: refused, or fired after a refused one. */
    private record Returned(List<EngineQueue.Submission> batch, boolean refused) {
    }
}
