package noc;

import java.time.Clock;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/** The system clock in UTC, in every role; tests register their own settable clock, which wins. */
@Factory
public class ClockFactory {

    @Singleton
    @Secondary
    Clock clock() {
        return Clock.systemUTC();
    }
}
