package noc.inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import noc.api.FieldReader;

/**
 * Turns fields (from JSON or a CSV row, all as text or lists of text) into inventory items, and
 * checks an item against the inventory it would join: every problem is recorded with its path
 * ({@code devices[3].site}) and nothing is thrown.
 */
final class InventoryDecoder {

    private InventoryDecoder() {
    }

    /** The item of {@code kind} in {@code fields}, or null when a field is missing or wrong. */
    static InventoryItem decode(InventoryKind kind, Map<String, Object> fields, String path, FieldReader errors) {
        int before = errors.errors().size();
        checkLengths(fields, path, errors);
        InventoryItem item = switch (kind) {
            case CUSTOMERS -> {
                String name = required(fields, "name", path, errors);
                Contract contract = choice(Contract.class, fields, "contract", path, errors, null);
                String manager = optional(fields, "projectManager");
                if (contract == Contract.MANAGED && manager == null) {
                    errors.error(at(path, "projectManager"), "is required for a managed customer (P-1.3)");
                }
                yield errors.errors().size() > before ? null : new Customer(name, contract, manager);
            }
            case CONTACTS -> {
                String name = required(fields, "name", path, errors);
                String role = required(fields, "role", path, errors);
                String phone = required(fields, "phone", path, errors);
                if (phone != null && !phone.matches("[+0-9 ().-]{4,32}")) {
                    errors.error(at(path, "phone"), "must be a phone number such as +33 1 41 58 22 50");
                }
                String email = required(fields, "email", path, errors);
                if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    errors.error(at(path, "email"), "must be an email address");
                }
                yield errors.errors().size() > before ? null
                        : new Contact(name, optional(fields, "customer"), role, phone, email);
            }
            case SITES -> {
                String name = required(fields, "name", path, errors);
                String address = required(fields, "address", path, errors);
                yield errors.errors().size() > before ? null : new Site(name, optional(fields, "customer"), address);
            }
            case SERVICES -> {
                String reference = required(fields, "reference", path, errors);
                String customer = required(fields, "customer", path, errors);
                Criticality criticality = choice(Criticality.class, fields, "criticality", path, errors, null);
                Boolean redundant = bool(fields, "redundant", path, errors);
                yield errors.errors().size() > before ? null
                        : new Service(reference, customer, optional(fields, "site"), criticality, redundant);
            }
            case DEVICES -> {
                String name = required(fields, "name", path, errors);
                List<String> addresses = list(fields, "addresses", path, errors);
                List<String> services = list(fields, "services", path, errors);
                yield errors.errors().size() > before ? null : new Device(name, optional(fields, "site"),
                        optional(fields, "parent"), addresses, services);
            }
        };
        return item;
    }

    /** Checks what {@code item} refers to against {@code inventory}, which already holds it. */
    static void checkReferences(InventoryItem item, Inventory inventory, String path, FieldReader errors) {
        if (item instanceof Customer customer) {
            refer(inventory, InventoryKind.CONTACTS, customer.projectManager(), at(path, "projectManager"), errors);
        } else if (item instanceof Contact contact) {
            refer(inventory, InventoryKind.CUSTOMERS, contact.customer(), at(path, "customer"), errors);
        } else if (item instanceof Site site) {
            refer(inventory, InventoryKind.CUSTOMERS, site.customer(), at(path, "customer"), errors);
        } else if (item instanceof Service service) {
            refer(inventory, InventoryKind.CUSTOMERS, service.customer(), at(path, "customer"), errors);
            refer(inventory, InventoryKind.SITES, service.site(), at(path, "site"), errors);
        } else if (item instanceof Device device) {
            refer(inventory, InventoryKind.SITES, device.site(), at(path, "site"), errors);
            refer(inventory, InventoryKind.DEVICES, device.parent(), at(path, "parent"), errors);
            for (String service : device.services()) {
                refer(inventory, InventoryKind.SERVICES, service, at(path, "services"), errors);
            }
            checkParents(device, inventory, path, errors);
            for (String address : device.addresses()) {
                for (String owner : inventory.devicesWithAddress(address)) {
                    if (!owner.equals(device.name())) {
                        errors.error(at(path, "addresses"), "address " + address + " is already device '" + owner
                                + "''s");
                    }
                }
            }
        }
    }

    private static void checkParents(Device device, Inventory inventory, String path, FieldReader errors) {
        Set<String> seen = new LinkedHashSet<>();
        String current = device.name();
        while (current != null) {
            if (!seen.add(current)) {
                errors.error(at(path, "parent"), "makes a loop: " + String.join(" -> ", seen) + " -> " + current);
                return;
            }
            current = inventory.find(InventoryKind.DEVICES, current).map(d -> ((Device) d).parent()).orElse(null);
        }
    }

    private static void refer(Inventory inventory, InventoryKind kind, String key, String path, FieldReader errors) {
        if (key != null && !inventory.contains(kind, key)) {
            errors.error(path, "refers to unknown " + kind.path().replaceAll("s$", "") + " '" + key + "'");
        }
    }

    static String at(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String required(Map<String, Object> fields, String name, String path, FieldReader errors) {
        String value = optional(fields, name);
        if (value == null) {
            errors.error(at(path, name), "is required");
        }
        return value;
    }

    private static String optional(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (value == null || value instanceof List<?>) {
            return null;
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? null : text;
    }

    /** Every text field fits its column: an address 1,000 characters, anything else 255. */
    static void checkLengths(Map<String, Object> fields, String path, FieldReader errors) {
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            int length = field.getKey().equals("address") ? 1000 : 255;
            List<?> values = field.getValue() instanceof List<?> list ? list : List.of(String.valueOf(field.getValue()));
            for (Object value : values) {
                if (String.valueOf(value).length() > length) {
                    errors.error(at(path, field.getKey()), "is longer than " + length + " characters");
                }
            }
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, Map<String, Object> fields, String name, String path,
                                                FieldReader errors, E fallback) {
        String value = optional(fields, name);
        if (value == null) {
            if (fallback == null) {
                errors.error(at(path, name), "is required: one of " + names(type));
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.error(at(path, name), "must be one of " + names(type) + ", not '" + value + "'");
            return fallback;
        }
    }

    private static Boolean bool(Map<String, Object> fields, String name, String path, FieldReader errors) {
        String value = optional(fields, name);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> {
                errors.error(at(path, name), "must be true or false, not '" + value + "'");
                yield false;
            }
        };
    }

    /** A list, from JSON (an array) or CSV (values separated by |). */
    private static List<String> list(Map<String, Object> fields, String name, String path, FieldReader errors) {
        Object value = fields.get(name);
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (value instanceof List<?> items) {
            for (Object item : items) {
                if (item == null || String.valueOf(item).isBlank()) {
                    errors.error(at(path, name), "must hold non-empty strings");
                } else {
                    result.add(String.valueOf(item).strip());
                }
            }
            return result;
        }
        for (String item : String.valueOf(value).split("\\|")) {
            if (!item.isBlank()) {
                result.add(item.strip());
            }
        }
        return result;
    }

    private static String names(Class<? extends Enum<?>> type) {
        List<String> names = new ArrayList<>();
        for (Enum<?> constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", names);
    }
}
