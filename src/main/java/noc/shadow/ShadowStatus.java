package noc.shadow;

import java.time.Instant;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Where a shadow run stands, with the differences it kept, in the order of the inputs.
 *
 * @param state           STARTING (reading MariaDB), RUNNING or STOPPED
 * @param stopReason      why it stopped, while STOPPED
 * @param candidateFiles  the files the candidate put in place of (or beside) the folder's
 * @param inputsCompared  the inputs both rule bases were given
 * @param inputsWaiting   committed inputs not yet given to them
 * @param differenceCount how many differences it found, all of them kept (it stops at the cap)
 */
@Serdeable
public record ShadowStatus(State state, @Nullable String stopReason, String startedBy, Instant startedAt,
                           @Nullable Instant stoppedAt, List<String> candidateFiles, long inputsCompared,
                           long inputsWaiting, int differenceCount, List<Difference> differences) {

    /** Reading MariaDB to build its sessions; comparing; stopped for good. */
    public enum State { STARTING, RUNNING, STOPPED }
}
