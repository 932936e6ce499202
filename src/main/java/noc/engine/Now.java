package noc.engine;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The current engine time as a fact: one instance in the session, replaced from the injected
 * clock at the first cycle of each engine tick ({@code noc.engine.tick}; at every cycle in tests,
 * scenarios and shadow runs), so that a deadline fires at most one tick late. Rules compare stored deadlines with it ({@code due <= $now.instant}), so a restart,
 * a rule reload and a simulated clock all give the same answers.
 */
public record Now(Instant instant) {

    public Now {
        requireNonNull(instant, "instant is null");
    }

    public Instant getInstant() {
        return instant;
    }

    public long getMillis() {
        return instant.toEpochMilli();
    }
}
