package noc.cluster;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import noc.inventory.CorrelationDomains;
import noc.inventory.InventoryStore;
import noc.maintenance.MaintenanceStore;
import noc.maintenance.MaintenanceWindow;

/**
 * Maintenance windows planned by a single process (role {@code all}) have no recorded domain: their
 * tickets would be placed under {@code ticket:<reference>}, away from the devices of their scope, whose
 * alarms would then not meet them. An engine node, before it builds any partition's session, records
 * each open window under the domain of its scope ({@link #domainOf}). Windows already recorded (by the
 * command that planned them) are left as they are.
 */
final class WindowDomains {

    private WindowDomains() {
    }

    static void pinOpenWindows(InventoryStore inventory, MaintenanceStore maintenance, CommandOutcomeStore pins,
                               Clock clock) {
        CorrelationDomains scopes = CorrelationDomains.of(inventory.load().all());
        Map<String, String> domains = new HashMap<>();
        for (MaintenanceWindow window : maintenance.loadForSession(clock.instant())) {
            scopes.windowOwner(window.devices(), window.sites(), window.services())
                    .ifPresent(domain -> domains.put(window.reference(), domain));
        }
        pins.pinUnpinned(domains, clock.instant());
    }

    /**
     * The domain a window over this scope lives in: the scope's one domain; for a scope over several,
     * the least ticket home of its devices ({@link CorrelationDomains#windowOwner}), whose session tells
     * the sessions of its other homes' devices of it (docs/correlation-domains.md, "50-maintenance.drl").
     * A scope the inventory does not place is {@link CommandDomains#UNPLACED}.
     */
    static String domainOf(CorrelationDomains domains, java.util.Collection<String> devices,
                           java.util.Collection<String> sites, java.util.Collection<String> services) {
        return domains.windowOwner(devices, sites, services).orElse(CommandDomains.UNPLACED);
    }
}
