package noc.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Singleton;
import noc.database.SqlFilter;
import noc.database.Times;
import noc.maintenance.MaintenanceStore;
import noc.maintenance.MaintenanceWindow;
import noc.maintenance.Recurrence;

/**
 * What the maintenance pages show of the windows: those with an occurrence in a span of days (the
 * timeline, each occurrence a bar), a page of them filtered by their state now (the list), and the
 * state of a window or of one occurrence. A window OVERRAN when one of its occurrences ended into a P1
 * incident linked to its ticket (PROCEDURE.md P-7.4); the incident opens at the cycle after that end,
 * before the next occurrence starts, which is how an incident is told to its occurrence.
 */
@Singleton
public class MaintenanceSchedule {

    /** Windows on a page of the list. */
    static final int PAGE_SIZE = 50;
    /** The last page one can ask for. */
    static final int MAX_PAGE = 200;
    /** Windows on the timeline at most; a busier span says so. */
    static final int TIMELINE_ROWS = 100;

    /** A window's state at a time, or an occurrence's. */
    public enum State {
        SCHEDULED, ACTIVE, ENDED, OVERRUN
    }

    // The same arithmetic as MaintenanceWindow.occurrenceStartAt, in SQL: the end of the occurrence that
    // started at or before the time bound to its ?, for a window that has started. Times are UTC DATETIME(3).
    private static final String PERIOD = "(CASE recurrence WHEN 'DAILY' THEN 86400 WHEN 'WEEKLY' THEN 604800 END)";
    private static final String OCCURRENCE_END = "(CASE recurrence WHEN 'NONE' THEN ends_at ELSE DATE_ADD(ends_at, "
            + "INTERVAL " + PERIOD + " * LEAST(TIMESTAMPDIFF(MICROSECOND, starts_at, ?) DIV (" + PERIOD + " * 1000000), "
            + "COALESCE(TIMESTAMPDIFF(MICROSECOND, starts_at, recurs_until) DIV (" + PERIOD + " * 1000000), "
            + Integer.MAX_VALUE + ")) SECOND) END)";
    private static final String OVERRAN = "EXISTS (SELECT 1 FROM ticket t WHERE t.linked_to = maintenance_window.reference)";

    private final MaintenanceStore store;

    public MaintenanceSchedule(MaintenanceStore store) {
        this.store = store;
    }

    /** A window with its overrun incidents, and its state at the time it was read. */
    public record Entry(MaintenanceWindow window, List<MaintenanceStore.Overrun> overruns, State state) {

        public String recurrence() {
            return window.recurrence().name();
        }

        /** The devices, sites and services of its scope, by kind; the empty kinds left out. */
        public List<ScopePart> scope() {
            return Stream.of(new ScopePart("devices", window.devices()), new ScopePart("sites", window.sites()),
                    new ScopePart("services", window.services())).filter(part -> !part.names().isEmpty()).toList();
        }
    }

    /** One kind of a scope: {@code devices}, {@code sites} or {@code services}, and its names. */
    public record ScopePart(String kind, List<String> names) {

        /** Names shown in a row; the window's page lists them all. */
        static final int SHOWN = 5;

        /** The first names, then how many more: {@code a, b, c, d, e +995}. */
        public String text() {
            String shown = String.join(", ", names.subList(0, Math.min(SHOWN, names.size())));
            return names.size() > SHOWN ? shown + " +" + (names.size() - SHOWN) : shown;
        }
    }

    /**
     * A bar of the timeline: an occurrence of a window, placed on the span in percent of its width.
     *
     * @param clippedStart whether it began before the span (its left end is not its start)
     * @param clippedEnd   whether it goes on after the span
     */
    public record Bar(Instant start, Instant end, State state, String left, String width, boolean clippedStart,
                      boolean clippedEnd) {
    }

    /** A row of the timeline: a window and its occurrences in the span. */
    public record Lane(Entry entry, List<Bar> bars) {
    }

    /** The timeline's rows, and whether the span had more windows than it shows. */
    public record Timeline(List<Lane> lanes, boolean truncated) {
    }

    /** A page of the list, and whether another follows. */
    public record Page(List<Entry> entries, boolean more) {
    }

    /** The windows with an occurrence between {@code from} and {@code to}, earliest first, as of {@code now}. */
    public Timeline timeline(Instant from, Instant to, Instant now) {
        Object start = Times.toColumn(from);
        SqlFilter where = new SqlFilter().and("starts_at < ?", Times.toColumn(to))
                .and("CASE recurrence WHEN 'NONE' THEN ends_at > ? ELSE recurs_until IS NULL OR DATE_ADD(recurs_until, "
                        + "INTERVAL TIMESTAMPDIFF(MICROSECOND, starts_at, ends_at) MICROSECOND) > ? END", start, start);
        List<MaintenanceWindow> found = store.first(where, TIMELINE_ROWS + 1);
        List<MaintenanceWindow> shown = found.stream().limit(TIMELINE_ROWS).toList();
        Map<String, List<MaintenanceStore.Overrun>> overruns = store.overruns(references(shown));
        List<Lane> lanes = new ArrayList<>();
        for (MaintenanceWindow window : shown) {
            List<MaintenanceStore.Overrun> of = overruns.getOrDefault(window.reference(), List.of());
            List<Bar> bars = bars(window, of, from, to, now);
            if (!bars.isEmpty()) {
                lanes.add(new Lane(new Entry(window, of, state(window, of, now)), bars));
            }
        }
        return new Timeline(lanes, found.size() > TIMELINE_ROWS);
    }

    /** Page {@code page} (from 1) of the windows in {@code states} now (all when empty), latest start first. */
    public Page page(Set<State> states, int page, Instant now) {
        SqlFilter where = new SqlFilter();
        if (!states.isEmpty()) {
            List<String> conditions = new ArrayList<>();
            List<Object> parameters = new ArrayList<>();
            Object at = Times.toColumn(now);
            for (State state : State.values()) {
                if (!states.contains(state)) {
                    continue;
                }
                switch (state) {
                    case SCHEDULED -> conditions.add("starts_at > ?");
                    case ACTIVE -> conditions.add("starts_at <= ? AND ? < " + OCCURRENCE_END);
                    case ENDED -> conditions.add("starts_at <= ? AND ? >= " + OCCURRENCE_END + " AND NOT " + OVERRAN);
                    case OVERRUN -> conditions.add("starts_at <= ? AND ? >= " + OCCURRENCE_END + " AND " + OVERRAN);
                }
                parameters.addAll(Collections.nCopies(state == State.SCHEDULED ? 1 : 3, at));
            }
            where.and("(" + String.join(") OR (", conditions) + ")", parameters.toArray());
        }
        List<MaintenanceWindow> found = store.page(where, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
        List<MaintenanceWindow> shown = found.stream().limit(PAGE_SIZE).toList();
        Map<String, List<MaintenanceStore.Overrun>> overruns = store.overruns(references(shown));
        return new Page(shown.stream().map(window -> entry(window, overruns, now)).toList(), found.size() > PAGE_SIZE);
    }

    /** One window as of {@code now}, if there is one by that reference. */
    public java.util.Optional<Entry> find(String reference, Instant now) {
        return store.find(reference).map(window -> entry(window, store.overruns(List.of(reference)), now));
    }

    private static Entry entry(MaintenanceWindow window, Map<String, List<MaintenanceStore.Overrun>> overruns,
                               Instant now) {
        List<MaintenanceStore.Overrun> of = overruns.getOrDefault(window.reference(), List.of());
        return new Entry(window, of, state(window, of, now));
    }

    /** A window's state at {@code now}: between two occurrences, a recurring window has ended (or overran). */
    static State state(MaintenanceWindow window, List<MaintenanceStore.Overrun> overruns, Instant now) {
        if (now.isBefore(window.start())) {
            return State.SCHEDULED;
        }
        if (window.isActiveAt(now)) {
            return State.ACTIVE;
        }
        return overruns.isEmpty() ? State.ENDED : State.OVERRUN;
    }

    /** The occurrences of {@code window} that meet the span, each with its own state at {@code now}. */
    static List<Bar> bars(MaintenanceWindow window, List<MaintenanceStore.Overrun> overruns, Instant from, Instant to,
                          Instant now) {
        Duration length = window.length();
        Duration period = window.recurrence().period();
        long first = 0;
        if (window.recurrence() != Recurrence.NONE && from.isAfter(window.start().plus(length))) {
            first = Duration.between(window.start().plus(length), from).toMillis() / period.toMillis();
        }
        double span = Duration.between(from, to).toMillis();
        List<Bar> bars = new ArrayList<>();
        for (long k = first; ; k++) {
            Instant start = window.start().plus(period.multipliedBy(k));
            if (!start.isBefore(to) || (window.until() != null && start.isAfter(window.until()))) {
                break;
            }
            Instant end = start.plus(length);
            boolean last = window.recurrence() == Recurrence.NONE
                    || (window.until() != null && start.plus(period).isAfter(window.until()));
            Instant next = last ? Instant.MAX : start.plus(period);
            if (end.isAfter(from)) {
                Instant shownStart = start.isBefore(from) ? from : start;
                Instant shownEnd = end.isAfter(to) ? to : end;
                double left = Duration.between(from, shownStart).toMillis() / span * 100;
                double width = Math.max(0.4, Duration.between(shownStart, shownEnd).toMillis() / span * 100);
                bars.add(new Bar(start, end, occurrenceState(start, end, next, overruns, now), percent(left),
                        percent(Math.min(width, 100 - left)), start.isBefore(from), end.isAfter(to)));
            }
            if (last) {
                break;
            }
        }
        return bars;
    }

    private static State occurrenceState(Instant start, Instant end, Instant next,
                                         List<MaintenanceStore.Overrun> overruns, Instant now) {
        if (now.isBefore(start)) {
            return State.SCHEDULED;
        }
        if (now.isBefore(end)) {
            return State.ACTIVE;
        }
        boolean overran = overruns.stream().anyMatch(overrun -> !overrun.openedAt().isBefore(end)
                && overrun.openedAt().isBefore(next));
        return overran ? State.OVERRUN : State.ENDED;
    }

    private static String percent(double value) {
        return String.format(java.util.Locale.ROOT, "%.3f%%", value);
    }

    private static List<String> references(List<MaintenanceWindow> windows) {
        return windows.stream().map(MaintenanceWindow::reference).toList();
    }

    /** The days of a span from {@code from}, in the console's zone. */
    static List<LocalDate> days(LocalDate from, int count) {
        return Stream.iterate(from, day -> day.plusDays(1)).limit(count).toList();
    }

    /** Midnight of {@code day} in {@code zone}. */
    static Instant midnight(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }
}
