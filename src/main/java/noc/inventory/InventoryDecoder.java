package noc.inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import noc.api.FieldReader;
import noc.api.Limits;

/**
 * Turns fields (from JSON or a CSV row, all as text or lists of text) into inventory items, and
 * checks an item against the inventory it would join: every problem is recorded with its path
 * ({@code devices[3].site}) and nothing is thrown.
 */
final class InventoryDecoder {

    private InventoryDecoder() {
    }

    /** The item of {@code kind} in {@code fields}, or null when a field is missing or wrong. */
    static InventoryItem decode(InventoryKind kind, Map<String, Object> fields, String path, InventoryProblems errors) {
        int before = errors.count();
        checkLengths(kind, fields, path, errors);
        InventoryItem item = switch (kind) {
            case CUSTOMERS -> {
                String name = required(fields, "name", path, errors);
                Contract contract = choice(Contract.class, fields, "contract", path, errors);
                String manager = optional(fields, "projectManager");
                if (contract == Contract.MANAGED && manager == null) {
                    errors.error(at(path, "projectManager"), "is required for a managed customer (P-1.3)", "managerRequired");
                }
                yield errors.count() > before ? null : new Customer(name, contract, manager);
            }
            case CONTACTS -> {
                String name = required(fields, "name", path, errors);
                String role = required(fields, "role", path, errors);
                String phone = required(fields, "phone", path, errors);
                errors.phone(phone, at(path, "phone"));
                String email = required(fields, "email", path, errors);
                errors.email(email, at(path, "email"));
                Language language = language(fields, path, errors);
                yield errors.count() > before ? null
                        : new Contact(name, optional(fields, "customer"), role, phone, email, language);
            }
            case SITES -> {
                String name = required(fields, "name", path, errors);
                String address = required(fields, "address", path, errors);
                String domain = optional(fields, "domain");
                if (domain != null && (domain.startsWith(CorrelationDomains.UNKNOWN_SOURCE)
                        || domain.startsWith(CorrelationDomains.CUSTOMER))) {
                    // the domains of unknown sources and of declarations without a placed service
                    errors.error(at(path, "domain"), "must not start with \"" + CorrelationDomains.UNKNOWN_SOURCE
                            + "\" or \"" + CorrelationDomains.CUSTOMER + "\"", "domainReserved");
                }
                yield errors.count() > before ? null : new Site(name, optional(fields, "customer"), address, domain);
            }
            case SERVICES -> {
                String reference = required(fields, "reference", path, errors);
                String customer = required(fields, "customer", path, errors);
                Criticality criticality = choice(Criticality.class, fields, "criticality", path, errors);
                Boolean redundant = bool(fields, "redundant", path, errors);
                yield errors.count() > before ? null
                        : new Service(reference, customer, optional(fields, "site"), criticality, redundant);
            }
            case DEVICES -> {
                String name = required(fields, "name", path, errors);
                List<String> addresses = list(fields, "addresses", path, errors);
                List<String> services = list(fields, "services", path, errors);
                yield errors.count() > before ? null : new Device(name, optional(fields, "site"),
                        optional(fields, "parent"), addresses, services);
            }
        };
        return item;
    }

    /** Checks what {@code item} refers to against {@code inventory}, which already holds it. */
    static void checkReferences(InventoryItem item, Inventory inventory, String path, InventoryProblems errors) {
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
                                + "''s", "addressTaken", address, owner);
                    }
                }
            }
        }
    }

    private static void checkParents(Device device, Inventory inventory, String path, InventoryProblems errors) {
        Set<String> seen = new LinkedHashSet<>();
        String current = device.name();
        while (current != null) {
            if (!seen.add(current)) {
                String loop = String.join(" -> ", seen) + " -> " + current;
                errors.error(at(path, "parent"), "makes a loop: " + loop, "parentLoop", loop);
                return;
            }
            current = inventory.find(InventoryKind.DEVICES, current).map(d -> ((Device) d).parent()).orElse(null);
        }
    }

    private static void refer(Inventory inventory, InventoryKind kind, String key, String path, InventoryProblems errors) {
        if (key != null && !inventory.contains(kind, key)) {
            errors.error(path, "refers to unknown " + kind.path().replaceAll("s$", "") + " '" + key + "'",
                    "unknown." + kind.path(), key);
        }
    }

    static String at(String path, String field) {
        return FieldReader.at(path, field);
    }

    private static String required(Map<String, Object> fields, String name, String path, InventoryProblems errors) {
        String value = optional(fields, name);
        if (value == null) {
            errors.error(at(path, name), "is required", "required");
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

    /** The fields of each kind, each with the size of its column (a list: of each item). */
    static final Map<InventoryKind, Map<String, Integer>> FIELDS = Map.of(
            InventoryKind.CUSTOMERS, ordered("name", Limits.NAME, "contract", 16, "projectManager", Limits.NAME),
            InventoryKind.CONTACTS, ordered("name", Limits.NAME, "customer", Limits.NAME, "role", Limits.ROLE,
                    "phone", Limits.PHONE, "email", Limits.NAME, "language", 16),
            InventoryKind.SITES, ordered("name", Limits.NAME, "customer", Limits.NAME, "address", Limits.ADDRESS,
                    "domain", Limits.NAME),
            InventoryKind.SERVICES, ordered("reference", Limits.SERVICE_REFERENCE, "customer", Limits.NAME,
                    "site", Limits.NAME, "criticality", 16, "redundant", 5),
            InventoryKind.DEVICES, ordered("name", Limits.NAME, "site", Limits.NAME, "parent", Limits.NAME,
                    "addresses", Limits.NAME, "services", Limits.SERVICE_REFERENCE));

    /** The most addresses, or services, one device has. */
    static final int MAX_LIST = 1000;

    private static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(fields);
    }

    /** Every field is one of the kind's and fits its column; nothing is cut. */
    static void checkLengths(InventoryKind kind, Map<String, Object> fields, String path, InventoryProblems errors) {
        Map<String, Integer> known = FIELDS.get(kind);
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            Integer length = known.get(field.getKey());
            if (length == null) {
                errors.error(at(path, field.getKey()), "is not a known field; known fields: "
                        + String.join(", ", known.keySet()), "unknownField", String.join(", ", known.keySet()));
                continue;
            }
            if (field.getValue() instanceof List<?> list) {
                if (list.size() > MAX_LIST) {
                    errors.error(at(path, field.getKey()), "must hold at most " + MAX_LIST + " items", "tooMany", MAX_LIST);
                }
                for (int i = 0; i < list.size() && i < MAX_LIST; i++) {
                    errors.length(String.valueOf(list.get(i)).strip(), length, at(path, field.getKey()) + "[" + i + "]");
                }
            } else if (field.getValue() != null) {
                if (isList(kind, field.getKey())) {
                    String[] items = String.valueOf(field.getValue()).split("\\|");
                    if (items.length > MAX_LIST) {
                        errors.error(at(path, field.getKey()), "must hold at most " + MAX_LIST + " items", "tooMany", MAX_LIST);
                    }
                    for (int i = 0; i < items.length && i < MAX_LIST; i++) {
                        errors.length(items[i].strip(), length, at(path, field.getKey()) + "[" + i + "]");
                    }
                } else {
                    errors.length(String.valueOf(field.getValue()).strip(), length, at(path, field.getKey()));
                }
            }
        }
    }

    private static boolean isList(InventoryKind kind, String field) {
        return kind == InventoryKind.DEVICES && (field.equals("addresses") || field.equals("services"));
    }

    private static <E extends Enum<E>> E choice(Class<E> type, Map<String, Object> fields, String name, String path,
                                                InventoryProblems errors) {
        return errors.choice(type, optional(fields, name), at(path, name));
    }

    /** A contact's language: {@code fr}, {@code en} or none ({@code noc.locale}'s). */
    private static Language language(Map<String, Object> fields, String path, InventoryProblems errors) {
        String value = optional(fields, "language");
        if (value == null) {
            return null;
        }
        return Language.of(value).orElseGet(() -> {
            errors.error(at(path, "language"), "must be fr or en (or left out for noc.locale's), not '" + value
                    + "'", "language", value);
            return null;
        });
    }

    private static Boolean bool(Map<String, Object> fields, String name, String path, InventoryProblems errors) {
        String value = optional(fields, name);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> {
                errors.error(at(path, name), "must be true or false, not '" + value + "'", "yesNo", value);
                yield false;
            }
        };
    }

    /** A list, from JSON (an array) or CSV (values separated by |). */
    private static List<String> list(Map<String, Object> fields, String name, String path, InventoryProblems errors) {
        Object value = fields.get(name);
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (value instanceof List<?> items) {
            for (Object item : items) {
                if (item == null || String.valueOf(item).isBlank()) {
                    errors.error(at(path, name), "must hold non-empty strings", "emptyInList");
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

}
