package noc.api;

import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.config.annotation.SerdeConfig;

/**
 * Reads fields of a JSON body and collects every problem with its path ({@code alerts[2].labels}),
 * so that one answer names all that is wrong. It stops collecting after {@value #MAX_ERRORS}
 * problems: a body of 100,000 wrong items gets a short answer.
 */
public final class FieldReader {

    public static final int MAX_ERRORS = 100;

    /** What an email field must look like. */
    public static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    /** What a phone field must look like. */
    public static final String PHONE = "[+0-9 ().-]{4,32}";

    private static final Pattern EMAIL_PATTERN = Pattern.compile(EMAIL);
    private static final Pattern PHONE_PATTERN = Pattern.compile(PHONE);

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public boolean full() {
        return errors.size() >= MAX_ERRORS;
    }

    public void error(String path, String message) {
        if (!full()) {
            errors.add(new Problem.FieldError(path, message));
        }
    }

    /** A 400 with every problem collected, when there is one. */
    public void refuseIfInvalid(String outcome) {
        if (!ok()) {
            throw ProblemException.badRequest(errors.size() + (full() ? " or more" : "") + " problem(s); " + outcome,
                    errors);
        }
    }

    /** {@code prefix.field}, or {@code field} at the top. */
    public static String at(String prefix, String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    /** A required non-blank string; null (and an error) when missing or not a string. */
    public String requiredString(JsonNode object, String key, String path) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            error(path, "is required");
            return null;
        }
        if (!value.isString() || value.getStringValue().isBlank()) {
            error(path, "must be a non-empty string");
            return null;
        }
        return value.getStringValue();
    }

    /** An optional string; {@code fallback} when missing. */
    public String optionalString(JsonNode object, String key, String path, String fallback) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isString()) {
            error(path, "must be a string");
            return fallback;
        }
        return value.getStringValue();
    }

    /** An optional RFC 3339 time; null when missing or Alertmanager's zero time. */
    public Instant optionalTime(JsonNode object, String key, String path) {
        String text = optionalString(object, key, path, null);
        if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
            return null;
        }
        return time(text, path);
    }

    /** An RFC 3339 time ({@code 2026-03-02T08:00:00Z}, or with an offset); null (and an error) otherwise. */
    public Instant time(String text, String path) {
        try {
            return Rfc3339.parse(text);
        } catch (DateTimeParseException e) {
            error(path, "must be an RFC 3339 time such as 2026-03-02T08:00:00Z, not '" + text + "'");
            return null;
        }
    }

    /** One of an enum's constants, case-insensitive; null (and an error naming them) otherwise. */
    public <E extends Enum<E>> E choice(Class<E> type, String text, String path) {
        if (text == null || text.isBlank()) {
            error(path, "is required: one of " + names(type));
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            error(path, "must be one of " + names(type) + ", not '" + text + "'");
            return null;
        }
    }

    /** An enum's constants as people type them: {@code loss, disruption}. */
    public static String names(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList());
    }

    /** Whether an email address looks like one; an error on {@code path} when not. */
    public boolean email(String text, String path) {
        if (text != null && !EMAIL_PATTERN.matcher(text).matches()) {
            error(path, Limits.EMAIL_ADDRESS);
            return false;
        }
        return true;
    }

    /** Whether a phone number looks like one; an error on {@code path} when not. */
    public boolean phone(String text, String path) {
        if (text != null && !PHONE_PATTERN.matcher(text).matches()) {
            error(path, Limits.PHONE_NUMBER);
            return false;
        }
        return true;
    }

    /** An error when {@code text} is longer than its column. */
    public void length(String text, int max, String path) {
        if (text != null && text.length() > max) {
            error(path, "must be at most " + max + " characters (it has " + text.length() + ")");
        }
    }

    /** An optional object of scalar values, as strings in their order; empty when missing. */
    public Map<String, String> optionalScalars(JsonNode object, String key, String path) {
        JsonNode value = object.get(key);
        Map<String, String> result = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return result;
        }
        if (!value.isObject()) {
            error(path, "must be an object of strings");
            return result;
        }
        for (Map.Entry<String, JsonNode> entry : value.entries()) {
            JsonNode scalar = entry.getValue();
            if (scalar.isString()) {
                result.put(entry.getKey(), scalar.getStringValue());
            } else if (scalar.isNumber() || scalar.isBoolean()) {
                result.put(entry.getKey(), scalar.coerceStringValue());
            } else if (!scalar.isNull()) {
                error(path + "." + entry.getKey(), "must be a string, number or boolean");
            }
        }
        return result;
    }

    /**
     * Checks that {@code value} has the JSON shape of {@code type} before it is bound, since the
     * binder coerces ({@code "yes"} to false, {@code 5} to "5", {@code ["x"]} to "x"): strings are
     * strings, booleans booleans, whole numbers whole, arrays arrays, and an object of an introspected
     * type has only the fields the type declares. {@code null} is left to the constraints.
     */
    public void shape(JsonNode value, Argument<?> type, String path) {
        if (full()) {
            return;
        }
        Class<?> raw = type.getType();
        if (value.isNull()) {
            if (raw.isPrimitive()) {
                error(path, "must not be null");
            }
        } else if (raw == String.class) {
            expect(value.isString(), path, "must be a string");
        } else if (raw == Boolean.class || raw == boolean.class) {
            expect(value.isBoolean(), path, "must be true or false");
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            wholeNumber(value, raw == Integer.class || raw == int.class, path);
        } else if (List.class.isAssignableFrom(raw)) {
            if (expect(value.isArray(), path, "must be an array")) {
                Argument<?> item = type.getFirstTypeVariable().orElse(Argument.STRING);
                for (int i = 0; i < value.size() && !full(); i++) {
                    shape(value.get(i), item, path + "[" + i + "]");
                }
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            if (expect(value.isObject(), path, "must be an object")) {
                Argument<?> item = type.getTypeVariable("V").orElse(Argument.STRING);
                for (Map.Entry<String, JsonNode> entry : value.entries()) {
                    shape(entry.getValue(), item, at(path, entry.getKey()));
                }
            }
        } else {
            BeanIntrospection<?> introspection = BeanIntrospector.SHARED.findIntrospection(raw)
                    .orElseThrow(() -> new IllegalArgumentException("no introspection for a body of " + raw));
            if (expect(value.isObject(), path, path.isEmpty() ? "must be a JSON object" : "must be an object")) {
                fields(value, introspection, path);
            }
        }
    }

    private void fields(JsonNode object, BeanIntrospection<?> introspection, String path) {
        Map<String, Argument<?>> known = new LinkedHashMap<>();
        for (BeanProperty<?, ?> property : introspection.getBeanProperties()) {
            known.put(property.stringValue(SerdeConfig.class, SerdeConfig.PROPERTY).orElse(property.getName()),
                    property.asArgument());
        }
        for (Map.Entry<String, JsonNode> entry : object.entries()) {
            Argument<?> type = known.get(entry.getKey());
            if (type == null) {
                error(at(path, entry.getKey()), "is not a known field; known fields: "
                        + String.join(", ", known.keySet()));
            } else {
                shape(entry.getValue(), type, at(path, entry.getKey()));
            }
        }
    }

    private void wholeNumber(JsonNode value, boolean integer, String path) {
        if (!expect(value.isNumber(), path, "must be a whole number")) {
            return;
        }
        Number number = value.getNumberValue();
        boolean whole = number instanceof Integer || number instanceof Long || number instanceof BigInteger
                || number instanceof Short;
        if (!expect(whole, path, "must be a whole number")) {
            return;
        }
        BigInteger big = number instanceof BigInteger b ? b : BigInteger.valueOf(number.longValue());
        BigInteger limit = BigInteger.valueOf(integer ? Integer.MAX_VALUE : Long.MAX_VALUE);
        expect(big.abs().compareTo(limit) <= 0, path, "is out of range");
    }

    private boolean expect(boolean condition, String path, String message) {
        if (!condition) {
            error(path, message);
        }
        return condition;
    }
}
