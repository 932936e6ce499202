package noc.console;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.micronaut.core.annotation.Nullable;
import noc.inventory.Contact;
import noc.inventory.Customer;
import noc.inventory.Device;
import noc.inventory.Inventory;
import noc.inventory.InventoryEditor;
import noc.inventory.InventoryItem;
import noc.inventory.InventoryKind;
import noc.inventory.Service;
import noc.inventory.Site;

/**
 * What the inventory pages show of items: their fields, read from the item's record (so a field the
 * model gains shows without a change here), each reference a link to the item it names; and, for one
 * item, what refers to it. Texts come through {@code label}, which turns a message key into the page's
 * language.
 */
final class InventoryPages {

    /** The most items one group of references lists; the page says how many there are in all. */
    static final int MAX_REFERENCES = 100;

    /** The fields that name another item, and the kind of that item. */
    private static final Map<String, InventoryKind> REFERS = Map.of(
            "customer", InventoryKind.CUSTOMERS,
            "projectManager", InventoryKind.CONTACTS,
            "site", InventoryKind.SITES,
            "parent", InventoryKind.DEVICES,
            "services", InventoryKind.SERVICES);

    /** Texts by message key, the key itself when there is none. */
    interface Labels {
        String label(String key);
    }

    /** One value as shown: its text, and where it leads when it names an item. */
    public record Value(String text, @Nullable String href) {
    }

    /** One field: its name, its label and its values (none, one, or a list's). */
    public record Field(String name, String label, List<Value> values) {
    }

    /** A row of a list: the item's key and page, then its other fields. */
    public record Row(String key, String href, List<Field> fields) {
    }

    /** Items that refer to the one shown, of one kind and in one way; {@code total} may exceed what is listed. */
    public record Group(String label, List<Value> items, int total) {

        public boolean truncated() {
            return total > items.size();
        }
    }

    private InventoryPages() {
    }

    /** The texts of {@code locale}; a key without one shows as its last part (a field's own name). */
    static Labels labels(io.micronaut.context.MessageSource messages, Locale locale) {
        return key -> messages.getMessage(key, locale).orElse(key.substring(key.lastIndexOf('.') + 1));
    }

    /** The page of an item: {@code /inventory/devices/acme%20cpe}. */
    static String href(InventoryKind kind, String key) {
        return "/inventory/" + kind.path() + "/" + encode(key);
    }

    /** A key as one path segment: spaces, slashes and the rest escaped. */
    static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The fields of {@code kind} but its key, in the record's order. */
    static List<String> columns(InventoryKind kind) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : type(kind).getRecordComponents()) {
            if (!component.getName().equals(InventoryEditor.keyField(kind))) {
                names.add(component.getName());
            }
        }
        return names;
    }

    static Row row(InventoryItem item, Labels labels) {
        List<Field> fields = fields(item, labels).stream()
                .filter(field -> !field.name().equals(InventoryEditor.keyField(item.kind()))).toList();
        return new Row(item.key(), href(item.kind(), item.key()), fields);
    }

    /** Every field of {@code item}, its key first. */
    static List<Field> fields(InventoryItem item, Labels labels) {
        List<Field> fields = new ArrayList<>();
        for (RecordComponent component : item.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(item);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + item.key(), e);
            }
            InventoryKind refers = REFERS.get(component.getName());
            List<Value> values = new ArrayList<>();
            if (value instanceof Collection<?> many) {
                many.forEach(one -> values.add(value(one, refers, labels)));
            } else if (value != null) {
                values.add(value(value, refers, labels));
            }
            fields.add(new Field(component.getName(), labels.label("inventory.field." + component.getName()), values));
        }
        return fields;
    }

    private static Value value(Object value, @Nullable InventoryKind refers, Labels labels) {
        if (value instanceof Boolean yes) {
            return new Value(labels.label(yes ? "inventory.yes" : "inventory.no"), null);
        }
        String text = value instanceof Enum<?> constant ? constant.name().toLowerCase(Locale.ROOT) : String.valueOf(value);
        return new Value(text, refers == null ? null : href(refers, text));
    }

    /** A field of the edit form: how it is entered ({@code text}, {@code list}, {@code choice}, {@code yesNo}) and its value. */
    public record Input(String name, String label, String type, String value, List<String> choices) {
    }

    /**
     * The edit form's fields of {@code kind} but its key, in the record's order, each with its value in
     * {@code values} (a list's values separated by {@code |}, as in CSV).
     */
    static List<Input> inputs(InventoryKind kind, Map<String, String> values, Labels labels) {
        List<Input> inputs = new ArrayList<>();
        for (RecordComponent component : type(kind).getRecordComponents()) {
            String name = component.getName();
            if (name.equals(InventoryEditor.keyField(kind))) {
                continue;
            }
            Class<?> type = component.getType();
            String value = values.getOrDefault(name, "");
            List<String> choices = List.of();
            String how = "text";
            if (type.isEnum()) {
                how = "choice";
                choices = java.util.Arrays.stream(type.getEnumConstants())
                        .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT)).toList();
            } else if (type == boolean.class || type == Boolean.class) {
                how = "yesNo";
            } else if (Collection.class.isAssignableFrom(type)) {
                how = "list";
            }
            inputs.add(new Input(name, labels.label("inventory.field." + name), how, value, choices));
        }
        return inputs;
    }

    /** The fields of {@code item} but its key as the edit form holds them. */
    static Map<String, String> formValues(InventoryItem item) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (RecordComponent component : item.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(item);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + item.key(), e);
            }
            String text;
            if (value instanceof Collection<?> many) {
                text = String.join(" | ", many.stream().map(String::valueOf).toList());
            } else if (value instanceof Enum<?> constant) {
                text = constant.name().toLowerCase(Locale.ROOT);
            } else {
                text = value == null ? "" : String.valueOf(value);
            }
            values.put(component.getName(), text);
        }
        return values;
    }

    /** What refers to {@code item} in {@code inventory}, group by group; empty groups left out. */
    static List<Group> references(InventoryItem item, Inventory inventory, Labels labels) {
        List<Group> groups = new ArrayList<>();
        String key = item.key();
        if (item instanceof Customer) {
            group(groups, labels, "inventory.refs.contacts", inventory, InventoryKind.CONTACTS,
                    one -> key.equals(((Contact) one).customer()));
            group(groups, labels, "inventory.refs.sites", inventory, InventoryKind.SITES,
                    one -> key.equals(((Site) one).customer()));
            group(groups, labels, "inventory.refs.services", inventory, InventoryKind.SERVICES,
                    one -> key.equals(((Service) one).customer()));
            Set<String> services = keys(inventory, InventoryKind.SERVICES,
                    one -> key.equals(((Service) one).customer()));
            group(groups, labels, "inventory.refs.devicesThroughServices", inventory, InventoryKind.DEVICES,
                    one -> ((Device) one).services().stream().anyMatch(services::contains));
        } else if (item instanceof Contact) {
            group(groups, labels, "inventory.refs.managerOf", inventory, InventoryKind.CUSTOMERS,
                    one -> key.equals(((Customer) one).projectManager()));
        } else if (item instanceof Site) {
            group(groups, labels, "inventory.refs.devices", inventory, InventoryKind.DEVICES,
                    one -> key.equals(((Device) one).site()));
            group(groups, labels, "inventory.refs.services", inventory, InventoryKind.SERVICES,
                    one -> key.equals(((Service) one).site()));
        } else if (item instanceof Service) {
            group(groups, labels, "inventory.refs.devices", inventory, InventoryKind.DEVICES,
                    one -> ((Device) one).services().contains(key));
        } else if (item instanceof Device device) {
            Set<String> customers = new LinkedHashSet<>();
            for (String reference : device.services()) {
                inventory.find(InventoryKind.SERVICES, reference)
                        .ifPresent(found -> customers.add(((Service) found).customer()));
            }
            group(groups, labels, "inventory.refs.customersThroughServices", inventory, InventoryKind.CUSTOMERS,
                    one -> customers.contains(one.key()));
            group(groups, labels, "inventory.refs.children", inventory, InventoryKind.DEVICES,
                    one -> key.equals(((Device) one).parent()));
        }
        return groups;
    }

    private static Set<String> keys(Inventory inventory, InventoryKind kind, Predicate<InventoryItem> which) {
        Set<String> keys = new LinkedHashSet<>();
        inventory.list(kind).stream().filter(which).forEach(one -> keys.add(one.key()));
        return keys;
    }

    private static void group(List<Group> groups, Labels labels, String label, Inventory inventory, InventoryKind kind,
                              Predicate<InventoryItem> which) {
        List<Value> listed = new ArrayList<>();
        int total = 0;
        for (InventoryItem one : inventory.list(kind)) {
            if (which.test(one)) {
                total++;
                if (listed.size() < MAX_REFERENCES) {
                    listed.add(new Value(one.key(), href(kind, one.key())));
                }
            }
        }
        if (total > 0) {
            groups.add(new Group(labels.label(label), listed, total));
        }
    }

    private static Class<? extends Record> type(InventoryKind kind) {
        return switch (kind) {
            case CUSTOMERS -> Customer.class;
            case CONTACTS -> Contact.class;
            case SITES -> Site.class;
            case SERVICES -> Service.class;
            case DEVICES -> Device.class;
        };
    }
}
