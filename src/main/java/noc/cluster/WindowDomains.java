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
 * each open window whose scope is one domain under it; one whose scope spans several is named in the
 * log. Windows already recorded (by the command that planned them) are left as they are.
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
            if (scope.size() == 1) {
                domains.put(window.reference(), scope.iterator().next());
            } else if (scope.size() > 1) {
                LOG.warn("Maintenance window {} covers correlation domains {}: its alarms arrive in several "
                        + "sessions and only those of one meet it; plan one window per domain", window.reference(),
                        scope);
            }
        }
        pins.pinUnpinned(domains, clock.instant());
    }
}
