package noc.engine;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The current engine time as a fact: one instance in the session, replaced each cycle from the
 * injected clock. Rules compare stored deadlines with it ({@code due <= $now.instant}), so a restart,
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
