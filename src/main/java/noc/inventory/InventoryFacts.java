package noc.inventory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import noc.engine.FactTable;
import noc.engine.SessionContext;

/**
 * The inventory in a session: one fact per item, and one {@link DeviceAddress} per address of a
 * device, kept in line with MariaDB's inventory by each snapshot the inventory intake offers.
 * Reference data: the rules read it, nothing writes it back.
 */
public final class InventoryFacts {

    private final FactTable<InventoryItem> items;
    private final FactTable<DeviceAddress> addresses;
    /** Whether a domain is this session's; null when the session holds every domain (one process). */
    private final java.util.function.Predicate<String> local;
    private final FactTable<noc.alarm.TicketHome> ticketHomes;
    private CorrelationDomains domains;

    public InventoryFacts(SessionContext context, List<InventoryItem> loaded) {
        this(context, loaded, null);
    }

    /**
     * @param local whether a correlation domain is this session's (an engine's partition), or null when
     *              the session holds every domain; with one, the session also holds a
     *              {@link noc.alarm.TicketHome} for each source (address, name) of its devices whose
     *              alarms are ticketed in another session
     */
    public InventoryFacts(SessionContext context, List<InventoryItem> loaded,
                          java.util.function.Predicate<String> local) {
        this.items = context.referenceTable(InventoryItem.class, InventoryFacts::key);
        this.addresses = context.referenceTable(DeviceAddress.class, DeviceAddress::address);
        this.local = local;
        this.ticketHomes = local == null ? null : context.referenceTable(noc.alarm.TicketHome.class,
                noc.alarm.TicketHome::source);
        sync(loaded);
    }

    /** Inserts, replaces and removes facts by kind and key so that they are {@code loaded}. */
    public void sync(List<InventoryItem> loaded) {
        Map<String, InventoryItem> wanted = new HashMap<>();
        Map<String, DeviceAddress> wantedAddresses = new HashMap<>();
        for (InventoryItem item : loaded) {
            wanted.put(key(item), item);
            if (item instanceof Device device) {
                for (String address : device.addresses()) {
                    wantedAddresses.put(address, new DeviceAddress(address, device.name()));
                }
            }
        }
        items.sync(wanted);
        addresses.sync(wantedAddresses);
        if (local != null) {
            domains = CorrelationDomains.of(loaded);
            Map<String, noc.alarm.TicketHome> homes = new HashMap<>();
            Map<String, Device> devices = new HashMap<>();
            loaded.forEach(item -> {
                if (item instanceof Device device) {
                    devices.put(device.name(), device);
                }
            });
            domains.ticketHomes().forEach((name, home) -> {
                Device device = devices.get(name);
                if (device != null && local.test(domains.ofDevice(name).orElse(name)) && !local.test(home)) {
                    // by name (monitoring systems) and by address (SNMP), as alarms name their source
                    homes.put(name, new noc.alarm.TicketHome(name, name, home));
                    device.addresses().forEach(address -> homes.put(address,
                            new noc.alarm.TicketHome(address, name, home)));
                }
            });
            ticketHomes.sync(homes);
        }
    }

    /**
     * Where the alarms from {@code source} are ticketed, when that is another session than this one:
     * its {@link noc.alarm.TicketHome}, else null (always null in one process).
     */
    public noc.alarm.TicketHome ticketHomeOfSource(String source) {
        if (ticketHomes == null) {
            return null;
        }
        return ticketHomes.get(source);
    }

    /** The correlation domain of {@code source}, in a session that shares the work (else null). */
    public String domainOfSource(String source) {
        return domains == null ? null : domains.ofSource(source);
    }

    public boolean knowsCustomer(String name) {
        return name != null && items.contains(InventoryKind.CUSTOMERS + ":" + name);
    }

    public boolean knowsService(String reference) {
        return reference != null && items.contains(InventoryKind.SERVICES + ":" + reference);
    }

    /** Every item as it is now. */
    public java.util.Collection<InventoryItem> items() {
        return items.values();
    }

    private static String key(InventoryItem item) {
        return item.kind() + ":" + item.key();
    }
}
