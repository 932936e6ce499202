package noc.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;

/** Reads the filters of a list from query parameters, answering 400 naming the parameter otherwise. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** One of {@code type}'s constants, case-insensitive; {@code fallback} when the parameter is absent. */
    public static <E extends Enum<E>> E choice(Class<E> type, @Nullable String value, String name, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return parse(type, value.trim(), name);
    }

    /**
     * Any number of {@code type}'s constants, case-insensitive, from a parameter given several times, or
     * once with commas ({@code ?priority=P1,P2} or {@code ?priority=P1&priority=P2}); empty when absent.
     */
    public static <E extends Enum<E>> Set<E> choices(Class<E> type, @Nullable List<String> values, String name) {
        Set<E> chosen = EnumSet.noneOf(type);
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        chosen.add(parse(type, part.trim(), name));
                    }
                }
            }
        }
        return chosen;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String name) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String message = "must be one of " + FieldReader.names(type) + ", not '" + value + "'";
            throw ProblemException.badRequest(name + " " + message, List.of(new Problem.FieldError(name, message)));
        }
    }
}
