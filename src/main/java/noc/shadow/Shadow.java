package noc.shadow;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import noc.domain.SessionStateLoader;
import noc.engine.CommittedInputs;
import noc.engine.CompiledRules;
import noc.engine.RuleCompiler;
import noc.engine.Engine;
import noc.engine.RuleBuildException;
import noc.engine.RulesConfiguration;

/**
 * Shadow runs of candidate rules: at most one at a time, and the last one's outcome kept until the
 * next starts (its differences are bounded by the cap).
 */
@Singleton
@io.micronaut.context.annotation.Requires(condition = noc.cluster.Roles.All.class)
public class Shadow {

    /** How long stopping waits for the run's thread to finish its cycle. */
    private static final long STOP_WAIT_MILLIS = 10_000;

    private final Engine engine;
    private final CommittedInputs committedInputs;
    private final SessionStateLoader loader;
    private final RulesConfiguration rules;
    private final ShadowConfiguration limits;
    private final Clock clock;
    private volatile ShadowRun run;

    public Shadow(Engine engine, CommittedInputs committedInputs, SessionStateLoader loader, RulesConfiguration rules,
                  ShadowConfiguration limits, Clock clock) {
        this.engine = engine;
        this.committedInputs = committedInputs;
        this.loader = loader;
        this.rules = rules;
        this.limits = limits;
        this.clock = clock;
    }

    /** Thrown when a run is asked for while one runs. */
    public static final class AlreadyRunning extends Exception {
        AlreadyRunning(String message) {
            super(message);
        }
    }

    /**
     * Compiles the folder with {@code candidates} standing for their files and starts a run of it.
     *
     * @throws RuleBuildException the candidate rules do not compile; nothing started
     * @throws AlreadyRunning     a run is going on; stop it first
     */
    public synchronized ShadowStatus start(Map<String, String> candidates, String by)
            throws RuleBuildException, AlreadyRunning {
        refuseWhileRunning();
        CompiledRules compiled = new RuleCompiler().compile(rules.directory(), candidates);
        refuseWhileRunning();
        ShadowRun next = new ShadowRun(engine, committedInputs, loader, clock, limits, compiled,
                List.copyOf(candidates.keySet()), by);
        run = next;
        next.start();
        return next.status();
    }

    private void refuseWhileRunning() throws AlreadyRunning {
        ShadowRun current = run;
        if (current != null && current.state() != ShadowStatus.State.STOPPED) {
            throw new AlreadyRunning("A shadow run of " + current.status().candidateFiles() + " started by "
                    + current.status().startedBy() + " is " + current.state() + ": stop it first (DELETE)");
        }
    }

    /** The present or last run; empty when none ever ran. */
    public Optional<ShadowStatus> status() {
        ShadowRun current = run;
        return current == null ? Optional.empty() : Optional.of(current.status());
    }

    /** Stops the run, if it runs, and tells where it stands; empty when none ever ran. */
    public Optional<ShadowStatus> stop(String by) throws InterruptedException {
        ShadowRun current = run;
        if (current == null) {
            return Optional.empty();
        }
        current.stop("stopped by " + by);
        current.awaitStopped(STOP_WAIT_MILLIS);
        return Optional.of(current.status());
    }

    @PreDestroy
    public void close() throws InterruptedException {
        ShadowRun current = run;
        if (current != null) {
            current.stop("the correlator stopped");
            current.awaitStopped(STOP_WAIT_MILLIS);
        }
    }
}
