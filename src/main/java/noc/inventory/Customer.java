package noc.inventory;

import static java.util.Objects.requireNonNull;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A customer; a managed one names its project manager, a contact (PROCEDURE.md P-1.3). */
@Serdeable
public record Customer(String name, Contract contract, @Nullable String projectManager) implements InventoryItem {

    public Customer {
        requireNonNull(name, "name is null");
        requireNonNull(contract, "contract is null");
    }

    @Override
    public InventoryKind kind() {
        return InventoryKind.CUSTOMERS;
    }

    @Override
    public String key() {
        return name;
    }

    public String getName() { return name; }
    public Contract getContract() { return contract; }
    public String getProjectManager() { return projectManager; }
}
