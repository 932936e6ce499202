package noc.maintenance;

import java.time.Duration;

/** How a maintenance window repeats. */
public enum Recurrence {
    NONE(Duration.ZERO), DAILY(Duration.ofDays(1)), WEEKLY(Duration.ofDays(7));

    private final Duration period;

    Recurrence(Duration period) {
        this.period = period;
    }

    public Duration period() {
        return period;
    }
}
