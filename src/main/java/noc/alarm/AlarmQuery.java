package noc.alarm;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;
import noc.api.PageRequest;

/**
 * Which alarms to list, last seen first: each filter narrows, null or empty filters nothing.
 *
 * @param state      raised (the active alarms), cleared (the history), or all
 * @param source     the exact source (an address, a host)
 * @param name       the exact alarm name ({@code IF-MIB::linkDown}, {@code NodeDown})
 * @param severities any of these severities; empty: any severity
 */
public record AlarmQuery(StateFilter state, @Nullable String source, @Nullable String name, Set<Severity> severities,
                         PageRequest page) {

    /** The {@code state} parameter of the alarm list. */
    public enum StateFilter {
        RAISED, CLEARED, ALL
    }

    /** The sort key of a cursor: last_seen, id. */
    static final String LIST = "alarms";

    public AlarmQuery {
        Objects.requireNonNull(state, "state is null");
        Objects.requireNonNull(page, "page is null");
        severities = severities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(severities));
    }
}
