package noc.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.inject.Singleton;

/**
 * The inputs of each committed cycle, with the time the cycle fired at, told in commit order to one
 * observer at a time (a shadow run of candidate rules). The engine hands them over right after the
 * commit and goes on: an observer never holds it up, and one that throws is logged and ignored.
 */
@Singleton
public final class CommittedInputs {

    private static final Logger LOG = LoggerFactory.getLogger(CommittedInputs.class);

    private final AtomicReference<InputTap> observer = new AtomicReference<>(InputTap.NONE);

    /** From the next committed cycle on, tells {@code tap} (in place of any other). */
    public void observe(InputTap tap) {
        observer.set(tap);
    }

    /** Stops telling {@code tap}, if it is the one told. */
    public void stopObserving(InputTap tap) {
        observer.compareAndSet(tap, InputTap.NONE);
    }

    /** A cycle at {@code cycleTime} committed {@code batch}: the observer gets its inputs, batches taken apart. */
    void offer(Instant cycleTime, List<EngineQueue.Submission> batch) {
        InputTap tap = observer.get();
        if (tap == InputTap.NONE) {
            return;
        }
        List<Object> inputs = new ArrayList<>(batch.size());
        for (EngineQueue.Submission submission : batch) {
            if (submission.input() instanceof EngineQueue.Batch many) {
                inputs.addAll(many.inputs());
            } else {
                inputs.add(submission.input());
            }
        }
        try {
            tap.offer(cycleTime, inputs);
        } catch (RuntimeException e) {
            LOG.warn("The observer of committed inputs failed", e);
        }
    }
}
