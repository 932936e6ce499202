package noc.inventory;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;

/**
 * A link of the inventory between two correlation domains ({@link CorrelationDomains#crossings}):
 * the rules follow it within one session, so where several engines share the work, the alarms of the
 * devices it links are ticketed in one session, their group's home, and travel there through MariaDB
 * and the inputs topic (docs/correlation-domains.md, "Alarms across domains"). A warning, not an
 * error: it works, at the cost of that travel; one domain for their sites avoids it.
 *
 * @param kind     the kind of the item that holds the link ({@code devices}, {@code services})
 * @param key      that item's key
 * @param field    the field that makes the link ({@code parent}), or null when the item as a whole does
 * @param message  what crosses and what it changes, in English
 * @param code     the check that found it, a word under {@code inventory.warning.} for the pages
 * @param values   the values the worded text takes
 * @param involved every item whose change may make or undo the crossing, as {@code KIND:key}
 */
public record DomainCrossing(String kind, String key, @Nullable String field, String message, String code,
                             List<String> values, Set<String> involved) {

    public DomainCrossing {
        requireNonNull(kind, "kind is null");
        requireNonNull(key, "key is null");
        requireNonNull(message, "message is null");
        requireNonNull(code, "code is null");
        values = List.copyOf(values);
        involved = Set.copyOf(involved);
    }

    static DomainCrossing parent(String device, String domain, String parent, String parentDomain,
                                 Set<String> involved) {
        return new DomainCrossing(InventoryKind.DEVICES.path(), device, "parent", "is in correlation domain '" + domain
                + "' and its parent '" + parent + "' in '" + parentDomain + "': with several engines, the alarms of "
                + "both are ticketed in one session, through the database (root cause, P-5.6); one domain for their "
                + "sites keeps them in one session",
                "domainParent", List.of(domain, parent, parentDomain), involved);
    }

    static DomainCrossing service(String reference, List<String> domains, Set<String> involved) {
        return new DomainCrossing(InventoryKind.SERVICES.path(), reference, null, "is carried by devices in "
                + "correlation domains " + domains + ": with several engines, its devices' alarms are ticketed in "
                + "one session, through the database (service tickets, P-5.6); one domain for their sites keeps them "
                + "in one session",
                "domainService", List.of(String.join(", ", domains)), involved);
    }

    /** Whether changing the item of {@code kind} with key {@code key} may make or undo this crossing. */
    public boolean involves(InventoryKind kind, String key) {
        return involved.contains(kind + ":" + key);
    }
}
