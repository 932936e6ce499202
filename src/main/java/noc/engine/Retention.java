package noc.engine;

import java.time.Duration;
import java.time.Instant;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

/**
 * How long finished things stay in the session ({@code noc.retention.*}), so that it does not grow
 * with everything ever stored. What leaves the session stays in MariaDB, readable through the API.
 *
 * @param clearedAlarms a cleared alarm, once cleared for longer, leaves the session (unless its ticket
 *                      is still open) and is not loaded at startup; its reduction key seen again
 *                      raises a new alarm
 * @param closedTickets a closed ticket's maintenance window, once the ticket is closed for longer, is
 *                      not loaded at startup (closed tickets themselves never are)
 */
@ConfigurationProperties("noc.retention")
public record Retention(
        @Bindable(defaultValue = "7d") @NotNull Duration clearedAlarms,
        @Bindable(defaultValue = "30d") @NotNull Duration closedTickets) {

    public Retention {
        if (clearedAlarms == null || clearedAlarms.isNegative() || clearedAlarms.isZero()) {
            throw new IllegalArgumentException("noc.retention.cleared-alarms must be positive: " + clearedAlarms);
        }
        if (closedTickets == null || closedTickets.isNegative() || closedTickets.isZero()) {
            throw new IllegalArgumentException("noc.retention.closed-tickets must be positive: " + closedTickets);
        }
    }

    public static Retention defaults() {
        return new Retention(Duration.ofDays(7), Duration.ofDays(30));
    }

    /** Alarms cleared before this instant are retired at {@code now}. */
    public Instant clearedAlarmsBefore(Instant now) {
        return now.minus(clearedAlarms);
    }

    /** Tickets closed before this instant are forgotten at {@code now}. */
    public Instant closedTicketsBefore(Instant now) {
        return now.minus(closedTickets);
    }
}
