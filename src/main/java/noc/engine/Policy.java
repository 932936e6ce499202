package noc.engine;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * The figures the rules apply, from configuration ({@code noc.policy.*}), so that an operator changes
 * them without a rebuild (PROCEDURE.md P-3.1): one fact in the session.
 *
 * @param majorIncidentCustomers a P1 that affects more customers than this is a major incident (P-5.6)
 */
@ConfigurationProperties("noc.policy")
public record Policy(@Bindable(defaultValue = "3") @Min(0) int majorIncidentCustomers) {

    public static Policy defaults() {
        return new Policy(3);
    }

    public int getMajorIncidentCustomers() {
        return majorIncidentCustomers;
    }
}
