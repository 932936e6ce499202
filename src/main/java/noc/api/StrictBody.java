package noc.api;

/**
 * A request body read strictly by {@link StrictBodyReader}: a {@code @Serdeable} record whose JSON
 * must have exactly its fields with exactly their types, checked with Jakarta constraints sized to
 * the columns the values land in. Controllers take it as {@code @Valid @Body}.
 */
public interface StrictBody {
}
