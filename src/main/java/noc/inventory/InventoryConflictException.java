package noc.inventory;

/** A change the inventory cannot take as it stands: an item still referred to, say. */
public final class InventoryConflictException extends RuntimeException {

    public InventoryConflictException(String message) {
        super(message);
    }
}
