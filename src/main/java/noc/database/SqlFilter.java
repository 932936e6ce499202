package noc.database;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The {@code WHERE} clause of a list query, built from the filters given: each condition with its
 * parameters, bound in order. Values always travel as parameters, never in the SQL text.
 */
public final class SqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    /** Adds {@code condition}, whose {@code ?} take {@code values} in order. */
    public SqlFilter and(String condition, Object... values) {
        conditions.add("(" + condition + ")");
        Collections.addAll(parameters, values);
        return this;
    }

    /** Adds {@code column IN (...)} for {@code values}; nothing when there are none. */
    public SqlFilter in(String column, Collection<?> values) {
        if (!values.isEmpty()) {
            and(column + " IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")",
                    values.toArray());
        }
        return this;
    }

    /** {@code WHERE ...}, or nothing when no condition was added. */
    public String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** The parameters of the conditions, in order. */
    public List<Object> parameters() {
        return java.util.Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    /** Binds the parameters from index 1; returns the next free index. */
    public int bind(PreparedStatement statement) throws SQLException {
        int i = 1;
        for (Object value : parameters) {
            statement.setObject(i++, value);
        }
        return i;
    }

    /**
     * A {@code LIKE} pattern for {@code text} anywhere in a value, its wildcards taken as plain characters:
     * the one escaper of the code base, for conditions written {@code LIKE ? ESCAPE '!'}.
     */
    public static String containing(String text) {
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
