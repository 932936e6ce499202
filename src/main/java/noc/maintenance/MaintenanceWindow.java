package noc.maintenance;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.kie.api.definition.type.ClassReactive;

import noc.inventory.Device;

/**
 * A planned maintenance window (PROCEDURE.md P-7): a fact in the session and a row in
 * {@code maintenance_window}. Its reference is that of its P5 ticket. Times are data: whether it is
 * active, or has an occurrence that ended, is a pure function of the time asked about.
 *
 * @param start             the first occurrence's start
 * @param end               the first occurrence's end
 * @param until             the last time a recurring window may start, or null for no end
 * @param operationOpen     true until the operator says the operation is done
 * @param checkedOccurrence the start of the last occurrence whose end was checked for an overrun
 * @param affectedCustomers the customers of the services in scope, to be told in advance (P-7.2)
 */
@ClassReactive
public record MaintenanceWindow(
        String reference,
        String title,
        String description,
        Instant start,
        Instant end,
        Recurrence recurrence,
        Instant until,
        List<String> devices,
        List<String> sites,
        List<String> services,
        boolean operationOpen,
        Instant checkedOccurrence,
        List<String> affectedCustomers,
        String requestedBy) {

    public MaintenanceWindow {
        requireNonNull(reference, "reference is null");
        requireNonNull(title, "title is null");
        requireNonNull(description, "description is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        requireNonNull(recurrence, "recurrence is null");
        requireNonNull(requestedBy, "requestedBy is null");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a maintenance window ends after it starts");
        }
        devices = List.copyOf(devices);
        sites = List.copyOf(sites);
        services = List.copyOf(services);
        affectedCustomers = List.copyOf(affectedCustomers);
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    /** The start of the latest occurrence that started at or before {@code time}, or null. */
    public Instant occurrenceStartAt(Instant time) {
        if (time.isBefore(start)) {
            return null;
        }
        if (recurrence == Recurrence.NONE) {
            return start;
        }
        long periods = Duration.between(start, time).toMillis() / recurrence.period().toMillis();
        Instant candidate = start.plus(recurrence.period().multipliedBy(periods));
        if (until != null && candidate.isAfter(until)) {
            long last = Duration.between(start, until).toMillis() / recurrence.period().toMillis();
            return start.plus(recurrence.period().multipliedBy(last));
        }
        return candidate;
    }

    public boolean isActiveAt(Instant time) {
        Instant occurrence = occurrenceStartAt(time);
        return occurrence != null && time.isBefore(occurrence.plus(length()));
    }

    /**
     * Whether an occurrence has ended at {@code time} whose end has not been checked yet: the moment
     * to see whether the operation overran (P-7.4).
     */
    public boolean isEndUncheckedAt(Instant time) {
        Instant occurrence = occurrenceStartAt(time);
        return occurrence != null && !time.isBefore(occurrence.plus(length()))
                && !Objects.equals(occurrence, checkedOccurrence);
    }

    /**
     * Whether the operator has yet to say the operation is done: for a one-off window only, since a
     * recurring window's operations are judged by their alarms alone.
     */
    public boolean isOperationPending() {
        return operationOpen && recurrence == Recurrence.NONE;
    }

    /** Whether {@code device} is in the scope: named, on a site named, or carrying a service named. */
    public boolean covers(Device device) {
        return devices.contains(device.name()) || (device.site() != null && sites.contains(device.site()))
                || device.services().stream().anyMatch(services::contains);
    }

    public MaintenanceWindow completed() {
        return new MaintenanceWindow(reference, title, description, start, end, recurrence, until, devices, sites,
                services, false, checkedOccurrence, affectedCustomers, requestedBy);
    }

    public MaintenanceWindow checkedAt(Instant time) {
        return new MaintenanceWindow(reference, title, description, start, end, recurrence, until, devices, sites,
                services, operationOpen, occurrenceStartAt(time), affectedCustomers, requestedBy);
    }

    // JavaBean accessors for the rule language.
    public String getReference() { return reference; }
    public String getTitle() { return title; }
    public Instant getStart() { return start; }
    public Instant getEnd() { return end; }
    public Recurrence getRecurrence() { return recurrence; }
    public List<String> getDevices() { return devices; }
    public List<String> getSites() { return sites; }
    public List<String> getServices() { return services; }
    public boolean isOperationOpen() { return operationOpen; }
    public List<String> getAffectedCustomers() { return affectedCustomers; }
}
