package noc.api;

import java.util.List;
import java.util.function.Function;

import io.micronaut.core.annotation.Nullable;

/**
 * One page of a list, and where the next one starts ({@code null} on the last page).
 *
 * @param items the rows of the page, in the list's order
 */
public record Page<T>(List<T> items, @Nullable Cursor next) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page made of {@code fetched}, the up to {@link PageRequest#fetchSize()} rows a keyset query
     * returned: its first {@code limit} rows, with a cursor after the last of them when there were more.
     */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, Function<T, Cursor> cursorOf) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, request.limit());
        return new Page<>(items, cursorOf.apply(items.get(items.size() - 1)));
    }

    public <U> Page<U> map(Function<T, U> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}
