package noc.inventory;

import java.util.Locale;
import java.util.Optional;

/** The kinds of inventory, in the order an import writes them (referenced kinds first). */
public enum InventoryKind {
    CUSTOMERS, CONTACTS, SITES, SERVICES, DEVICES;

    /** The word in paths and import documents: {@code devices}. */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InventoryKind> ofPath(String path) {
        for (InventoryKind kind : values()) {
            if (kind.path().equals(path)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
