package noc.engine;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The engine's settings ({@code noc.engine.*}).
 *
 * @param tick          the longest the engine waits for input before it runs a cycle anyway; it
 *                      bounds how late a deadline can fire
 * @param batchSize     the most inputs one cycle (one transaction) takes
 * @param queueCapacity how many inputs may wait for the engine before intakes are refused
 * @param commitRetryMax the longest pause between two attempts to commit a cycle that failed
 */
@ConfigurationProperties("noc.engine")
public record EngineConfiguration(
        @Bindable(defaultValue = "1s") @NotNull Duration tick,
        @Bindable(defaultValue = "5000") @Min(1) @Max(1_000_000) int batchSize,
        @Bindable(defaultValue = "200000") @Min(1) int queueCapacity,
        @Bindable(defaultValue = "30s") @NotNull Duration commitRetryMax) {
}
