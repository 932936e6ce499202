package noc.console;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code noc.console.*}.
 *
 * @param secureCookie  whether the session and CSRF cookies are marked {@code Secure} (sent over HTTPS
 *                      only): on wherever the console is reached through TLS
 * @param liveClients   how many browsers may follow the board live at once; more are refused (503)
 * @param liveBuffer    the events waiting for one browser; a browser that lets more pile up is
 *                      dropped (it reconnects by itself) so that it never holds anything back
 * @param liveInterval  how often committed changes are told to the browsers, at most: a burst of
 *                      cycles becomes one refresh
 * @param boardRows     the most active alarms the board reads, last seen first
 */
@ConfigurationProperties("noc.console")
public record ConsoleConfiguration(@Bindable(defaultValue = "false") boolean secureCookie,
                                   @Bindable(defaultValue = "200") @Min(1) @Max(10000) int liveClients,
                                   @Bindable(defaultValue = "16") @Min(1) @Max(1000) int liveBuffer,
                                   @Bindable(defaultValue = "250ms") @NotNull Duration liveInterval,
                                   @Bindable(defaultValue = "500") @Min(1) @Max(1000) int boardRows) {
}
