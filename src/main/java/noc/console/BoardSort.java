package noc.console;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.micronaut.core.annotation.Nullable;
import noc.api.Problem;
import noc.api.ProblemException;
import noc.api.QueryParameters;

/**
 * The order of the board's rows, from the bookmarkable {@code sort} (a column) and {@code dir}
 * ({@code asc} or {@code desc}; each column has its natural direction: the worst severity, the
 * highest count and the latest time first, names from A). Ties go last seen first.
 */
public record BoardSort(Column column, Direction direction) {

    /** The columns a board can be sorted by, as the {@code sort} parameter names them. */
    public enum Column {
        SEVERITY("severity", Direction.DESC, Comparator.comparing(BoardRows.Row::level)),
        NAME("name", Direction.ASC, text(BoardRows.Row::name)),
        SOURCE("source", Direction.ASC, text(BoardRows.Row::source)),
        CUSTOMER("customers", Direction.ASC, text(row -> String.join(", ", row.customers()))),
        COUNT("count", Direction.DESC, Comparator.comparingLong(BoardRows.Row::count)),
        FIRST("firstSeen", Direction.DESC, time(BoardRows.Row::firstSeen)),
        LAST("lastSeen", Direction.DESC, time(BoardRows.Row::lastSeen)),
        CLEARED("clearedAt", Direction.DESC, time(BoardRows.Row::clearedAt)),
        TICKET("ticket", Direction.ASC, text(BoardRows.Row::ticket));

        private final String label;
        private final Direction natural;
        private final Comparator<BoardRows.Row> ascending;

        Column(String label, Direction natural, Comparator<BoardRows.Row> ascending) {
            this.label = label;
            this.natural = natural;
            this.ascending = ascending;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Its header's text, a key of the messages. */
        public String label() {
            return "board.column." + label;
        }

        private static Comparator<BoardRows.Row> text(Function<BoardRows.Row, String> value) {
            return Comparator.comparing(value, String.CASE_INSENSITIVE_ORDER);
        }

        private static Comparator<BoardRows.Row> time(Function<BoardRows.Row, Instant> value) {
            return Comparator.comparing(value, Comparator.nullsFirst(Comparator.naturalOrder()));
        }
    }

    public enum Direction {
        ASC, DESC;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The columns of the active board, in the table's order; the history adds {@link Column#CLEARED}. */
    public static final List<Column> BOARD = List.of(Column.SEVERITY, Column.NAME, Column.SOURCE, Column.CUSTOMER,
            Column.COUNT, Column.FIRST, Column.LAST, Column.TICKET);

    /** The order of a tab without {@code sort}: the board's last seen first, the history's last cleared first. */
    public static BoardSort byDefault(boolean history) {
        Column column = history ? Column.CLEARED : Column.LAST;
        return new BoardSort(column, column.natural);
    }

    /**
     * From the query parameters of a tab (the history's when {@code history}); a bad value is a 400
     * naming its parameter, and so is a column the tab does not have ({@code cleared} on the active board).
     */
    public static BoardSort of(@Nullable String sort, @Nullable String dir, boolean history) {
        Column column = QueryParameters.choice(Column.class, sort, "sort", byDefault(history).column());
        if (!history && !BOARD.contains(column)) {
            String message = "must be one of " + String.join(", ", BOARD.stream().map(Column::key).toList())
                    + " on the active board, not '" + sort.strip() + "'";
            throw ProblemException.badRequest("sort " + message, List.of(new Problem.FieldError("sort", message)));
        }
        return new BoardSort(column, QueryParameters.choice(Direction.class, dir, "dir", column.natural));
    }

    public Comparator<BoardRows.Row> comparator() {
        Comparator<BoardRows.Row> chosen = direction == Direction.ASC ? column.ascending : column.ascending.reversed();
        return chosen.thenComparing(Column.LAST.ascending.reversed()).thenComparing(Column.NAME.ascending);
    }

    /** Whether this sort is the column's natural one, so that a link can leave the parameters out. */
    public boolean natural() {
        return direction == column.natural;
    }

    /** Where a column's header leads: that column, the other way round when it is the current one. */
    public BoardSort next(Column clicked) {
        if (clicked != column) {
            return new BoardSort(clicked, clicked.natural);
        }
        return new BoardSort(clicked, direction == Direction.ASC ? Direction.DESC : Direction.ASC);
    }
}
