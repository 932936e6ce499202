package noc.inventory;

import static java.util.Objects.requireNonNull;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A place where equipment stands, with its postal address. */
@Serdeable
public record Site(String name, @Nullable String customer, String address) implements InventoryItem {

    public Site {
        requireNonNull(name, "name is null");
        requireNonNull(address, "address is null");
    }

    @Override
    public InventoryKind kind() {
        return InventoryKind.SITES;
    }

    @Override
    public String key() {
        return name;
    }

    public String getName() { return name; }
    public String getCustomer() { return customer; }
    public String getAddress() { return address; }
}
