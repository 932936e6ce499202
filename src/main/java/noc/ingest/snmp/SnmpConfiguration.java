package noc.ingest.snmp;

import java.util.List;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The SNMP trap listener ({@code noc.snmp.*}).
 *
 * @param enabled        whether to listen at all
 * @param port           the UDP port; 0 takes a free one (tests)
 * @param bindAddress    the address to listen on
 * @param receiveBuffer  the socket receive buffer asked of the kernel, which may grant less
 *                       ({@code net.core.rmem_max})
 * @param communities    v1/v2c communities accepted; empty accepts any. Not a security boundary:
 *                       communities travel in clear text
 * @param allowedSources networks (CIDR, {@code 192.0.2.0/24}, or single addresses) whose packets are
 *                       accepted; empty accepts any. Checked against the UDP source
 * @param rateLimit      the most traps per second accepted from one source, 0 for no limit; the excess
 *                       is counted and collapsed into one storm alarm per source
 * @param rateBurst      how many traps above the rate a source may send at once before it is limited
 * @param engineId       the listener's own SNMPv3 engine ID in hex, which devices configured to send
 *                       it informs name; unset, a new one is made at every start
 * @param decodeThreads  threads decoding what the socket's reader took off it; a source's datagrams
 *                       always go to the same one, so that they keep their order
 * @param receiveBacklog the most datagrams read off the socket and not yet decoded; beyond, they are
 *                       dropped and counted ({@code receive_backlog_full})
 * @param receiveBacklogBytes the most bytes of them
 * @param warmUp         synthetic traps decoded before the socket opens, so that the first real
 *                       ones meet compiled code; 0 for none
 */
@ConfigurationProperties("noc.snmp")
public record SnmpConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "1162") @Min(0) @Max(65535) int port,
        @Bindable(defaultValue = "127.0.0.1") @NotBlank String bindAddress,
        @Bindable(defaultValue = "4MB") @ReadableBytes @Min(0) int receiveBuffer,
        @Bindable(defaultValue = "") @NotNull List<String> communities,
        @Bindable(defaultValue = "") @NotNull List<String> allowedSources,
        @Bindable(defaultValue = "0") @Min(0) int rateLimit,
        @Bindable(defaultValue = "0") @Min(0) int rateBurst,
        @io.micronaut.core.annotation.Nullable String engineId,
        @Bindable(defaultValue = "2") @Min(1) @Max(64) int decodeThreads,
        @Bindable(defaultValue = "200000") @Min(1) @Max(10_000_000) int receiveBacklog,
        @Bindable(defaultValue = "64MB") @ReadableBytes @Min(65_535) int receiveBacklogBytes,
        @Bindable(defaultValue = "20000") @Min(0) @Max(10_000_000) int warmUp) {

    public SnmpConfiguration {
        communities = communities.stream().filter(c -> !c.isEmpty()).toList();
        allowedSources = allowedSources.stream().filter(c -> !c.isBlank()).toList();
    }
}
