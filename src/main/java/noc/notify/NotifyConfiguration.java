package noc.notify;

import java.time.Duration;
import java.util.List;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Notifications ({@code noc.notify.*}).
 *
 * @param webhooks    URLs that receive every ticket event as a JSON POST (chat tools, ITSM bridges)
 * @param maxAttempts deliveries tried before a notification is given up and journaled as failed
 * @param retryMax    the longest pause between two attempts
 */
@ConfigurationProperties("noc.notify")
public record NotifyConfiguration(
        @Bindable(defaultValue = "") @NotNull List<String> webhooks,
        @Bindable(defaultValue = "8") @Min(1) int maxAttempts,
        @Bindable(defaultValue = "10m") @NotNull Duration retryMax) {

    public NotifyConfiguration {
        webhooks = webhooks.stream().filter(w -> !w.isBlank()).toList();
    }
}
