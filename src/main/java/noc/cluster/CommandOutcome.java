package noc.cluster;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;

/**
 * What became of a person's command sent to the engine that owns its ticket (role {@code engine}): a
 * row of {@code command_outcome}, written by the owner in the transaction of the cycle that applied
 * the command, which the node that took the request waits for.
 *
 * @param reply what the rules answered it ({@link CommandReplies}), or why it was not applied; null
 *              when there is nothing to say
 * @param at    when the status was written
 */
public record CommandOutcome(String id, Status status, @Nullable String reply, Instant at) {

    public CommandOutcome {
        requireNonNull(id, "id is null");
        requireNonNull(status, "status is null");
        requireNonNull(at, "at is null");
    }

    /** Where a command stands. */
    public enum Status {
        /** Published, not applied yet (or the node that applies it is still at work). */
        PENDING,
        /** Applied and committed, with the rules' reply: a refusal of the rules is committed too. */
        COMMITTED,
        /** The database refused the command's data: nothing of it was done. */
        REFUSED,
        /** The engine that owns the ticket does not read this record (another version): nothing was done. */
        UNREADABLE,
        /** Kafka did not take the command: nothing was done. */
        UNSENT;

        /** Whether the command will not move any more. */
        public boolean settled() {
            return this != PENDING;
        }
    }
}
