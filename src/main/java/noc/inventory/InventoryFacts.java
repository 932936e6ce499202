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
    /** The ticket homes the inventory gives this session's sources; the facts may hold others over them. */
    private Map<String, noc.alarm.TicketHome> inventoryHomes = Map.of();
    /** The owner of an active window of another session that covers a device, by device name. */
    private Map<String, String> heldBack = Map.of();
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
            inventoryHomes = homes;
            syncTicketHomes();
        }
    }

    /**
     * Holds back the sources of devices that an active window of another session covers ({@code owners}:
     * device name to the domain of the session holding the window): each address gets a
     * {@link noc.alarm.TicketHome} naming that session, over the inventory's, so that the rules open or
     * join no ticket here for an alarm the window will take (docs/correlation-domains.md,
     * "50-maintenance.drl"). By address only, as the maintenance rule matches its alarms.
     */
    public void holdBack(Map<String, String> owners) {
        if (local == null || owners.equals(heldBack)) {
            return;
        }
        heldBack = Map.copyOf(owners);
        syncTicketHomes();
    }

    private void syncTicketHomes() {
        Map<String, noc.alarm.TicketHome> homes = new HashMap<>(inventoryHomes);
        heldBack.forEach((name, owner) -> {
            if (items.get(InventoryKind.DEVICES + ":" + name) instanceof Device device) {
                device.addresses().forEach(address -> homes.put(address,
                        new noc.alarm.TicketHome(address, name, owner)));
            }
        });
        ticketHomes.sync(homes);
    }

    /**
     * Whether the tickets of the alarms of {@code source} are decided in this session by the inventory:
     * its device's ticket home, else its own domain, is this session's (always, in one process).
     */
    public boolean decidesTicketsOf(String source) {
        if (local == null) {
            return true;
        }
        Device device = deviceAt(source);
        String name = device != null ? device.name()
                : items.contains(InventoryKind.DEVICES + ":" + source) ? source : null;
        return local.test(name == null ? domains.ofSource(source)
                : domains.ticketHomeOf(name).orElseGet(() -> domains.ofDevice(name).orElse(name)));
    }

    /** The device with the address {@code source}, if any. */
    public Device deviceAt(String source) {
        DeviceAddress address = addresses.get(source);
        return address == null ? null : items.get(InventoryKind.DEVICES + ":" + address.device()) instanceof Device d
                ? d : null;
    }

    /** Every device of the inventory. */
    public List<Device> devices() {
        return items.values().stream().filter(Device.class::isInstance).map(Device.class::cast).toList();
    }

    /**
     * Where the alarms from {@code source} are ticketed, when the inventory places that in another
     * session than this one: its {@link noc.alarm.TicketHome}, else null (always null in one process).
     */
    public noc.alarm.TicketHome ticketHomeOfSource(String source) {
        return inventoryHomes.get(source);
    }

    /** The correlation domains of the inventory, in a session that shares the work (else null). */
    public CorrelationDomains domains() {
        return domains;
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
