package noc.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import noc.alarm.Alarm;
import noc.alarm.AlarmQuery;
import noc.alarm.AlarmSearch;
import noc.alarm.AlarmStore;
import noc.alarm.Severity;
import noc.alarm.SourceKind;
import noc.api.PageRequest;
import noc.ingest.snmp.TrapListener;
import noc.inventory.Device;
import noc.inventory.Inventory;
import noc.inventory.InventoryKind;
import noc.inventory.InventoryStore;
import noc.inventory.Service;

/**
 * The rows of the alarm board: the active alarms last seen first (at most {@code noc.console.board-rows}),
 * each with the inventory device its source is, the customers of that device's services and its marks
 * (storm, flapping), narrowed by the board's filters and sorted; and the history, the alarms most
 * recently cleared. The inventory is read again at most every two seconds, however many browsers refresh.
 */
@Singleton
public class BoardRows {

    /** The alarms the rules raise for a storm (rules/40-storms.drl) and for flapping (rules/45-flapping.drl). */
    static final String ALARM_STORM = "NOC::alarmStorm";
    static final String FLAPPING = "NOC::flapping";

    /** History rows a page. */
    public static final int HISTORY_PAGE = 50;

    private static final Duration INVENTORY_AGE = Duration.ofSeconds(2);

    private final AlarmStore alarms;
    private final InventoryStore inventoryStore;
    private final ConsoleConfiguration configuration;
    private volatile Snapshot inventory;

    public BoardRows(AlarmStore alarms, InventoryStore inventoryStore, ConsoleConfiguration configuration) {
        this.alarms = alarms;
        this.inventoryStore = inventoryStore;
        this.configuration = configuration;
    }

    /**
     * What the board shows: any of {@code severities} (all when empty), and {@code source},
     * {@code customer} and {@code text} each a part of the row in any case, as {@link AlarmSearch} finds
     * them in the database ({@code source}: of the source or its device; {@code customer}: of one of its
     * customers; {@code text}: of the name, source, resource, device, customers or ticket).
     */
    public record Filter(Set<Severity> severities, @Nullable String source, @Nullable String customer,
                         @Nullable String text) {

        public Filter {
            severities = Set.copyOf(severities);
        }

        AlarmSearch search() {
            return new AlarmSearch(source, customer, text);
        }
    }

    /** What marks a row besides its severity, each shown as a labelled badge. */
    public enum Mark {
        /** A storm alarm, or an alarm of a source (and kind) that a raised storm alarm covers. */
        STORM,
        /** A flapping alarm, or an alarm of a source and resource that a raised flapping alarm covers. */
        FLAPPING;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One line of the board or of the history. {@code clearedAt} is null on the board. */
    public record Row(Severity level, String name, String source, String resource, String device,
                      List<String> customers, long count, java.time.Instant firstSeen, java.time.Instant lastSeen,
                      @Nullable java.time.Instant clearedAt, String ticket, List<Mark> marks) {

        public Row {
            customers = List.copyOf(customers);
            marks = List.copyOf(marks);
        }

        public String severity() {
            return level.name().toLowerCase(Locale.ROOT);
        }
    }

    /** The board's rows, and whether more active alarms match the filter than it read. */
    public record Board(List<Row> rows, boolean truncated) {
    }

    /** One page of the history; {@code truncated}: more cleared alarms match the filter than the history reads. */
    public record History(List<Row> rows, int page, boolean more, boolean truncated) {
    }

    /** How many alarms the board, and the history, read at most: {@code noc.console.board-rows}. */
    public int limit() {
        return configuration.boardRows();
    }

    /** The {@code noc.console.board-rows} active alarms last seen that the filter finds, sorted. */
    public Board read(Filter filter, BoardSort sort) {
        int limit = configuration.boardRows();
        List<Alarm> raised = alarms.recentlyRaised(filter.severities(), filter.search(), limit + 1);
        boolean truncated = raised.size() > limit;
        return new Board(rows(truncated ? raised.subList(0, limit) : raised, markers(), sort), truncated);
    }

    /**
     * Page {@code number} (from 1) of the {@code noc.console.board-rows} alarms cleared last that the
     * filter finds, sorted.
     */
    public History history(Filter filter, BoardSort sort, int number) {
        int limit = configuration.boardRows();
        List<Alarm> cleared = alarms.recentlyCleared(filter.severities(), filter.search(), limit + 1);
        boolean truncated = cleared.size() > limit;
        List<Row> rows = rows(truncated ? cleared.subList(0, limit) : cleared, Markers.NONE, sort);
        int from = Math.min(rows.size(), (number - 1) * HISTORY_PAGE);
        int to = Math.min(rows.size(), from + HISTORY_PAGE);
        return new History(rows.subList(from, to), number, to < rows.size(), truncated);
    }

    private List<Row> rows(List<Alarm> found, Markers markers, BoardSort sort) {
        Inventory known = inventory();
        List<Row> rows = new ArrayList<>();
        for (Alarm alarm : found) {
            Optional<Device> device = device(known, alarm.source());
            Row row = new Row(alarm.severity(), alarm.name(), alarm.source(), alarm.resource(),
                    device.map(Device::name).orElse(""), device.map(it -> customers(known, it)).orElse(List.of()),
                    alarm.count(), alarm.firstSeen(), alarm.lastSeen(),
                    alarm.isRaised() ? null : alarm.clearedAt(),
                    alarm.ticketReference() == null ? "" : alarm.ticketReference(), markers.of(alarm));
            rows.add(row);
        }
        rows.sort(sort.comparator());
        return rows;
    }

    /** The storm and flapping alarms raised now, read apart: they need not be among the rows last seen. */
    private Markers markers() {
        return new Markers(keys(TrapListener.STORM_ALARM, false), keys(ALARM_STORM, true), keys(FLAPPING, true));
    }

    /** {@code source} of each raised alarm {@code name}, with its resource when {@code withResource}. */
    private Set<String> keys(String name, boolean withResource) {
        Set<String> keys = new HashSet<>();
        for (Alarm alarm : alarms.list(new AlarmQuery(AlarmQuery.StateFilter.RAISED, null, name, Set.of(),
                new PageRequest(configuration.boardRows(), null))).items()) {
            keys.add(withResource ? Markers.key(alarm.source(), alarm.resource()) : alarm.source());
        }
        return keys;
    }

    /**
     * Which alarms the raised storm and flapping alarms cover: a trap storm covers every alarm of its
     * source; an alarm storm (its resource is the alarm name) the alarms of that name from its source;
     * a flapping alarm the alarms of its source and resource.
     */
    private record Markers(Set<String> trapStorms, Set<String> alarmStorms, Set<String> flapping) {

        static final Markers NONE = new Markers(Set.of(), Set.of(), Set.of());

        static String key(String source, String resource) {
            return source + '\u0000' + resource;
        }

        List<Mark> of(Alarm alarm) {
            boolean own = alarm.sourceKind() != SourceKind.CORRELATOR;
            List<Mark> marks = new ArrayList<>(2);
            if (alarm.name().equals(TrapListener.STORM_ALARM) || alarm.name().equals(ALARM_STORM)
                    || own && (trapStorms.contains(alarm.source())
                    || alarmStorms.contains(key(alarm.source(), alarm.name())))) {
                marks.add(Mark.STORM);
            }
            if (alarm.name().equals(FLAPPING) || own && flapping.contains(key(alarm.source(), alarm.resource()))) {
                marks.add(Mark.FLAPPING);
            }
            return marks;
        }
    }

    /** The device whose address is {@code source}, else the device named {@code source}. */
    private static Optional<Device> device(Inventory inventory, String source) {
        Set<String> owners = inventory.devicesWithAddress(source);
        String name = owners.isEmpty() ? source : owners.iterator().next();
        return inventory.find(InventoryKind.DEVICES, name).map(Device.class::cast);
    }

    private static List<String> customers(Inventory inventory, Device device) {
        Set<String> names = new TreeSet<>();
        for (String reference : device.services()) {
            inventory.find(InventoryKind.SERVICES, reference).map(Service.class::cast)
                    .ifPresent(service -> names.add(service.customer()));
        }
        return List.copyOf(names);
    }

    /** A cache of the screen, not business time: measured on the monotonic clock. */
    private Inventory inventory() {
        long now = System.nanoTime();
        Snapshot held = inventory;
        if (held == null || now - held.readAtNanos() > INVENTORY_AGE.toNanos()) {
            held = new Snapshot(inventoryStore.load(), now);
            inventory = held;
        }
        return held.inventory();
    }

    private record Snapshot(Inventory inventory, long readAtNanos) {
    }

}
