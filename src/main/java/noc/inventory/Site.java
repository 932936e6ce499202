package noc.inventory;

import static java.util.Objects.requireNonNull;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A place where equipment stands, with its postal address.
 *
 * @param domain the correlation domain of its devices (see {@link CorrelationDomains}): sites whose
 *               alarms correlate share one; null makes the site a domain of its own, its name
 */
@Serdeable
public record Site(String name, @Nullable String customer, String address, @Nullable String domain)
        implements InventoryItem {

    public Site {
        requireNonNull(name, "name is null");
        requireNonNull(address, "address is null");
    }

    @Override
    public InventoryKind kind() {
        return InventoryKind.SITES;
    }

    @Override
    public String key() {
        return name;
    }

    public String getName() { return name; }
    public String getCustomer() { return customer; }
    public String getAddress() { return address; }
    public String getDomain() { return domain; }

    /** The domain its devices' alarms are correlated in: {@code domain}, or the site's name without one. */
    public String correlationDomain() {
        return domain == null ? name : domain;
    }
}
