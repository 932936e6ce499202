package noc.maintenance;

import static noc.api.Limits.AT_MOST;
import static noc.api.Limits.AT_MOST_ITEMS;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import noc.api.Limits;
import noc.api.StrictBody;

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
