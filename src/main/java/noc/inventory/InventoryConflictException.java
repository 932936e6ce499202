package noc.inventory;

/** A change the inventory cannot take as it stands: an item still referred to, say. */
public final class InventoryConflictException extends RuntimeException {

    private final InventoryProblems.Code code;

    /** {@code message} for the API; {@code key} and {@code values} for the pages (a word under {@code inventory.problem.}). */
    public InventoryConflictException(String message, String key, Object... values) {
        super(message);
        this.code = new InventoryProblems.Code(key, java.util.List.of(values));
    }

    public InventoryProblems.Code code() {
        return code;
    }
}
