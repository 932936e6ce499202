package noc.inventory;

/** A thing of the inventory, known by its natural key within its kind. */
public sealed interface InventoryItem permits Customer, Contact, Site, Service, Device {

    InventoryKind kind();

    String key();
}
