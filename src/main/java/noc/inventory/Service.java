package noc.inventory;

import static java.util.Objects.requireNonNull;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A service a customer buys, by its reference.
 *
 * @param redundant whether it survives the loss of one access (a second link, a standby device)
 */
@Serdeable
public record Service(String reference, String customer, @Nullable String site, Criticality criticality,
                      boolean redundant) implements InventoryItem {

    public Service {
        requireNonNull(reference, "reference is null");
        requireNonNull(customer, "customer is null");
        requireNonNull(criticality, "criticality is null");
    }

    @Override
    public InventoryKind kind() {
        return InventoryKind.SERVICES;
    }

    @Override
    public String key() {
        return reference;
    }

    public String getReference() { return reference; }
    public String getCustomer() { return customer; }
    public String getSite() { return site; }
    public Criticality getCriticality() { return criticality; }
    public boolean isRedundant() { return redundant; }
}
