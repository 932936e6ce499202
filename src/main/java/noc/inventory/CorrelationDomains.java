package noc.inventory;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The correlation domain of each input: the key under which inputs that the rules may correlate
 * meet in one rules session. When several engines share the work (issue 14's cluster mode), each
 * owns some Kafka partitions and the partition key is this domain, so what one session must see
 * together has to share a domain; what crosses domains goes through the database instead.
 * docs/correlation-domains.md says, rule file by rule file, what that changes.
 *
 * <p>A device's domain is its site's: the site's {@code domain}, or the site's name when it has none
 * (ops set the same domain on sites whose alarms correlate: a point of presence and the customer
 * sites hanging off it). A device without a site takes its parent's domain, so that what hangs off
 * a device stays with it; a device with neither is a domain of its own, its name. An alarm's source
 * is a device's address (SNMP) or name (monitoring systems name hosts); a source the inventory does
 * not know is {@code address:<source>}. A customer's declaration belongs with its services (see
 * {@link #ofDeclaration}).
 *
 * <p>Built once per inventory snapshot (every change publishes a new one), in time linear in the
 * inventory; each look-up is then one or two hash-map reads. Immutable, so any thread may share one.
 */
public final class CorrelationDomains {

    /** What the domain of a source the inventory does not know starts with. */
    public static final String UNKNOWN_SOURCE = "address:";
    /** What the domain of a declaration naming no service of the inventory starts with. */
    public static final String CUSTOMER = "customer:";

    private final Map<String, String> bySource = new HashMap<>();
    private final Map<String, String> byDevice = new HashMap<>();
    /** The site each device takes its domain from (its own, or an ancestor's), if any. */
    private final Map<String, String> domainSite = new HashMap<>();
    private final Map<String, String> bySite = new HashMap<>();
    /** A service's own domain: its site's, else that of the first device (by name) carrying it. */
    private final Map<String, String> byService = new HashMap<>();
    /** The domains of the devices carrying each service, sorted. */
    private final Map<String, Set<String>> serviceDeviceDomains = new HashMap<>();
    /** The domain whose session decides the tickets of the alarms of each device in a group, by name. */
    private final Map<String, String> ticketHomes = new HashMap<>();
    /** The devices at each site (their own site only, as a maintenance scope takes them), by name. */
    private final Map<String, List<String>> devicesAt = new HashMap<>();
    /** The devices carrying each service, by name. */
    private final Map<String, List<String>> carriers = new HashMap<>();
    private final List<DomainCrossing> crossings;

    private CorrelationDomains(Collection<? extends InventoryItem> items) {
        Map<String, Device> devices = new TreeMap<>();
        Map<String, Site> sites = new HashMap<>();
        Map<String, Service> services = new TreeMap<>();
        for (InventoryItem item : items) {
            if (item instanceof Device device) {
                devices.put(device.name(), device);
            } else if (item instanceof Site site) {
                sites.put(site.name(), site);
            } else if (item instanceof Service service) {
                services.put(service.reference(), service);
            }
        }
        sites.values().forEach(site -> bySite.put(site.name(), site.correlationDomain()));
        for (Device device : devices.values()) {
            String domain = resolve(device, devices);
            bySource.put(device.name(), domain);
            for (String carried : device.services()) {
                serviceDeviceDomains.computeIfAbsent(carried, s -> new TreeSet<>()).add(domain);
                byService.putIfAbsent(carried, domain);
            }
        }
        // Addresses over names: a name that is also another device's address is that device's.
        for (Device device : devices.values()) {
            device.addresses().forEach(address -> bySource.put(address, byDevice.get(device.name())));
        }
        for (Service service : services.values()) {
            if (service.site() != null) {
                byService.put(service.reference(), siteDomain(service.site()));
            }
        }
        ticketHomes(devices);
        for (Device device : devices.values()) {
            if (device.site() != null) {
                devicesAt.computeIfAbsent(device.site(), s -> new ArrayList<>()).add(device.name());
            }
            device.services().forEach(s -> carriers.computeIfAbsent(s, c -> new ArrayList<>()).add(device.name()));
        }
        crossings = crossings(devices, services);
    }

    /**
     * The devices whose alarms the rules may join are one group: those that share a service (a device's
     * link down concerns all its services, and an alarm on any of them joins the ticket of any other:
     * 25-services.drl), and a device and its parent (a parent that is down gathers its children's
     * alarms: 60-root-cause.drl). A group's tickets are decided in one session, its home: that of its
     * least service (by reference, {@link #ofService}), or, for a group carrying no service, the domain
     * of its least device (by name) that hangs off none of the group.
     */
    private void ticketHomes(Map<String, Device> devices) {
        Map<String, String> group = new HashMap<>();
        Map<String, String> carrierOf = new HashMap<>();
        for (Device device : devices.values()) {
            root(group, device.name());
            if (device.parent() != null && devices.containsKey(device.parent())) {
                union(group, device.name(), device.parent());
            }
            for (String carried : device.services()) {
                String other = carrierOf.putIfAbsent(carried, device.name());
                if (other != null) {
                    union(group, device.name(), other);
                }
            }
        }
        Map<String, List<Device>> members = new HashMap<>();
        devices.values().forEach(device -> members.computeIfAbsent(root(group, device.name()),
                r -> new ArrayList<>()).add(device));
        for (List<Device> member : members.values()) {
            if (member.size() == 1 && member.get(0).services().isEmpty()) {
                continue; // a device alone: its own domain
            }
            String home = member.stream().flatMap(device -> device.services().stream()).sorted()
                    .map(byService::get).filter(java.util.Objects::nonNull).findFirst()
                    .orElseGet(() -> member.stream()
                            .filter(device -> device.parent() == null || !devices.containsKey(device.parent()))
                            .map(Device::name).sorted().findFirst()
                            .or(() -> member.stream().map(Device::name).sorted().findFirst())
                            .map(byDevice::get).orElseThrow());
            member.forEach(device -> ticketHomes.put(device.name(), home));
        }
    }

    /** Joins the groups of {@code one} and {@code other}; the least name stays the root. */
    private static void union(Map<String, String> group, String one, String other) {
        String a = root(group, one);
        String b = root(group, other);
        if (!a.equals(b)) {
            if (a.compareTo(b) < 0) {
                group.put(b, a);
            } else {
                group.put(a, b);
            }
        }
    }

    private static String root(Map<String, String> group, String member) {
        String current = member;
        for (String up = group.get(current); up != null && !up.equals(current); up = group.get(current)) {
            current = up;
        }
        group.putIfAbsent(member, current);
        return current;
    }

    /** The domains of {@code items}: an inventory's items, in any order. */
    public static CorrelationDomains of(Collection<? extends InventoryItem> items) {
        return new CorrelationDomains(requireNonNull(items, "items is null"));
    }

    public static CorrelationDomains of(Inventory inventory) {
        return of(inventory.all());
    }

    public static CorrelationDomains of(InventorySnapshot snapshot) {
        return of(snapshot.items());
    }

    /**
     * The domain of an alarm from {@code source}: that of the device with this address, else of the
     * device of this name, else {@code address:<source>}.
     */
    public String ofSource(String source) {
        String domain = bySource.get(source);
        return domain != null ? domain : UNKNOWN_SOURCE + source;
    }

    /**
     * Every source the inventory knows, each device address and name, with its domain: what a directory
     * that collectors route by holds (docs/cluster-design.md); any other source is {@code address:<source>}.
     */
    public Map<String, String> sources() {
        return Collections.unmodifiableMap(bySource);
    }

    /** The domain of the device named {@code device}, if the inventory has it. */
    public Optional<String> ofDevice(String device) {
        return Optional.ofNullable(byDevice.get(device));
    }

    /** The domain of the site named {@code site}, if the inventory has it. */
    public Optional<String> ofSite(String site) {
        return Optional.ofNullable(bySite.get(site));
    }

    /**
     * The domain of the service {@code reference}: its site's, else (a service without a site) that of
     * the first device carrying it, by name; empty when the inventory knows neither.
     */
    public Optional<String> ofService(String reference) {
        return Optional.ofNullable(byService.get(reference));
    }

    /**
     * The domain whose session decides the tickets of the alarms of device {@code device}: the home of
     * its group, the devices linked to it by shared services and parent links (see {@link #ticketHomes}).
     * Empty for a device that carries no service and is linked to no other (its alarms are ticketed in
     * its own domain). A device whose ticket home is not its domain has its alarms sent there, through
     * MariaDB and the inputs topic (docs/correlation-domains.md, "Alarms across domains").
     */
    public Optional<String> ticketHomeOf(String device) {
        return Optional.ofNullable(ticketHomes.get(device));
    }

    /** The ticket home ({@link #ticketHomeOf}) of each device in a group, by device name. */
    public Map<String, String> ticketHomes() {
        return Collections.unmodifiableMap(ticketHomes);
    }

    /**
     * The domain of a customer's declaration ({@code POST /api/v1/incidents}): that of the first of its
     * services the inventory places ({@link #ofService}), where that service's alarms go. Services at
     * sites of other domains do not change it: the declaration's ticket lives in one session, with the
     * first service. A declaration naming no such service is {@code customer:<name>}, so that a
     * customer's unmatched declarations at least stay together.
     */
    public String ofDeclaration(String customerName, List<String> serviceReferences) {
        for (String reference : serviceReferences) {
            String domain = byService.get(reference);
            if (domain != null) {
                return domain;
            }
        }
        return CUSTOMER + customerName;
    }

    /**
     * Every domain a maintenance scope touches, sorted: those of the devices named, of the sites named
     * and of the devices carrying the services named (what {@code MaintenanceWindow.covers} takes in).
     * Names the inventory does not know add nothing. More than one domain means the window's alarms
     * would arrive in several sessions.
     */
    public Set<String> ofScope(Collection<String> devices, Collection<String> sites, Collection<String> services) {
        Set<String> domains = new TreeSet<>();
        devices.forEach(device -> ofDevice(device).ifPresent(domains::add));
        sites.forEach(site -> ofSite(site).ifPresent(domains::add));
        services.forEach(service -> domains.addAll(serviceDeviceDomains.getOrDefault(service, Set.of())));
        return domains;
    }

    /**
     * The ticket homes ({@link #ticketHomeOf}, else the device's own domain) of the devices a
     * maintenance scope covers ({@link #coveredDevices}), sorted; a site named that has no device adds
     * its own domain. One home: the window lives there, and the alarms of its devices in other domains
     * are ticketed there anyway. Several: the window lives in the least ({@link #windowOwner}), and the
     * sessions of its devices whose home is another learn of it (docs/correlation-domains.md,
     * "50-maintenance.drl").
     */
    public Set<String> windowHomes(Collection<String> devices, Collection<String> sites, Collection<String> services) {
        Set<String> homes = new TreeSet<>();
        coveredDevices(devices, sites, services).forEach(device -> homeOf(device).ifPresent(homes::add));
        for (String site : sites) {
            if (devicesAt.getOrDefault(site, List.of()).isEmpty()) {
                ofSite(site).ifPresent(homes::add);
            }
        }
        return homes;
    }

    /**
     * The domain whose session holds a window over this scope, where engines share the work: the
     * scope's one domain ({@link #ofScope}); for a scope over several, the least of its
     * {@link #windowHomes}. Empty when the inventory places the scope nowhere.
     */
    public Optional<String> windowOwner(Collection<String> devices, Collection<String> sites,
                                        Collection<String> services) {
        Set<String> scope = ofScope(devices, sites, services);
        if (scope.size() <= 1) {
            return scope.stream().findFirst();
        }
        return windowHomes(devices, sites, services).stream().findFirst();
    }

    /**
     * The domains whose sessions must know a window over this scope held by {@code owner}'s session:
     * those of the devices it covers whose ticket home is another than {@code owner}, since their alarms
     * would otherwise be decided away from the window. Sorted.
     */
    public Set<String> windowGuests(String owner, Collection<String> devices, Collection<String> sites,
                                    Collection<String> services) {
        Set<String> guests = new TreeSet<>();
        for (String device : coveredDevices(devices, sites, services)) {
            if (!homeOf(device).orElse(owner).equals(owner)) {
                ofDevice(device).filter(domain -> !domain.equals(owner)).ifPresent(guests::add);
            }
        }
        return guests;
    }

    /**
     * The devices a maintenance scope covers, as {@code MaintenanceWindow.covers} does: named, at a
     * site named, or carrying a service named. Sorted; names the inventory does not know are left out.
     */
    public Set<String> coveredDevices(Collection<String> devices, Collection<String> sites,
                                      Collection<String> services) {
        Set<String> covered = new TreeSet<>();
        devices.stream().filter(byDevice::containsKey).forEach(covered::add);
        sites.forEach(site -> covered.addAll(devicesAt.getOrDefault(site, List.of())));
        services.forEach(service -> covered.addAll(carriers.getOrDefault(service, List.of())));
        return covered;
    }

    private Optional<String> homeOf(String device) {
        String home = ticketHomes.get(device);
        return home != null ? Optional.of(home) : ofDevice(device);
    }

    /**
     * The links of the inventory that cross domains, which the shipped rules follow within one session
     * and cannot across two: a device whose parent is in another domain (root cause), and a service
     * carried by devices of more than one (service merges, accesses down, P-5.6). A service's site in
     * another domain than its devices is none: only its declarations go by the site, and no rule joins
     * a declaration with alarms. Devices by name, then services by reference.
     */
    public List<DomainCrossing> crossings() {
        return crossings;
    }

    /**
     * The sources (device addresses and names) whose domain is not what it was in {@code previous}: a
     * device that moved to a site of another domain, a site whose domain changed, an address the
     * inventory learnt or forgot (from or to {@code address:<source>}). By source.
     *
     * <p>Their raised alarms and open tickets stay in the session of the old domain while their next
     * inputs go to the new one, which does not know them: whoever routes inputs hands those over
     * first (docs/correlation-domains.md, "When a domain changes").
     */
    public List<DomainMove> movesSince(CorrelationDomains previous) {
        Set<String> sources = new TreeSet<>(bySource.keySet());
        sources.addAll(previous.bySource.keySet());
        List<DomainMove> moves = new ArrayList<>();
        for (String source : sources) {
            String from = previous.ofSource(source);
            String to = ofSource(source);
            if (!from.equals(to)) {
                moves.add(new DomainMove(source, from, to));
            }
        }
        return moves;
    }

    private String siteDomain(String site) {
        // A site the items do not hold (a partial list) is a domain of its own, as one without a domain is.
        return bySite.getOrDefault(site, site);
    }

    /** The domain of {@code device}, following parents up to one with a site; a loop ends where it closes. */
    private String resolve(Device device, Map<String, Device> devices) {
        String known = byDevice.get(device.name());
        if (known != null) {
            return known;
        }
        List<Device> chain = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Device current = device;
        String domain = null;
        String site = null;
        while (domain == null) {
            chain.add(current);
            seen.add(current.name());
            Device parent = current.parent() == null ? null : devices.get(current.parent());
            if (current.site() != null) {
                domain = siteDomain(current.site());
                site = current.site();
            } else if (byDevice.containsKey(current.name())) {
                domain = byDevice.get(current.name());
                site = domainSite.get(current.name());
            } else if (parent == null || seen.contains(parent.name())) {
                domain = current.name();
            } else {
                current = parent;
            }
        }
        for (Device one : chain) {
            byDevice.putIfAbsent(one.name(), domain);
            if (site != null) {
                domainSite.putIfAbsent(one.name(), site);
            }
        }
        return domain;
    }

    private List<DomainCrossing> crossings(Map<String, Device> devices, Map<String, Service> services) {
        List<DomainCrossing> found = new ArrayList<>();
        for (Device device : devices.values()) {
            Device parent = device.parent() == null ? null : devices.get(device.parent());
            if (parent == null) {
                continue;
            }
            String domain = byDevice.get(device.name());
            String parentDomain = byDevice.get(parent.name());
            if (!domain.equals(parentDomain)) {
                Set<String> involved = new LinkedHashSet<>(List.of(key(device), key(parent)));
                siteKey(device).ifPresent(involved::add);
                siteKey(parent).ifPresent(involved::add);
                // and the devices the parent inherits its domain through, each of which may change it
                Device up = parent;
                while (up.site() == null && up.parent() != null) {
                    up = devices.get(up.parent());
                    if (up == null || !involved.add(key(up))) {
                        break;
                    }
                }
                found.add(DomainCrossing.parent(device.name(), domain, parent.name(), parentDomain, involved));
            }
        }
        Map<String, List<Device>> carriers = new HashMap<>();
        devices.values().forEach(device -> device.services().forEach(
                service -> carriers.computeIfAbsent(service, s -> new ArrayList<>()).add(device)));
        for (Service service : services.values()) {
            Set<String> domains = serviceDeviceDomains.getOrDefault(service.reference(), Set.of());
            if (domains.size() > 1) {
                Set<String> involved = new LinkedHashSet<>();
                involved.add(InventoryKind.SERVICES + ":" + service.reference());
                for (Device device : carriers.getOrDefault(service.reference(), List.of())) {
                    involved.add(key(device));
                    siteKey(device).ifPresent(involved::add);
                }
                found.add(DomainCrossing.service(service.reference(), List.copyOf(domains), involved));
            }
        }
        return List.copyOf(found);
    }

    private static String key(Device device) {
        return InventoryKind.DEVICES + ":" + device.name();
    }

    /** The site {@code device} takes its domain from (its own or an ancestor's), as an involved item. */
    private Optional<String> siteKey(Device device) {
        return Optional.ofNullable(domainSite.get(device.name())).map(site -> InventoryKind.SITES + ":" + site);
    }
}
