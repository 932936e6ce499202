package noc.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.json.tree.JsonNode;


/**
 * Reads fields of a JSON body and collects every problem with its path ({@code alerts[2].labels}),
 * so that one answer names all that is wrong.
 */
public final class FieldReader {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public void error(String path, String message) {
        errors.add(new Problem.FieldError(path, message));
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
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                error(path, "must be an RFC 3339 time such as 2026-03-02T08:00:00Z, not '" + text + "'");
                return null;
            }
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
}
