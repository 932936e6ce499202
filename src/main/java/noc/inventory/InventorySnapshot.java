package noc.inventory;

import java.util.List;

/**
 * The whole inventory, offered to the engine after every change: the engine brings its inventory
 * facts in line with it (inserting, replacing and removing by key), so that the rules reason over
 * what MariaDB holds.
 */
public record InventorySnapshot(List<InventoryItem> items) {

    public InventorySnapshot {
        items = List.copyOf(items);
    }
}
