package noc.ingest.snmp;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * The SNMP trap listener ({@code noc.snmp.*}).
 *
 * @param enabled       whether to listen at all
 * @param port          the UDP port; 0 takes a free one (tests)
 * @param bindAddress   the address to listen on
 * @param receiveBuffer the socket receive buffer asked of the kernel, which may grant less
 *                      ({@code net.core.rmem_max})
 */
@ConfigurationProperties("noc.snmp")
public record SnmpConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "1162") @Min(0) @Max(65535) int port,
        @Bindable(defaultValue = "0.0.0.0") @NotBlank String bindAddress,
        @Bindable(defaultValue = "4MB") @ReadableBytes @Min(0) int receiveBuffer) {
}
