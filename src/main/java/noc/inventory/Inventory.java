package noc.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A snapshot of the inventory, by kind and key. */
public final class Inventory {

    private final Map<InventoryKind, Map<String, InventoryItem>> items = new EnumMap<>(InventoryKind.class);
    /** Which devices claim each address (more than one only in a state the checks refuse). */
    private final Map<String, java.util.Set<String>> addressOwners = new java.util.HashMap<>();

    public Inventory(Collection<? extends InventoryItem> all) {
        for (InventoryKind kind : InventoryKind.values()) {
            items.put(kind, new LinkedHashMap<>());
        }
        all.forEach(this::put);
    }

    void put(InventoryItem item) {
        InventoryItem previous = items.get(item.kind()).put(item.key(), item);
        if (previous instanceof Device old) {
            for (String address : old.addresses()) {
                java.util.Set<String> owners = addressOwners.get(address);
                if (owners != null) {
                    owners.remove(old.name());
                    if (owners.isEmpty()) {
                        addressOwners.remove(address);
                    }
                }
            }
        }
        if (item instanceof Device device) {
            for (String address : device.addresses()) {
                addressOwners.computeIfAbsent(address, a -> new java.util.TreeSet<>()).add(device.name());
            }
        }
    }

    /** The names of the devices that have {@code address}, sorted. */
    public java.util.Set<String> devicesWithAddress(String address) {
        return addressOwners.getOrDefault(address, java.util.Set.of());
    }

    public boolean contains(InventoryKind kind, String key) {
        return items.get(kind).containsKey(key);
    }

    public Optional<InventoryItem> find(InventoryKind kind, String key) {
        return Optional.ofNullable(items.get(kind).get(key));
    }

    public List<InventoryItem> list(InventoryKind kind) {
        return List.copyOf(items.get(kind).values());
    }

    /** Every item, referenced kinds first. */
    public List<InventoryItem> all() {
        List<InventoryItem> all = new ArrayList<>();
        items.values().forEach(map -> all.addAll(map.values()));
        return all;
    }
}
