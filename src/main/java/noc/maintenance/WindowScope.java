package noc.maintenance;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;


/**
 * What another session needs of a maintenance window whose scope covers devices whose alarms it decides
 * (role {@code engine}; docs/correlation-domains.md, "50-maintenance.drl"): the window is held, with its
 * P5 ticket, by the session of {@code owner}, the least ticket home of its devices; the owner's cycle
 * writes one to each other domain of its devices ({@code domain}, table {@code window_scope}), sent as a
 * {@code window-scope} record keyed by that domain, so that the alarms raised there under the window
 * are sent to the owner instead of being ticketed where they are.
 *
 * @param owner  the domain whose session holds the window
 * @param domain the domain whose session this is for
 */
@Serdeable
public record WindowScope(String reference, String owner, String domain, Instant start, Instant end,
                          Recurrence recurrence, @Nullable Instant until, List<String> devices, List<String> sites,
                          List<String> services) {

    public WindowScope {
        requireNonNull(reference, "reference is null");
        requireNonNull(owner, "owner is null");
        requireNonNull(domain, "domain is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        requireNonNull(recurrence, "recurrence is null");
        devices = List.copyOf(devices);
        sites = List.copyOf(sites);
        services = List.copyOf(services);
    }

    /** The scope of {@code window}, held by {@code owner}'s session, for {@code domain}'s. */
    public static WindowScope of(MaintenanceWindow window, String owner, String domain) {
        return new WindowScope(window.reference(), owner, domain, window.start(), window.end(), window.recurrence(),
                window.until(), window.devices(), window.sites(), window.services());
    }

    /** Whether no occurrence of the window can be on at {@code time} or later. */
    public boolean isOverAt(Instant time) {
        Instant last = recurrence == Recurrence.NONE ? end
                : until == null ? null : until.plus(java.time.Duration.between(start, end));
        return last != null && !time.isBefore(last);
    }

    /** The owner's window as this scope tells it: whether it is on, and what it covers, are the owner's answers. */
    MaintenanceWindow asWindow() {
        return new MaintenanceWindow(reference, reference, "", start, end, recurrence, until, devices, sites,
                services, false, null, List.of(), owner);
    }
}
