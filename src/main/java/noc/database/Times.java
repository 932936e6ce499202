package noc.database;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Instants are stored as UTC {@code DATETIME(3)}; these convert both ways, keeping nulls. */
public final class Times {

    private Times() {
    }

    public static LocalDateTime toColumn(Instant instant) {
        // Not LocalDateTime.ofInstant: it asks the offset for its ZoneRules, which JDK 17 builds anew
        // at each call (a ConcurrentHashMap with them), three times per alarm row a cycle writes.
        return instant == null ? null
                : LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
    }

    public static Instant fromColumn(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** The instant in column {@code column} of the current row, or null. */
    public static Instant fromColumn(java.sql.ResultSet rows, int column) throws java.sql.SQLException {
        return fromColumn(rows.getObject(column, LocalDateTime.class));
    }
}
