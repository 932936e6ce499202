package noc.ingest.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * The HTTP alarm intake ({@code noc.intake.*}).
 *
 * @param maxAlarmsPerRequest the most alarms (or Alertmanager alerts) one request may carry
 * @param retryAfterSeconds   what a 503 answer tells the sender to wait while the engine queue is full
 */
@ConfigurationProperties("noc.intake")
public record IntakeConfiguration(
        @Bindable(defaultValue = "10000") @Min(1) int maxAlarmsPerRequest,
        @Bindable(defaultValue = "5") @Min(1) int retryAfterSeconds) {
}
