package noc.shadow;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The limits of a shadow run ({@code noc.rules.shadow.*}): it stops by itself at the first one reached,
 * so that a run left alone never grows without bound nor slows the live engine.
 *
 * @param maxDifferences the differences a run keeps; it stops when it has that many
 * @param maxDuration    the longest a run lasts
 * @param queueCapacity  how many committed inputs may wait for the shadow; more, and it stops as
 *                       fallen behind (the live engine never waits for it)
 */
@ConfigurationProperties("noc.rules.shadow")
public record ShadowConfiguration(
        @Bindable(defaultValue = "1000") @Min(1) @Max(10_000) int maxDifferences,
        @Bindable(defaultValue = "24h") @NotNull Duration maxDuration,
        @Bindable(defaultValue = "100000") @Min(1) @Max(10_000_000) int queueCapacity) {
}
