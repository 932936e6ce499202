package noc.maintenance;

import static noc.api.Limits.AT_MOST;
import static noc.api.Limits.AT_MOST_ITEMS;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import noc.api.FieldReader;
import noc.api.Limits;
import noc.api.StrictBody;
import noc.inventory.Inventory;
import noc.inventory.InventoryKind;

/**
 * A maintenance window to plan, as {@code POST /api/v1/maintenance-windows} takes it.
 *
 * @param title shown in the P5 ticket's title after "Maintenance: ", within its 512 characters
 * @param start RFC 3339, like {@code end} and {@code until}
 */
@Serdeable
public record MaintenanceBody(
        @Nullable @NotBlank(message = Limits.REQUIRED) @Size(max = MaintenanceBody.TITLE, message = AT_MOST) String title,
        @Nullable @Size(max = 4000, message = AT_MOST) String description,
        @Nullable @NotBlank(message = "is required (RFC 3339, e.g. 2026-03-02T22:00:00Z)")
        @Size(max = 64, message = AT_MOST) String start,
        @Nullable @NotBlank(message = "is required (RFC 3339, e.g. 2026-03-02T22:00:00Z)")
        @Size(max = 64, message = AT_MOST) String end,
        @Nullable @Size(max = 16, message = AT_MOST) String recurrence,
        @Nullable @Size(max = 64, message = AT_MOST) String until,
        @Nullable @NotNull(message = "is required: the devices, sites and services the work touches") @Valid Scope scope)
        implements StrictBody {

    /** The longest title: the ticket's 512 characters less "Maintenance: ". */
    public static final int TITLE = 499;
    /** The most names of one kind a scope holds. */
    public static final int MAX_SCOPE = 1000;

    /**
     * The request this body asks for, checked past its constraints as every planner (the API, the
     * console's form) checks it: times in RFC 3339, the end after the start, a recurring window shorter
     * than its period, a scope of at least one item, each known to {@code known}. Each problem goes to
     * {@code errors} under its field's path ({@code scope.devices[0]}); the request is null when any.
     */
    public MaintenanceRequest request(String requestedBy, Inventory known, FieldReader errors) {
        Instant startsAt = errors.time(start.strip(), "start");
        Instant endsAt = errors.time(end.strip(), "end");
        Instant last = until == null || until.isBlank() ? null : errors.time(until.strip(), "until");
        Recurrence repeats = recurrence == null || recurrence.isBlank() ? Recurrence.NONE
                : errors.choice(Recurrence.class, recurrence, "recurrence");
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            errors.error("end", "must come after start");
        }
        if (startsAt != null && endsAt != null && repeats != null && repeats != Recurrence.NONE
                && Duration.between(startsAt, endsAt).compareTo(repeats.period()) >= 0) {
            errors.error("end", "a " + repeats.name().toLowerCase(Locale.ROOT) + " window must be shorter than "
                    + "its period");
        }
        List<String> devices = names(scope.of(scope.devices()), "devices", InventoryKind.DEVICES, known, errors);
        List<String> sites = names(scope.of(scope.sites()), "sites", InventoryKind.SITES, known, errors);
        List<String> services = names(scope.of(scope.services()), "services", InventoryKind.SERVICES, known, errors);
        if (devices.isEmpty() && sites.isEmpty() && services.isEmpty()) {
            errors.error("scope", "must name at least one device, site or service");
        }
        if (!errors.ok()) {
            return null;
        }
        return new MaintenanceRequest(title.strip(), description == null ? "" : description, startsAt, endsAt,
                repeats, last, devices, sites, services, requestedBy);
    }

    private static List<String> names(List<String> names, String field, InventoryKind kind, Inventory known,
                                      FieldReader errors) {
        for (int i = 0; i < names.size(); i++) {
            if (!known.contains(kind, names.get(i))) {
                errors.error("scope." + field + "[" + i + "]", "refers to unknown "
                        + kind.path().replaceAll("s$", "") + " '" + names.get(i) + "'");
            }
        }
        return names;
    }

    /** What the work touches, by inventory name. */
    @Serdeable
    public record Scope(
            @Nullable @Size(max = MAX_SCOPE, message = AT_MOST_ITEMS)
            List<@NotBlank(message = Limits.REQUIRED) @Size(max = Limits.NAME, message = AT_MOST) String> devices,
            @Nullable @Size(max = MAX_SCOPE, message = AT_MOST_ITEMS)
            List<@NotBlank(message = Limits.REQUIRED) @Size(max = Limits.NAME, message = AT_MOST) String> sites,
            @Nullable @Size(max = MAX_SCOPE, message = AT_MOST_ITEMS)
            List<@NotBlank(message = Limits.REQUIRED) @Size(max = Limits.SERVICE_REFERENCE, message = AT_MOST)
                 String> services) {

        List<String> of(List<String> names) {
            return names == null ? List.of() : names.stream().map(String::strip).toList();
        }
    }
}
