package noc.inventory;

import static java.util.Objects.requireNonNull;

/**
 * Told after a change to the inventory was committed on this node, with the inventory as it now is:
 * what follows it beside the engine (an engine's directory publisher) reacts without polling MariaDB.
 */
public record InventoryChanged(InventorySnapshot snapshot) {

    public InventoryChanged {
        requireNonNull(snapshot, "snapshot is null");
    }
}
