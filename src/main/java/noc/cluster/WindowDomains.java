package noc.cluster;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import noc.inventory.CorrelationDomains;
import noc.inventory.InventoryStore;
import noc.maintenance.MaintenanceStore;
import noc.maintenance.MaintenanceWindow;

/**
 * Maintenance windows planned by a single process (role {@code all}) have no recorded domain: their
 * tickets would be placed under {@code ticket:<reference>}, away from the devices of their scope, whose
 * alarms would then not meet them. An engine node, before it builds any partition's session, records
 * each open window under the domain of its scope ({@link #domainOf}); one whose scope spans domains
 * decided in several sessions is named in the log. Windows already recorded (by the command that planned them) are left as they are.
 */
final class WindowDomains {

    private static final Logger LOG = LoggerFactory.getLogger(WindowDomains.class);

    private WindowDomains() {
    }

    static void pinOpenWindows(InventoryStore inventory, MaintenanceStore maintenance, CommandOutcomeStore pins,
                               Clock clock) {
        CorrelationDomains scopes = CorrelationDomains.of(inventory.load().all());
        Map<String, String> domains = new HashMap<>();
        for (MaintenanceWindow window : maintenance.loadForSession(clock.instant())) {
            Set<String> scope = scopes.ofScope(window.devices(), window.sites(), window.services());
            String domain = domainOf(scopes, window.devices(), window.sites(), window.services());
            if (domain != null && !scope.isEmpty()) {
                domains.put(window.reference(), domain);
            } else if (domain == null) {
                LOG.warn("Maintenance window {} covers correlation domains {}: its alarms arrive in several "
                        + "sessions and only those of one meet it; plan one window per domain", window.reference(),
                        scope);
            }
        }
        pins.pinUnpinned(domains, clock.instant());
    }

    /**
     * The domain a window over this scope lives in: the scope's one domain ({@code ofScope}); for a
     * scope over several, the one ticket home of its devices ({@code windowHomes}: their alarms are
     * decided there, docs/correlation-domains.md, "Alarms across domains"); null when they have several
     * (no session sees all its alarms). A scope the inventory does not place is {@link CommandDomains#UNPLACED}.
     */
    static String domainOf(CorrelationDomains domains, java.util.Collection<String> devices,
                           java.util.Collection<String> sites, java.util.Collection<String> services) {
        Set<String> scope = domains.ofScope(devices, sites, services);
        if (scope.isEmpty()) {
            return CommandDomains.UNPLACED;
        }
        if (scope.size() == 1) {
            return scope.iterator().next();
        }
        Set<String> homes = domains.windowHomes(devices, sites, services);
        return homes.size() == 1 ? homes.iterator().next() : null;
    }
}
