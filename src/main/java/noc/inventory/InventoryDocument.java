package noc.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import noc.api.FieldReader;

/**
 * An inventory document: {@code {"customers": [...], "contacts": [...], "sites": [...],
 * "services": [...], "devices": [...]}}, as the JSON import and the rule scenarios' {@code given}
 * take it. Every problem is recorded with its path; the items come back referenced kinds first.
 */
public final class InventoryDocument {

    private InventoryDocument() {
    }

    /** The items of the document, each with the path it came from. */
    public record Parsed(List<InventoryItem> items, List<String> paths) {
    }

    public static Parsed parse(Map<String, Object> document, String prefix, FieldReader errors) {
        return parse(document, prefix, new InventoryProblems(errors));
    }

    static Parsed parse(Map<String, Object> document, String prefix, InventoryProblems errors) {
        List<InventoryItem> items = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (String field : document.keySet()) {
            if (InventoryKind.ofPath(field).isEmpty()) {
                errors.error(InventoryDecoder.at(prefix, field),
                        "is not a kind of inventory: customers, contacts, sites, services, devices");
            }
        }
        for (InventoryKind type : InventoryKind.values()) {
            Object rows = document.get(type.path());
            if (rows == null) {
                continue;
            }
            if (!(rows instanceof List<?> list)) {
                errors.error(InventoryDecoder.at(prefix, type.path()), "must be an array");
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                String path = InventoryDecoder.at(prefix, type.path() + "[" + i + "]");
                if (list.get(i) instanceof Map<?, ?> map) {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    map.forEach((k, v) -> fields.put(String.valueOf(k), v));
                    InventoryItem item = InventoryDecoder.decode(type, fields, path, errors);
                    if (item != null) {
                        items.add(item);
                        paths.add(path);
                    }
                } else {
                    errors.error(path, "must be an object");
                }
            }
        }
        return new Parsed(items, paths);
    }

    /** Checks what each item refers to, within {@code base} plus the items themselves. */
    public static void checkReferences(Parsed parsed, List<InventoryItem> base, FieldReader errors) {
        checkReferences(parsed, base, new InventoryProblems(errors));
    }

    static void checkReferences(Parsed parsed, List<InventoryItem> base, InventoryProblems errors) {
        List<InventoryItem> all = new ArrayList<>(base);
        all.addAll(parsed.items());
        Inventory merged = new Inventory(all);
        for (int i = 0; i < parsed.items().size(); i++) {
            InventoryDecoder.checkReferences(parsed.items().get(i), merged, parsed.paths().get(i), errors);
        }
    }
}
