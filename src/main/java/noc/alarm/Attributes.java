package noc.alarm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Attribute maps (varbinds by name, labels) frozen once: ordered, unmodifiable, and not copied again
 * when an alarm takes over its event's attributes, a copy the engine would otherwise make per trap.
 */
public final class Attributes {

    private static final Class<?> FROZEN = Collections.unmodifiableMap(new LinkedHashMap<>()).getClass();

    private Attributes() {
    }

    /**
     * An unmodifiable ordered copy, or the map itself when it is already one. Callers hand over maps
     * they no longer change.
     */
    public static Map<String, String> frozen(Map<String, String> attributes) {
        if (attributes.getClass() == FROZEN) {
            return attributes;
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** The map as a JSON object of strings, written by hand: this runs for every alarm committed. */
    public static String toJson(Map<String, String> attributes) {
        StringBuilder json = new StringBuilder(32 + attributes.size() * 32).append('{');
        boolean first = true;
        for (Map.Entry<String, String> entry : attributes.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            quote(json, entry.getKey()).append(':');
            quote(json, entry.getValue());
        }
        return json.append('}').toString();
    }

    private static StringBuilder quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
