package noc.inventory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import noc.engine.FactTable;
import noc.engine.SessionContext;

/**
 * The inventory in a session: one fact per item, and one {@link DeviceAddress} per address of a
 * device, kept in line with MariaDB's inventory by each snapshot the inventory intake offers.
 * Reference data: the rules read it, nothing writes it back.
 */
public final class InventoryFacts {

    private final FactTable<InventoryItem> items;
    private final FactTable<DeviceAddress> addresses;

    public InventoryFacts(SessionContext context, List<InventoryItem> loaded) {
        this.items = context.referenceTable(InventoryItem.class, InventoryFacts::key);
        this.addresses = context.referenceTable(DeviceAddress.class, DeviceAddress::address);
        sync(loaded);
    }

    /** Inserts, replaces and removes facts by kind and key so that they are {@code loaded}. */
    public void sync(List<InventoryItem> loaded) {
        Map<String, InventoryItem> wanted = new HashMap<>();
        Map<String, DeviceAddress> wantedAddresses = new HashMap<>();
        for (InventoryItem item : loaded) {
            wanted.put(key(item), item);
            if (item instanceof Device device) {
                for (String address : device.addresses()) {
                    wantedAddresses.put(address, new DeviceAddress(address, device.name()));
                }
            }
        }
        items.sync(wanted);
        addresses.sync(wantedAddresses);
    }

    public boolean knowsCustomer(String name) {
        return name != null && items.contains(InventoryKind.CUSTOMERS + ":" + name);
    }

    public boolean knowsService(String reference) {
        return reference != null && items.contains(InventoryKind.SERVICES + ":" + reference);
    }

    /** Every item as it is now. */
    public java.util.Collection<InventoryItem> items() {
        return items.values();
    }

    private static String key(InventoryItem item) {
        return item.kind() + ":" + item.key();
    }
}
