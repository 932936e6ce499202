package noc.engine;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The warm-up at startup ({@code noc.engine.warm-up.*}): synthetic inputs run through a throw-away
 * session before the engine takes its queue, so that the first real storm meets compiled code.
 *
 * @param events  how many synthetic inputs to run through; 0 turns the warm-up off
 * @param maxTime the longest the warm-up may take, whatever {@code events} says: it delays the
 *                engine's start (and /health UP) by as much
 */
@ConfigurationProperties("noc.engine.warm-up")
public record WarmUpConfiguration(
        @Bindable(defaultValue = "0") @Min(0) int events,
        @Bindable(defaultValue = "15s") @NotNull Duration maxTime) {
}
