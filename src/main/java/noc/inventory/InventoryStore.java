package noc.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import noc.api.Cursor;
import noc.api.Page;
import noc.api.PageRequest;
import noc.database.SqlFilter;

/** Reads and writes the inventory tables, each write in one transaction. */
@Singleton
public class InventoryStore {

    private final TransactionOperations<Connection> transactions;

    public InventoryStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** The name in the cursors of the list of {@code kind}, whose sort key is the item's key. */
    static String list(InventoryKind kind) {
        return "inventory/" + kind.path();
    }

    public Inventory load() {
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            try {
                List<InventoryItem> items = new ArrayList<>();
                Map<String, List<String>> addresses = new HashMap<>();
                query(connection, "SELECT device, address FROM device_address ORDER BY address", List.of(), row ->
                        addresses.computeIfAbsent(row.getString(1), d -> new ArrayList<>()).add(row.getString(2)));
                Map<String, List<String>> services = new HashMap<>();
                query(connection, "SELECT device, service FROM device_service ORDER BY service", List.of(), row ->
                        services.computeIfAbsent(row.getString(1), d -> new ArrayList<>()).add(row.getString(2)));
                for (InventoryKind kind : InventoryKind.values()) {
                    query(connection, select(kind) + " ORDER BY " + key(kind), List.of(),
                            row -> items.add(read(kind, row, addresses, services)));
                }
                return new Inventory(items);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the inventory: " + e.getMessage(), e);
            }
        });
    }

    /** The item of {@code kind} whose key is {@code key}: one row (and a device's lists), not the inventory. */
    public Optional<InventoryItem> find(InventoryKind kind, String key) {
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            try {
                List<InventoryItem> found = new ArrayList<>();
                query(connection, select(kind) + " WHERE " + key(kind) + " = ?", List.of(key),
                        row -> found.add(read(kind, row, Map.of(), Map.of())));
                withDeviceLists(connection, kind, found);
                return found.stream().findFirst();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the inventory: " + e.getMessage(), e);
            }
        });
    }

    /**
     * Items of one kind that refer to another item in one way: the first {@code keys} by key, and how
     * many there are in all.
     *
     * @param relation what the items are to the one they refer to, as a word ({@code devicesThroughServices})
     */
    public record References(String relation, InventoryKind kind, List<String> keys, int total) {

        public References {
            keys = List.copyOf(keys);
        }
    }

    /**
     * What refers to the item of {@code kind} whose key is {@code key}, relation by relation, each read
     * by SQL as a count and at most {@code limit} keys; relations with nothing left out.
     */
    public List<References> references(InventoryKind kind, String key, int limit) {
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            List<References> found = new ArrayList<>();
            try {
                switch (kind) {
                    case CUSTOMERS -> {
                        referrers(connection, found, "contacts", InventoryKind.CONTACTS, "customer = ?", key, limit);
                        referrers(connection, found, "sites", InventoryKind.SITES, "customer = ?", key, limit);
                        referrers(connection, found, "services", InventoryKind.SERVICES, "customer = ?", key, limit);
                        referrers(connection, found, "devicesThroughServices", InventoryKind.DEVICES,
                                "name IN (SELECT ds.device FROM device_service ds JOIN service s"
                                        + " ON s.reference = ds.service WHERE s.customer = ?)", key, limit);
                    }
                    case CONTACTS -> referrers(connection, found, "managerOf", InventoryKind.CUSTOMERS,
                            "project_manager = ?", key, limit);
                    case SITES -> {
                        referrers(connection, found, "devices", InventoryKind.DEVICES, "site = ?", key, limit);
                        referrers(connection, found, "services", InventoryKind.SERVICES, "site = ?", key, limit);
                    }
                    case SERVICES -> referrers(connection, found, "devices", InventoryKind.DEVICES,
                            "name IN (SELECT device FROM device_service WHERE service = ?)", key, limit);
                    case DEVICES -> {
                        referrers(connection, found, "customersThroughServices", InventoryKind.CUSTOMERS,
                                "name IN (SELECT s.customer FROM service s JOIN device_service ds"
                                        + " ON ds.service = s.reference WHERE ds.device = ?)", key, limit);
                        referrers(connection, found, "children", InventoryKind.DEVICES, "parent = ?", key, limit);
                    }
                }
                return found;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the inventory: " + e.getMessage(), e);
            }
        });
    }

    /** Adds the items of {@code kind} that meet {@code condition} (one parameter) to {@code found}, if any. */
    private static void referrers(Connection connection, List<References> found, String relation,
                                  InventoryKind kind, String condition, String key, int limit) throws SQLException {
        String from = " FROM " + table(kind) + " WHERE " + condition;
        int[] total = {0};
        query(connection, "SELECT COUNT(*)" + from, List.of(key), row -> total[0] = row.getInt(1));
        if (total[0] == 0) {
            return;
        }
        List<String> keys = new ArrayList<>();
        query(connection, "SELECT " + key(kind) + from + " ORDER BY " + key(kind) + " LIMIT ?", List.of(key, limit),
                row -> keys.add(row.getString(1)));
        found.add(new References(relation, kind, keys, total[0]));
    }

    private static String table(InventoryKind kind) {
        return switch (kind) {
            case CUSTOMERS -> "customer";
            case CONTACTS -> "contact";
            case SITES -> "site";
            case SERVICES -> "service";
            case DEVICES -> "device";
        };
    }

    /** One page of the items of {@code kind}, by key: a keyset query that reads at most one row more than the page. */
    public Page<InventoryItem> list(InventoryKind kind, PageRequest page) {
        List<InventoryItem> items = transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            try {
                List<Object> parameters = new ArrayList<>();
                String sql = select(kind);
                if (page.after() != null) {
                    sql += " WHERE " + key(kind) + " > ?";
                    parameters.add(page.after().text(0));
                }
                sql += " ORDER BY " + key(kind) + " LIMIT ?";
                parameters.add(page.fetchSize());
                List<InventoryItem> found = new ArrayList<>();
                query(connection, sql, parameters, row -> found.add(read(kind, row, Map.of(), Map.of())));
                withDeviceLists(connection, kind, found);
                return found;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the inventory: " + e.getMessage(), e);
            }
        });
        return Page.of(items, page, item -> Cursor.of(list(kind), item.key()));
    }

    /**
     * At most {@code limit} items of {@code kind} whose key, or one of whose main fields (a device's
     * addresses and services too), holds {@code text} in any case, by key, after the key {@code after}.
     */
    public List<InventoryItem> search(InventoryKind kind, @Nullable String text, @Nullable String after, int limit) {
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            try {
                List<Object> parameters = new ArrayList<>();
                List<String> conditions = new ArrayList<>();
                if (text != null && !text.isBlank()) {
                    String pattern = SqlFilter.containing(text.strip().toLowerCase(java.util.Locale.ROOT));
                    List<String> matches = new ArrayList<>();
                    for (String column : searched(kind)) {
                        matches.add("LOWER(" + column + ") LIKE ? ESCAPE '!'");
                        parameters.add(pattern);
                    }
                    if (kind == InventoryKind.DEVICES) {
                        matches.add("EXISTS (SELECT 1 FROM device_address a WHERE a.device = device.name"
                                + " AND LOWER(a.address) LIKE ? ESCAPE '!')");
                        matches.add("EXISTS (SELECT 1 FROM device_service s WHERE s.device = device.name"
                                + " AND LOWER(s.service) LIKE ? ESCAPE '!')");
                        parameters.add(pattern);
                        parameters.add(pattern);
                    }
                    conditions.add("(" + String.join(" OR ", matches) + ")");
                }
                if (after != null) {
                    conditions.add(key(kind) + " > ?");
                    parameters.add(after);
                }
                String sql = select(kind) + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                        + " ORDER BY " + key(kind) + " LIMIT ?";
                parameters.add(limit);
                List<InventoryItem> found = new ArrayList<>();
                query(connection, sql, parameters, row -> found.add(read(kind, row, Map.of(), Map.of())));
                withDeviceLists(connection, kind, found);
                return found;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the inventory: " + e.getMessage(), e);
            }
        });
    }

    /** The columns a search looks in, besides a device's addresses and services. */
    private static List<String> searched(InventoryKind kind) {
        return switch (kind) {
            case CUSTOMERS -> List.of("name", "contract", "project_manager");
            case CONTACTS -> List.of("name", "customer", "role", "phone", "email");
            case SITES -> List.of("name", "customer", "address", "domain");
            case SERVICES -> List.of("reference", "customer", "site", "criticality");
            case DEVICES -> List.of("name", "site", "parent");
        };
    }

    /** Gives each device of {@code found} its addresses and services, read for those devices only. */
    private static void withDeviceLists(Connection connection, InventoryKind kind, List<InventoryItem> found)
            throws SQLException {
        if (kind != InventoryKind.DEVICES || found.isEmpty()) {
            return;
        }
        List<String> names = found.stream().map(InventoryItem::key).toList();
        String in = " IN (" + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")";
        Map<String, List<String>> addresses = new HashMap<>();
        query(connection, "SELECT device, address FROM device_address WHERE device" + in
                + " ORDER BY address", names, row -> addresses.computeIfAbsent(row.getString(1),
                d -> new ArrayList<>()).add(row.getString(2)));
        Map<String, List<String>> services = new HashMap<>();
        query(connection, "SELECT device, service FROM device_service WHERE device" + in
                + " ORDER BY service", names, row -> services.computeIfAbsent(row.getString(1),
                d -> new ArrayList<>()).add(row.getString(2)));
        found.replaceAll(item -> {
            Device device = (Device) item;
            return new Device(device.name(), device.site(), device.parent(),
                    addresses.getOrDefault(device.name(), List.of()),
                    services.getOrDefault(device.name(), List.of()));
        });
    }

    private static String select(InventoryKind kind) {
        return switch (kind) {
            case CUSTOMERS -> "SELECT name, contract, project_manager FROM customer";
            case CONTACTS -> "SELECT name, customer, role, phone, email, language FROM contact";
            case SITES -> "SELECT name, customer, address, domain FROM site";
            case SERVICES -> "SELECT reference, customer, site, criticality, redundant FROM service";
            case DEVICES -> "SELECT name, site, parent FROM device";
        };
    }

    private static String key(InventoryKind kind) {
        return kind == InventoryKind.SERVICES ? "reference" : "name";
    }

    private static InventoryItem read(InventoryKind kind, ResultSet row, Map<String, List<String>> addresses,
                                      Map<String, List<String>> services) throws SQLException {
        return switch (kind) {
            case CUSTOMERS -> new Customer(row.getString(1), Contract.valueOf(row.getString(2)), row.getString(3));
            case CONTACTS -> new Contact(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                    row.getString(5), Language.of(row.getString(6)).orElse(null));
            case SITES -> new Site(row.getString(1), row.getString(2), row.getString(3), row.getString(4));
            case SERVICES -> new Service(row.getString(1), row.getString(2), row.getString(3),
                    Criticality.valueOf(row.getString(4)), row.getBoolean(5));
            case DEVICES -> new Device(row.getString(1), row.getString(2), row.getString(3),
                    addresses.getOrDefault(row.getString(1), List.of()),
                    services.getOrDefault(row.getString(1), List.of()));
        };
    }

    /**
     * Creates or replaces {@code items} in one transaction, referenced kinds first, each kind's rows
     * sent as batches (an import of tens of thousands of devices is a few round trips per kind).
     */
    public void write(List<InventoryItem> given) {
        // An item given twice counts once, as its last version (the rows of a device are replaced as a whole).
        java.util.Map<String, InventoryItem> last = new java.util.LinkedHashMap<>();
        for (InventoryItem item : given) {
            last.remove(item.kind() + ":" + item.key());
            last.put(item.kind() + ":" + item.key(), item);
        }
        List<InventoryItem> items = List.copyOf(last.values());
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try {
                batch(connection, """
                        INSERT INTO customer (name, contract, project_manager) VALUES (?, ?, ?)
                        ON DUPLICATE KEY UPDATE contract = VALUES(contract), project_manager = VALUES(project_manager)""",
                        items, Customer.class, c -> one(c.name(), c.contract().name(), c.projectManager()));
                batch(connection, """
                        INSERT INTO contact (name, customer, role, phone, email, language) VALUES (?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE customer = VALUES(customer), role = VALUES(role), phone = VALUES(phone),
                            email = VALUES(email), language = VALUES(language)""",
                        items, Contact.class, c -> one(c.name(), c.customer(), c.role(), c.phone(), c.email(),
                                c.language() == null ? null : c.language().code()));
                batch(connection, """
                        INSERT INTO site (name, customer, address, domain) VALUES (?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE customer = VALUES(customer), address = VALUES(address),
                            domain = VALUES(domain)""",
                        items, Site.class, site -> one(site.name(), site.customer(), site.address(), site.domain()));
                batch(connection, """
                        INSERT INTO service (reference, customer, site, criticality, redundant) VALUES (?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE customer = VALUES(customer), site = VALUES(site),
                            criticality = VALUES(criticality), redundant = VALUES(redundant)""",
                        items, Service.class, service -> one(service.reference(), service.customer(),
                                service.site(), service.criticality().name(), service.redundant()));
                batch(connection, """
                        INSERT INTO device (name, site, parent) VALUES (?, ?, NULL)
                        ON DUPLICATE KEY UPDATE site = VALUES(site)""",
                        items, Device.class, d -> one(d.name(), d.site()));
                batch(connection, "DELETE FROM device_address WHERE device = ?", items, Device.class,
                        d -> one(d.name()));
                batch(connection, "INSERT INTO device_address (address, device) VALUES (?, ?)", items, Device.class,
                        d -> d.addresses().stream().map(address -> row(address, d.name())).toList());
                batch(connection, "DELETE FROM device_service WHERE device = ?", items, Device.class,
                        d -> one(d.name()));
                batch(connection, "INSERT INTO device_service (device, service) VALUES (?, ?)", items, Device.class,
                        d -> d.services().stream().map(service -> row(d.name(), service)).toList());
                // Parents last: a parent may come later in the same write.
                batch(connection, "UPDATE device SET parent = ? WHERE name = ?", items, Device.class,
                        d -> one(d.parent(), d.name()));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot write the inventory: " + e.getMessage(), e);
            }
            return null;
        });
    }

    private static Object[] row(Object... values) {
        return values;
    }

    /** The one row of an item. */
    private static List<Object[]> one(Object... values) {
        return java.util.Collections.singletonList(values);
    }

    /** Runs {@code sql} once per row that {@code rows} makes of each item of {@code type}, as one batch. */
    private static <T extends InventoryItem> void batch(Connection connection, String sql, List<InventoryItem> items,
                                                       Class<T> type,
                                                       java.util.function.Function<T, List<Object[]>> rows)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int count = 0;
            for (InventoryItem item : items) {
                if (!type.isInstance(item)) {
                    continue;
                }
                for (Object[] row : rows.apply(type.cast(item))) {
                    for (int i = 0; i < row.length; i++) {
                        statement.setObject(i + 1, row[i]);
                    }
                    statement.addBatch();
                    if (++count % 1000 == 0) {
                        statement.executeBatch();
                    }
                }
            }
            if (count % 1000 != 0) {
                statement.executeBatch();
            }
        }
    }

    /**
     * Deletes one item; false when there was none.
     *
     * @throws InventoryConflictException when other items still refer to it
     */
    public boolean delete(InventoryKind kind, String key) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            String sql = "DELETE FROM " + table(kind) + " WHERE " + key(kind) + " = ?";
            try {
                if (kind == InventoryKind.CONTACTS) {
                    checkNotProjectManager(connection, key);
                }
                return update(connection, sql, key) > 0;
            } catch (SQLIntegrityConstraintViolationException e) {
                throw new InventoryConflictException(kind.path() + " '" + key + "' is still referred to by other "
                        + "inventory items; change or delete those first", "stillReferred");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot delete from the inventory: " + e.getMessage(), e);
            }
        });
    }

    /**
     * The language of the contacts with this address ({@link Contact#languageOf}): what a page reached
     * from an email to them is written in.
     */
    public Optional<Language> languageOf(String email) {
        return transactions.executeRead(status -> {
            try {
                List<InventoryItem> found = new ArrayList<>();
                // The contacts with the address; which one's language counts, Contact.languageOf says.
                query(status.getConnection(), select(InventoryKind.CONTACTS) + " WHERE LOWER(email) = LOWER(?)"
                        + " ORDER BY name LIMIT ?", List.of(email, MAX_SAME_ADDRESS),
                        row -> found.add(read(InventoryKind.CONTACTS, row, Map.of(), Map.of())));
                return Contact.languageOf(email, found.stream().map(Contact.class::cast).toList());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the inventory: " + e.getMessage(), e);
            }
        });
    }

    /** The contacts of one customer, by name, at most {@code limit}: its people, without reading the rest of the inventory. */
    public List<Contact> contactsOf(String customer, int limit) {
        return transactions.executeRead(status -> {
            try {
                List<Contact> found = new ArrayList<>();
                query(status.getConnection(), select(InventoryKind.CONTACTS) + " WHERE customer = ? ORDER BY name LIMIT ?",
                        List.of(customer, limit),
                        row -> found.add((Contact) read(InventoryKind.CONTACTS, row, Map.of(), Map.of())));
                return found;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the inventory: " + e.getMessage(), e);
            }
        });
    }

    /** The most contacts with one address (by name) that {@link #languageOf} weighs: a shared mailbox's first ones. */
    private static final int MAX_SAME_ADDRESS = 1000;

    private static void checkNotProjectManager(Connection connection, String contact) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT name FROM customer WHERE project_manager = ? LIMIT 1")) {
            statement.setString(1, contact);
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    throw new InventoryConflictException("contacts '" + contact + "' is the project manager of "
                            + "customer '" + rows.getString(1) + "'; change that first", "projectManager",
                            rows.getString(1));
                }
            }
        }
    }

    private static int update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        }
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(Connection connection, String sql, List<?> parameters, RowReader reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }
}
