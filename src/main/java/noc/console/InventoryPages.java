package noc.console;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import noc.api.Problem;
import noc.api.ProblemException;
import noc.inventory.Contact;
import noc.inventory.Customer;
import noc.inventory.Device;
import noc.inventory.InventoryEditor;
import noc.inventory.InventoryItem;
import noc.inventory.InventoryKind;
import noc.inventory.InventoryProblemException;
import noc.inventory.InventoryProblems;
import noc.inventory.InventoryStore;
import noc.inventory.Service;
import noc.inventory.Site;
import noc.security.Role;

/**
 * What the inventory pages show of items: their fields, read from the item's record (so a field the
 * model gains shows without a change here), each reference a link to the item it names, each value of
 * a choice through its message key; for one item, what refers to it; and the parts every inventory page
 * shares. Texts come through {@code label}, which turns a message key into the page's language.
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

    /** Texts by message key in the page's language. */
    interface Labels {

        /** The text of {@code key}; its last part (a field's own name) when there is none. */
        String label(String key);

        /** The text of {@code key} with {@code values}; {@code fallback} when there is none. */
        String text(String key, String fallback, Object... values);
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
        return new Labels() {
            @Override
            public String label(String key) {
                return messages.getMessage(key, locale).orElse(key.substring(key.lastIndexOf('.') + 1));
            }

            @Override
            public String text(String key, String fallback, Object... values) {
                return messages.getMessage(key, locale, values).orElse(fallback);
            }
        };
    }

    /**
     * The problems of a refused change in the page's language: those of a known check through their
     * code ({@code inventory.problem.*}), any other in the API's words.
     */
    static List<Problem.FieldError> problems(ProblemException refused, Labels labels) {
        if (!(refused instanceof InventoryProblemException coded)) {
            return refused.errors();
        }
        List<Problem.FieldError> worded = new ArrayList<>();
        for (int i = 0; i < refused.errors().size(); i++) {
            Problem.FieldError error = refused.errors().get(i);
            InventoryProblems.Code code = i < coded.codes().size() ? coded.codes().get(i) : null;
            worded.add(code == null ? error : new Problem.FieldError(error.field(), say(code, error.message(), labels)));
        }
        return worded;
    }

    /** Why a change was refused, in the page's language when a known check says it, else in the API's words. */
    static String detail(ProblemException refused, Labels labels) {
        if (refused instanceof InventoryProblemException coded && coded.detailCode() != null) {
            return say(coded.detailCode(), refused.getMessage(), labels);
        }
        return refused.getMessage();
    }

    private static String say(InventoryProblems.Code code, String english, Labels labels) {
        return labels.text("inventory.problem." + code.key(), english, code.values().toArray());
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
        components(item).forEach((name, value) -> {
            InventoryKind refers = REFERS.get(name);
            List<Value> values = new ArrayList<>();
            if (value instanceof Collection<?> many) {
                many.forEach(one -> values.add(value(name, one, refers, labels)));
            } else if (value != null) {
                values.add(value(name, value, refers, labels));
            } else if (item instanceof Site site && name.equals("domain")) {
                // Without a domain of its own a site is one, under its name: the page says which it is.
                values.add(new Value(labels.text("inventory.value.domain.own", site.name(), site.name()), null));
            }
            fields.add(new Field(name, labels.label("inventory.field." + name), values));
        });
        return fields;
    }

    /** The fields of {@code item} but its key as the edit form holds them. */
    static Map<String, String> formValues(InventoryItem item) {
        Map<String, String> values = new LinkedHashMap<>();
        components(item).forEach((name, value) -> {
            String text;
            if (value instanceof Collection<?> many) {
                text = String.join(" | ", many.stream().map(String::valueOf).toList());
            } else if (value instanceof Enum<?> constant) {
                text = code(constant);
            } else {
                text = value == null ? "" : String.valueOf(value);
            }
            values.put(name, text);
        });
        return values;
    }

    /** The values of {@code item}'s record components by name, in the record's order. */
    private static Map<String, Object> components(InventoryItem item) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : item.getClass().getRecordComponents()) {
            try {
                values.put(component.getName(), component.getAccessor().invoke(item));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + item.key(), e);
            }
        }
        return values;
    }

    private static Value value(String field, Object value, @Nullable InventoryKind refers, Labels labels) {
        if (value instanceof Boolean yes) {
            return new Value(labels.label(yes ? "inventory.yes" : "inventory.no"), null);
        }
        if (value instanceof Enum<?> constant) {
            return new Value(labels.label(choiceKey(field, code(constant))), null);
        }
        String text = String.valueOf(value);
        return new Value(text, refers == null ? null : href(refers, text));
    }

    /** An enumeration's value as the API and the forms write it: {@code high}, {@code fr}. */
    private static String code(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The message key of a value of a choice field: {@code inventory.value.criticality.high}; blank is {@code none}. */
    private static String choiceKey(String field, String value) {
        return "inventory.value." + field + "." + (value.isEmpty() ? "none" : value);
    }

    /** One option of a choice: the value posted, and what the page shows for it. */
    public record Choice(String value, String label) {
    }

    /**
     * A field of the edit form: how it is entered ({@code text}, {@code list}, {@code choice}, {@code yesNo}),
     * its value, and what it is for when the field needs saying ({@code inventory.hint.<field>}), else null.
     */
    public record Input(String name, String label, String type, String value, List<Choice> choices,
                        @Nullable String hint) {
    }

    /** The choice fields an item may leave blank: a contact without a language is written to in noc.locale's. */
    private static final Set<String> BLANK_CHOICES = Set.of("language");

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
            List<Choice> choices = new ArrayList<>();
            String how = "text";
            if (type.isEnum()) {
                how = "choice";
                if (BLANK_CHOICES.contains(name)) {
                    choices.add(new Choice("", labels.label(choiceKey(name, ""))));
                }
                for (Object constant : type.getEnumConstants()) {
                    String code = code((Enum<?>) constant);
                    choices.add(new Choice(code, labels.label(choiceKey(name, code))));
                }
            } else if (type == boolean.class || type == Boolean.class) {
                how = "yesNo";
            } else if (Collection.class.isAssignableFrom(type)) {
                how = "list";
            }
            inputs.add(new Input(name, labels.label("inventory.field." + name), how, value, choices,
                    labels.text("inventory.hint." + name, null)));
        }
        return inputs;
    }

    /** A link across correlation domains as a page shows it: the item that holds it, its page, and what it says. */
    public record Warning(String item, String href, String text) {
    }

    /**
     * A crossing of correlation domains ({@link noc.inventory.DomainCrossing}) in the page's language:
     * {@code inventory.warning.<code>} with its values, else the API's English.
     */
    static Warning warning(String kind, String key, String code, List<String> values, String english, Labels labels) {
        InventoryKind type = InventoryKind.ofPath(kind).orElseThrow();
        return new Warning(labels.label("inventory.one." + kind) + " " + key, href(type, key),
                labels.text("inventory.warning." + code, english, values.toArray()));
    }

    /** The groups of what refers to an item, as the store found them, each with its label. */
    static List<Group> groups(List<InventoryStore.References> references, Labels labels) {
        return references.stream().map(found -> new Group(labels.label("inventory.refs." + found.relation()),
                found.keys().stream().map(key -> new Value(key, href(found.kind(), key))).toList(),
                found.total())).toList();
    }

    /** What every inventory page has: the caller, the form token, the tabs and whether writes are offered. */
    static Map<String, Object> model(Csrf csrf, HttpRequest<?> request, Authentication caller,
                                     MutableHttpResponse<?> response, @Nullable InventoryKind kind) {
        Map<String, Object> model = new HashMap<>();
        model.put("user", caller.getName());
        model.put("csrfToken", csrf.token(request, response));
        model.put("kinds", Arrays.stream(InventoryKind.values()).map(InventoryKind::path).toList());
        model.put("kind", kind == null ? null : kind.path());
        model.put("admin", caller.getRoles().contains(Role.ADMIN_NAME));
        return model;
    }

    /** The 404 page of a kind, or of an item, that the inventory does not have. */
    static HttpResponse<?> missing(Csrf csrf, HttpRequest<?> request, Authentication caller, String kind,
                                   @Nullable String key) {
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.NOT_FOUND);
        Map<String, Object> model = model(csrf, request, caller, response, InventoryKind.ofPath(kind).orElse(null));
        model.put("kindName", kind);
        model.put("key", key);
        return response.body(new ModelAndView<>("inventory-missing", model));
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
