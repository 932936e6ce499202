package noc.inventory;

import static noc.api.Limits.AT_MOST;
import static noc.api.Limits.AT_MOST_ITEMS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import noc.api.Limits;
import noc.api.StrictBody;

/**
 * The inventory's request bodies: one record per kind, sized to its table's columns, and the import
 * document. What is required, and what the enumerations hold, {@link InventoryDecoder} checks, as it
 * does for CSV rows.
 */
public final class InventoryBodies {

    /** The most items of one kind an import takes. */
    public static final int MAX_IMPORT = 10_000;

    private InventoryBodies() {
    }

    /** An item's fields by name, as {@link InventoryDecoder} reads them: absent ones left out. */
    interface Fields {
        Map<String, Object> fields();
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                fields.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return fields;
    }

    @Serdeable
    public record CustomerBody(@Nullable @Size(max = Limits.NAME, message = AT_MOST) String name,
                               @Nullable @Size(max = 16, message = AT_MOST) String contract,
                               @Nullable @Size(max = Limits.NAME, message = AT_MOST) String projectManager)
            implements StrictBody, Fields {
        @Override
        public Map<String, Object> fields() {
            return InventoryBodies.fields("name", name, "contract", contract, "projectManager", projectManager);
        }
    }

    @Serdeable
    public record ContactBody(@Nullable @Size(max = Limits.NAME, message = AT_MOST) String name,
                              @Nullable @Size(max = Limits.NAME, message = AT_MOST) String customer,
                              @Nullable @Size(max = Limits.ROLE, message = AT_MOST) String role,
                              @Nullable @Size(max = Limits.PHONE, message = AT_MOST) String phone,
                              @Nullable @Size(max = Limits.NAME, message = AT_MOST) String email,
                              @Nullable @Size(max = 16, message = AT_MOST) String language)
            implements StrictBody, Fields {
        @Override
        public Map<String, Object> fields() {
            return InventoryBodies.fields("name", name, "customer", customer, "role", role, "phone", phone,
                    "email", email, "language", language);
        }
    }

    @Serdeable
    public record SiteBody(@Nullable @Size(max = Limits.NAME, message = AT_MOST) String name,
                           @Nullable @Size(max = Limits.NAME, message = AT_MOST) String customer,
                           @Nullable @Size(max = Limits.ADDRESS, message = AT_MOST) String address,
                           @Nullable @Size(max = Limits.NAME, message = AT_MOST) String domain)
            implements StrictBody, Fields {
        @Override
        public Map<String, Object> fields() {
            return InventoryBodies.fields("name", name, "customer", customer, "address", address, "domain", domain);
        }
    }

    @Serdeable
    public record ServiceBody(@Nullable @Size(max = Limits.SERVICE_REFERENCE, message = AT_MOST) String reference,
                              @Nullable @Size(max = Limits.NAME, message = AT_MOST) String customer,
                              @Nullable @Size(max = Limits.NAME, message = AT_MOST) String site,
                              @Nullable @Size(max = 16, message = AT_MOST) String criticality,
                              @Nullable Boolean redundant) implements StrictBody, Fields {
        @Override
        public Map<String, Object> fields() {
            return InventoryBodies.fields("reference", reference, "customer", customer, "site", site,
                    "criticality", criticality, "redundant", redundant);
        }
    }

    @Serdeable
    public record DeviceBody(@Nullable @Size(max = Limits.NAME, message = AT_MOST) String name,
                             @Nullable @Size(max = Limits.NAME, message = AT_MOST) String site,
                             @Nullable @Size(max = Limits.NAME, message = AT_MOST) String parent,
                             @Nullable @Size(max = InventoryDecoder.MAX_LIST, message = AT_MOST_ITEMS)
                             List<@Size(max = Limits.NAME, message = AT_MOST) String> addresses,
                             @Nullable @Size(max = InventoryDecoder.MAX_LIST, message = AT_MOST_ITEMS)
                             List<@Size(max = Limits.SERVICE_REFERENCE, message = AT_MOST) String> services)
            implements StrictBody, Fields {
        @Override
        public Map<String, Object> fields() {
            return InventoryBodies.fields("name", name, "site", site, "parent", parent, "addresses", addresses,
                    "services", services);
        }
    }

    /** {@code POST /api/v1/inventory/import} in JSON: items of every kind, all taken or none. */
    @Serdeable
    public record ImportBody(
            @Nullable @Size(max = MAX_IMPORT, message = AT_MOST_ITEMS) List<@Valid CustomerBody> customers,
            @Nullable @Size(max = MAX_IMPORT, message = AT_MOST_ITEMS) List<@Valid ContactBody> contacts,
            @Nullable @Size(max = MAX_IMPORT, message = AT_MOST_ITEMS) List<@Valid SiteBody> sites,
            @Nullable @Size(max = MAX_IMPORT, message = AT_MOST_ITEMS) List<@Valid ServiceBody> services,
            @Nullable @Size(max = MAX_IMPORT, message = AT_MOST_ITEMS) List<@Valid DeviceBody> devices)
            implements StrictBody {

        /** The items of a kind, or none. */
        List<? extends Fields> of(InventoryKind kind) {
            List<? extends Fields> items = switch (kind) {
                case CUSTOMERS -> customers;
                case CONTACTS -> contacts;
                case SITES -> sites;
                case SERVICES -> services;
                case DEVICES -> devices;
            };
            return items == null ? List.of() : items;
        }
    }
}
