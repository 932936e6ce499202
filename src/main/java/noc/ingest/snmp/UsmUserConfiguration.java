package noc.ingest.snmp;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import noc.configuration.Masked;

/**
 * One SNMPv3 user ({@code noc.snmp.usm-users[n].*}).
 *
 * @param authProtocol   SHA-1, SHA-224, SHA-256, SHA-384 or SHA-512
 * @param authPassphrase at least 8 characters
 * @param privProtocol   AES-128, AES-192 or AES-256; unset for authNoPriv
 * @param engineId       the sender's engine ID in hex ({@code 0x8000000001020304}), needed for
 *                       traps; informs discover it
 */
@EachProperty(value = "noc.snmp.usm-users", list = true)
public record UsmUserConfiguration(
        @Parameter Integer index,
        @NotBlank String name,
        @Bindable(defaultValue = "SHA-256") String authProtocol,
        @NotBlank String authPassphrase,
        @Nullable String privProtocol,
        @Nullable String privPassphrase,
        @Nullable String engineId) {

    /** Without the passphrases: a record prints every field. */
    @Override
    public String toString() {
        return "UsmUserConfiguration[index=" + index + ", name=" + name + ", authProtocol=" + authProtocol
                + ", authPassphrase=" + Masked.secret(authPassphrase) + ", privProtocol=" + privProtocol
                + ", privPassphrase=" + Masked.secret(privPassphrase) + ", engineId=" + engineId + "]";
    }
}
