package noc.engine;

import java.time.Instant;
import java.util.List;

/**
 * Told of the inputs of each committed cycle, with the time the cycle fired at, in commit order: for
 * an observer that replays them elsewhere, such as a shadow run of candidate rules. Called on an
 * engine thread, so an implementation hands off and returns: it never blocks and never slows the
 * engine down.
 */
public interface InputTap {

    InputTap NONE = (cycleTime, inputs) -> {
    };

    /** {@code inputs}, each one input (batches of a request taken apart), committed in a cycle at {@code cycleTime}. */
    void offer(Instant cycleTime, List<Object> inputs);
}
