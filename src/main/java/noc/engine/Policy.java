package noc.engine;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The figures the rules apply, from configuration ({@code noc.policy.*}), so that an operator changes
 * them without a rebuild (PROCEDURE.md P-3.1): one fact in the session.
 *
 * @param majorIncidentCustomers a P1 that affects more customers than this is a major incident (P-5.6)
 * @param serviceMergeWindow     an alarm on a customer service joins the service's ticket opened less
 *                               than this before it, instead of opening its own
 */
@ConfigurationProperties("noc.policy")
public record Policy(
        @Bindable(defaultValue = "3") @Min(0) int majorIncidentCustomers,
        @Bindable(defaultValue = "15m") @NotNull Duration serviceMergeWindow) {

    public static Policy defaults() {
        return new Policy(3, Duration.ofMinutes(15));
    }

    public Policy withMajorIncidentCustomers(int customers) {
        return new Policy(customers, serviceMergeWindow);
    }

    public long getServiceMergeWindowSeconds() {
        return serviceMergeWindow.toSeconds();
    }

    public int getMajorIncidentCustomers() {
        return majorIncidentCustomers;
    }
}
