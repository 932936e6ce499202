package noc.maintenance;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

import io.micronaut.core.annotation.Nullable;

/**
 * A command to the engine: plan a maintenance window. The rules open its P5 ticket, and answer its
 * sender with a {@link Planned} reply once the cycle committed.
 */
@io.micronaut.serde.annotation.Serdeable
// Empty lists travel as [] whatever the mapper's inclusion, so that they come back as lists.
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
public record MaintenanceRequest(String title, @Nullable String description, Instant start, Instant end,
                                 Recurrence recurrence, @Nullable Instant until, List<String> devices, List<String> sites,
                                 List<String> services, String requestedBy) {

    /** The reply to a request: the reference of the window and of its ticket. */
    @io.micronaut.serde.annotation.Serdeable
    public record Planned(String reference) {
    }

    public MaintenanceRequest {
        requireNonNull(title, "title is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        requireNonNull(recurrence, "recurrence is null");
        devices = List.copyOf(devices);
        sites = List.copyOf(sites);
        services = List.copyOf(services);
    }

    public String getTitle() { return title; }
}
