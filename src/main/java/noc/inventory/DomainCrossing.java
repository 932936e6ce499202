package noc.inventory;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;

/**
 * A link of the inventory between two correlation domains ({@link CorrelationDomains#crossings}):
 * the rules follow it within one session, so where several engines share the work, a decision that
 * needs both ends is taken without one of them. A warning, not an error: one engine sees every domain.
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
                + "' and its parent '" + parent + "' in '" + parentDomain + "': with several engines, a failure of '"
                + parent + "' no longer gathers this device's alarms (root cause, P-5.6); give their sites one domain",
                "domainParent", List.of(domain, parent, parentDomain), involved);
    }

    static DomainCrossing service(String reference, List<String> domains, Set<String> involved) {
        return new DomainCrossing(InventoryKind.SERVICES.path(), reference, null, "is carried by devices in "
                + "correlation domains " + domains + ": with several engines, the link downs of its devices are "
                + "ticketed in the session of its home, and its devices' other alarms in their own; one domain for "
                + "their sites keeps them all together",
                "domainService", List.of(String.join(", ", domains)), involved);
    }

    /**
     * Whether engines sharing the work refuse the inventory that makes it: a device whose parent is in
     * another domain (root cause does not cross sessions). A service carried in several domains is only
     * a warning: its link downs are ticketed in its home's session.
     */
    public boolean refusedByEngines() {
        return "domainParent".equals(code);
    }

    /** Whether changing the item of {@code kind} with key {@code key} may make or undo this crossing. */
    public boolean involves(InventoryKind kind, String key) {
        return involved.contains(kind + ":" + key);
    }
}
