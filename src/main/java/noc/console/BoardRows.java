package noc.console;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import noc.alarm.Alarm;
import noc.alarm.AlarmQuery;
import noc.alarm.AlarmStore;
import noc.alarm.Severity;
import noc.api.PageRequest;
import noc.inventory.Device;
import noc.inventory.Inventory;
import noc.inventory.InventoryKind;
import noc.inventory.InventoryStore;
import noc.inventory.Service;
import noc.notify.NotifyConfiguration;

/**
 * The rows of the alarm board: the active alarms last seen first (at most {@code noc.console.board-rows}),
 * each with the inventory device its source is and the customers of that device's services, narrowed
 * by the board's filters. The inventory is read again at most every two seconds, however many
 * browsers refresh.
 */
@Singleton
public class BoardRows {

    private static final Duration INVENTORY_AGE = Duration.ofSeconds(2);

    private final AlarmStore alarms;
    private final InventoryStore inventoryStore;
    private final ConsoleConfiguration configuration;
    private final DateTimeFormatter times;
    private volatile Snapshot inventory;

    public BoardRows(AlarmStore alarms, InventoryStore inventoryStore, ConsoleConfiguration configuration,
                     NotifyConfiguration notify) {
        this.alarms = alarms;
        this.inventoryStore = inventoryStore;
        this.configuration = configuration;
        this.times = notify.times();
    }

    /**
     * What the board shows: any of {@code severities} (all when empty), {@code source} and {@code text}
     * each a part of the row in any case ({@code source}: of the source or its device; {@code text}: of
     * the name, source, resource, device, customers or ticket).
     */
    public record Filter(Set<Severity> severities, @Nullable String source, @Nullable String text) {

        public Filter {
            severities = Set.copyOf(severities);
            source = blankToNull(source);
            text = blankToNull(text);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
        }
    }

    /** One line of the board, ready to show. */
    public record Row(String severity, String name, String source, String resource, String device, String customers,
                      long count, String firstSeen, String lastSeen, String ticket) {
    }

    /** The board's rows, and whether more active alarms exist than it read. */
    public record Board(List<Row> rows, boolean truncated) {
    }

    public Board read(Filter filter) {
        var page = alarms.list(new AlarmQuery(AlarmQuery.StateFilter.RAISED, null, null, filter.severities(),
                new PageRequest(configuration.boardRows(), null)));
        Inventory known = inventory();
        List<Row> rows = new ArrayList<>();
        for (Alarm alarm : page.items()) {
            Optional<Device> device = device(known, alarm.source());
            String deviceName = device.map(Device::name).orElse("");
            String customers = device.map(found -> customers(known, found)).orElse("");
            Row row = new Row(alarm.severity().name().toLowerCase(Locale.ROOT), alarm.name(), alarm.source(),
                    alarm.resource() == null ? "" : alarm.resource(), deviceName, customers, alarm.count(),
                    format(alarm.firstSeen()), format(alarm.lastSeen()),
                    alarm.ticketReference() == null ? "" : alarm.ticketReference());
            if (matches(filter, row)) {
                rows.add(row);
            }
        }
        return new Board(rows, page.next() != null);
    }

    private static boolean matches(Filter filter, Row row) {
        if (filter.source() != null && !contains(filter.source(), row.source(), row.device())) {
            return false;
        }
        return filter.text() == null || contains(filter.text(), row.name(), row.source(), row.resource(), row.device(),
                row.customers(), row.ticket());
    }

    private static boolean contains(String part, String... values) {
        for (String value : values) {
            if (value.toLowerCase(Locale.ROOT).contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** The device whose address is {@code source}, else the device named {@code source}. */
    private static Optional<Device> device(Inventory inventory, String source) {
        Set<String> owners = inventory.devicesWithAddress(source);
        String name = owners.isEmpty() ? source : owners.iterator().next();
        return inventory.find(InventoryKind.DEVICES, name).map(Device.class::cast);
    }

    private static String customers(Inventory inventory, Device device) {
        Set<String> names = new TreeSet<>();
        for (String reference : device.services()) {
            inventory.find(InventoryKind.SERVICES, reference).map(Service.class::cast)
                    .ifPresent(service -> names.add(service.customer()));
        }
        return String.join(", ", names);
    }

    private String format(Instant instant) {
        return instant == null ? "" : times.format(instant);
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
