package noc.maintenance;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A command to the engine: plan a maintenance window. The rules open its P5 ticket, and answer its
 * sender with a {@link Planned} reply once the cycle committed.
 */
public record MaintenanceRequest(String title, String description, Instant start, Instant end,
                                 Recurrence recurrence, Instant until, List<String> devices, List<String> sites,
                                 List<String> services, String requestedBy) {

    /** The reply to a request: the reference of the window and of its ticket. */
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
