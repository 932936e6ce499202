package noc.metrics;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

/**
 * The metrics' settings ({@code noc.metrics.*}).
 *
 * @param countInterval how often open tickets and active alarms are counted in MariaDB for their
 *                      gauges; a scrape reads the last count and never waits for the database
 */
@ConfigurationProperties("noc.metrics")
public record MetricsConfiguration(@Bindable(defaultValue = "15s") @NotNull Duration countInterval) {

    public MetricsConfiguration {
        if (countInterval.isNegative() || countInterval.isZero()) {
            throw new IllegalArgumentException("noc.metrics.count-interval must be positive, not " + countInterval);
        }
    }
}
