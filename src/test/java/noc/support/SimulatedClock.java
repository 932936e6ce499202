package noc.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it. */
public final class SimulatedClock extends Clock {

    private volatile Instant now;

    public SimulatedClock(Instant start) {
        this.now = start;
    }

    public Instant advance(Duration step) {
        now = now.plus(step);
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a simulated clock is UTC");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
