package noc.security;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code noc.security.*}.
 *
 * @param bootstrapAdminPassword the password of the {@code admin} user made at the first start, when
 *                               there is no user yet; without it one is generated and logged once
 * @param freeLoginFailures      failed logins for a user name from an address (ten times as many
 *                               from an address) before each further attempt must wait, twice as
 *                               long each time
 * @param loginFailureMemory     how long a failure counts
 * @param maxLoginDelay          the longest wait between attempts
 * @param directoryRefresh       how often users and tokens changed by another instance are read again
 */
@ConfigurationProperties("noc.security")
public record SecurityConfiguration(@Nullable String bootstrapAdminPassword,
                                    @Bindable(defaultValue = "5") @Min(1) @Max(100) int freeLoginFailures,
                                    @Bindable(defaultValue = "15m") @NotNull Duration loginFailureMemory,
                                    @Bindable(defaultValue = "5m") @NotNull Duration maxLoginDelay,
                                    @Bindable(defaultValue = "30s") @NotNull Duration directoryRefresh) {

    @Override
    public String toString() {
        return "SecurityConfiguration[bootstrapAdminPassword=" + (bootstrapAdminPassword == null ? "unset" : "****")
                + ", freeLoginFailures=" + freeLoginFailures + "]";
    }
}
