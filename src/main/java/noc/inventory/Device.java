package noc.inventory;

import static java.util.Objects.requireNonNull;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A piece of equipment: the addresses its alarms come from, where it stands, the services it
 * carries, and the device it hangs off (its parent in the topology).
 */
@Serdeable
public record Device(String name, @Nullable String site, @Nullable String parent, List<String> addresses,
                     List<String> services) implements InventoryItem {

    public Device {
        requireNonNull(name, "name is null");
        addresses = List.copyOf(requireNonNull(addresses, "addresses is null"));
        services = List.copyOf(requireNonNull(services, "services is null"));
    }

    @Override
    public InventoryKind kind() {
        return InventoryKind.DEVICES;
    }

    @Override
    public String key() {
        return name;
    }

    public String getName() { return name; }
    public String getSite() { return site; }
    public String getParent() { return parent; }
    public List<String> getAddresses() { return addresses; }
    public List<String> getServices() { return services; }

    /** What the tickets about this device are grouped by, whichever of its addresses alarms come from. */
    public String ticketGroup() {
        return "device:" + name;
    }

    public String getTicketGroup() { return ticketGroup(); }
}
