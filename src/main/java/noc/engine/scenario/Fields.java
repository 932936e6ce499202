package noc.engine.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reading the fields of a scenario's mappings, each failure naming where it is. */
final class Fields {

    private Fields() {
    }

    /** Refuses a field that is not one of {@code known}: a misspelt one would be silently ignored. */
    static void known(String where, Set<?> given, Set<String> known) {
        for (Object field : given) {
            if (!known.contains(String.valueOf(field))) {
                throw new ScenarioException(where + ": unknown field '" + field + "'; known: "
                        + known.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
    }

    static String required(String where, Map<String, Object> input, String field) {
        String value = text(input.get(field), "");
        if (value.isBlank()) {
            throw new ScenarioException(where + "." + field + ": is required");
        }
        return value;
    }

    static String text(Object value, String fallback) {
        return value == null ? fallback : String.valueOf(value);
    }

    static int number(String where, Object value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new ScenarioException(where + ": must be a whole number, not '" + value + "'");
        }
    }

    static boolean flag(String where, Object value, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        return switch (String.valueOf(value).toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ScenarioException(where + ": must be true or false, not '" + value + "'");
        };
    }

    static <E extends Enum<E>> E parse(String where, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(where + ": '" + value + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    /** One name or a list of them. */
    static List<String> names(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }
}
