package noc.ticket;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

import io.micronaut.core.annotation.Nullable;

/**
 * A ticket's SLA clock (PROCEDURE.md P-3, P-6.2): the restore objective of its priority, the time
 * that does not count (waiting on the customer, and resolved until a dispute or a return of its
 * alarm reopens it: the clock stops at the resolution and runs again from the reopening, P-4.3), and
 * whether the objective was missed.
 * Pure in (clock, now): a restart or a simulated clock gives the same answers.
 *
 * @param restoreObjective the restore objective of the ticket's priority, or null when it has none
 * @param paused           time not counted of the finished waits and resolutions
 * @param waitingSince     when the current wait began, or null when not waiting
 * @param questionAskedAt  when the customer was asked a question still unanswered (P-3.2), or null
 * @param resolvedAt       when the ticket was last resolved, while it stays resolved (P-4.3), or null:
 *                         the clock is stopped since
 */
public record SlaClock(@Nullable Duration restoreObjective, Duration paused, @Nullable Instant waitingSince,
                       boolean breached, @Nullable Instant questionAskedAt, @Nullable Instant resolvedAt) {

    public SlaClock {
        requireNonNull(paused, "paused is null");
    }

    public static SlaClock started(Duration restoreObjective) {
        return new SlaClock(restoreObjective, Duration.ZERO, null, false, null, null);
    }

    /** Time not counted so far, the current wait or resolution included. */
    public Duration pausedAt(Instant now) {
        Duration stopped = paused;
        if (waitingSince != null) {
            stopped = stopped.plus(Duration.between(waitingSince, now));
        }
        if (resolvedAt != null && now.isAfter(resolvedAt)) {
            stopped = stopped.plus(Duration.between(resolvedAt, now));
        }
        return stopped;
    }

    /** Open time that counts: since opening, less the waits. */
    public Duration elapsedAt(Instant openedAt, Instant now) {
        return Duration.between(openedAt, now).minus(pausedAt(now));
    }

    /** When the restore objective falls due, pushed back by the waits; null without an objective. */
    public Instant restoreDueAt(Instant openedAt, Instant now) {
        return restoreObjective == null ? null : openedAt.plus(restoreObjective).plus(pausedAt(now));
    }

    public SlaClock waiting(Instant now) {
        return waitingSince != null ? this
                : new SlaClock(restoreObjective, paused, now, breached, questionAskedAt, resolvedAt);
    }

    public SlaClock resumed(Instant now) {
        return waitingSince == null ? this
                : new SlaClock(restoreObjective, paused.plus(Duration.between(waitingSince, now)), null, breached,
                questionAskedAt, resolvedAt);
    }

    public SlaClock withObjective(Duration objective) {
        return new SlaClock(objective, paused, waitingSince, breached, questionAskedAt, resolvedAt);
    }

    public SlaClock asked(Instant now) {
        return new SlaClock(restoreObjective, paused, waitingSince, breached, now, resolvedAt);
    }

    public SlaClock answered() {
        return new SlaClock(restoreObjective, paused, waitingSince, breached, null, resolvedAt);
    }

    /** Whether a question has waited {@code timeout} or more for its answer at {@code now}. */
    public boolean isQuestionUnansweredFor(Duration timeout, Instant now) {
        return questionAskedAt != null && !now.isBefore(questionAskedAt.plus(timeout));
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public Instant getQuestionAskedAt() {
        return questionAskedAt;
    }

    /** Resolved at {@code now}: the clock stops (a wait in progress ends). */
    public SlaClock stopped(Instant now) {
        SlaClock resumed = resumed(now);
        return new SlaClock(restoreObjective, resumed.paused, null, breached, questionAskedAt, now);
    }

    /** Reopened at {@code now} (a dispute, a returning alarm): the clock runs again, the resolved time not counted. */
    public SlaClock restarted(Instant now) {
        if (resolvedAt == null) {
            return this;
        }
        Duration resolved = now.isAfter(resolvedAt) ? Duration.between(resolvedAt, now) : Duration.ZERO;
        return new SlaClock(restoreObjective, paused.plus(resolved), waitingSince, breached, questionAskedAt, null);
    }

    /** Whether the ticket has stayed resolved for {@code period} at {@code now} (P-4.3). */
    public boolean isResolvedFor(Duration period, Instant now) {
        return resolvedAt != null && !now.isBefore(resolvedAt.plus(period));
    }

    public boolean isBreached() {
        return breached;
    }

    public SlaClock breachedNow() {
        return new SlaClock(restoreObjective, paused, waitingSince, true, questionAskedAt, resolvedAt);
    }
}
