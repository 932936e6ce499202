package noc.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

/** Request bodies that must be a JSON object; anything else is a 400 problem. */
public final class JsonBodies {

    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    private JsonBodies() {
    }

    /** A field of a parsed body as trimmed text, or null when it is missing or blank. */
    public static String text(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).strip();
    }

    /** A body that may be left out: none is an empty object. */
    public static Map<String, Object> optionalObject(JsonMapper json, String body) {
        return body == null || body.isBlank() ? Map.of() : object(json, body);
    }

    public static Map<String, Object> object(JsonMapper json, String body) {
        try {
            Map<String, Object> parsed = body == null || body.isBlank() ? null : json.readValue(body, OBJECT);
            if (parsed == null) {
                throw ProblemException.badRequest("The body must be a JSON object", List.of());
            }
            return parsed;
        } catch (IOException e) {
            throw ProblemException.badRequest("The body is not a JSON object", List.of());
        }
    }
}
