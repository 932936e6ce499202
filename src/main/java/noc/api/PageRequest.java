package noc.api;

import java.util.List;

import io.micronaut.core.annotation.Nullable;

/**
 * Which page of a list to answer: at most {@code limit} rows, after the row {@code after} names (from
 * the first row when null). Lists fetch {@link #fetchSize()} rows to know whether a next page exists.
 */
public record PageRequest(int limit, @Nullable Cursor after) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
    }

    /**
     * From the query parameters {@code limit} and {@code after} of list {@code list}, whose sort key has
     * {@code keySize} values.
     *
     * @throws ProblemException 400 naming {@code limit} or {@code after}
     */
    public static PageRequest of(@Nullable String limit, @Nullable String after, String list, int keySize) {
        int size = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_LIMIT) {
                String message = "must be a whole number from 1 to " + MAX_LIMIT + ", not '" + limit + "'";
                throw ProblemException.badRequest("limit " + message,
                        List.of(new Problem.FieldError("limit", message)));
            }
        }
        return new PageRequest(size, after == null ? null : Cursor.decode(after, list, keySize));
    }

    /** One row more than the page, to tell whether there is a next one. */
    public int fetchSize() {
        return limit + 1;
    }
}
