package noc.ticket;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An incident ticket: a fact in the session while it is open, and a row in {@code ticket}.
 * Immutable; the {@code actions} global replaces it with a changed copy.
 *
 * @param groupKey       what the ticket gathers alarms for (a device, later a customer service)
 * @param priorityReason why it has its priority, in words an operator reads
 * @param linkedTo       the ticket this one follows from (a maintenance overrun's P5 ticket), or null
 * @param major          a major incident (P-5.6): escalated at once, with the elements and customers it affects
 * @param sla            its SLA clock
 * @param escalation     where it stands on the escalation ladder (P-5)
 * @param customers      the customers it concerns, sorted: their contacts and project managers are told
 *                       of it (P-1.3, P-2.3, P-4.2)
 * @param watchers       email addresses told of it besides the customers' contacts, such as the
 *                       contact who declared it
 */
@org.kie.api.definition.type.ClassReactive
public record Ticket(
        String reference,
        TicketStatus status,
        Priority priority,
        String title,
        String priorityReason,
        String groupKey,
        Instant openedAt,
        Instant updatedAt,
        String linkedTo,
        boolean major,
        SlaClock sla,
        EscalationState escalation,
        java.util.List<String> customers,
        java.util.List<String> watchers) {

    public Ticket {
        requireNonNull(reference, "reference is null");
        requireNonNull(status, "status is null");
        requireNonNull(priority, "priority is null");
        requireNonNull(title, "title is null");
        requireNonNull(priorityReason, "priorityReason is null");
        requireNonNull(groupKey, "groupKey is null");
        requireNonNull(openedAt, "openedAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
        requireNonNull(sla, "sla is null");
        requireNonNull(escalation, "escalation is null");
        customers = java.util.List.copyOf(new java.util.TreeSet<>(customers));
        watchers = java.util.List.copyOf(new java.util.LinkedHashSet<>(watchers));
    }

    /** A new ticket, open, concerning no customer yet. */
    public static Ticket opened(String reference, Priority priority, String title, String priorityReason,
                                String groupKey, Instant at, String linkedTo, SlaClock sla) {
        return new Ticket(reference, TicketStatus.OPEN, priority, title, priorityReason, groupKey, at, at, linkedTo,
                false, sla, EscalationState.none(), java.util.List.of(), java.util.List.of());
    }

    /** This ticket also concerning {@code customer}. */
    public Ticket withCustomer(String customer, Instant at) {
        java.util.List<String> more = new java.util.ArrayList<>(customers);
        more.add(customer);
        return new Ticket(reference, status, priority, title, priorityReason, groupKey, openedAt, at, linkedTo, major,
                sla, escalation, more, watchers);
    }

    /** This ticket also told to {@code email}. */
    public Ticket withWatcher(String email, Instant at) {
        java.util.List<String> more = new java.util.ArrayList<>(watchers);
        more.add(email);
        return new Ticket(reference, status, priority, title, priorityReason, groupKey, openedAt, at, linkedTo, major,
                sla, escalation, customers, more);
    }

    public Ticket touched(Instant at) {
        return new Ticket(reference, status, priority, title, priorityReason, groupKey, openedAt, at, linkedTo, major,
                sla, escalation, customers, watchers);
    }

    public Ticket withStatus(TicketStatus next, Instant at) {
        return new Ticket(reference, next, priority, title, priorityReason, groupKey, openedAt, at, linkedTo, major,
                sla, escalation, customers, watchers);
    }

    public Ticket withPriority(Priority next, String reason, Instant at) {
        return new Ticket(reference, status, next, title, reason, groupKey, openedAt, at, linkedTo, major, sla, escalation,
                customers, watchers);
    }

    public Ticket withSla(SlaClock next, Instant at) {
        return new Ticket(reference, status, priority, title, priorityReason, groupKey, openedAt, at, linkedTo, major,
                next, escalation, customers, watchers);
    }

    public Ticket withEscalation(EscalationState next, Instant at) {
        return new Ticket(reference, status, priority, title, priorityReason, groupKey, openedAt, at, linkedTo, major,
                sla, next, customers, watchers);
    }

    /**
     * Whether an escalated and acknowledged ticket has seen no activity (no change of any kind) for
     * its priority's escalation reference time: the next level is then asked (P-5.5).
     */
    public boolean isIdleForReferenceAt(SlaPolicy policy, Instant now) {
        java.time.Duration reference = policy.escalationReferences().get(priority);
        return reference != null && escalation.level() > 0 && escalation.acknowledgementDue() == null
                && sla.waitingSince() == null && !now.isBefore(updatedAt.plus(reference));
    }

    /** Whether the counted open time has reached the priority's escalation reference (P-5.5). */
    public boolean isEscalationReferenceReachedAt(SlaPolicy policy, Instant now) {
        java.time.Duration reference = policy.escalationReferences().get(priority);
        return reference != null && sla.waitingSince() == null
                && sla.elapsedAt(openedAt, now).compareTo(reference) >= 0;
    }

    /** Whether the restore objective has passed at {@code now}, the waits not counting (P-6.2). */
    public boolean isRestoreOverdueAt(Instant now) {
        Instant due = sla.restoreDueAt(openedAt, now);
        return due != null && sla.waitingSince() == null && !now.isBefore(due);
    }

    public Ticket markedMajor(Instant at) {
        return new Ticket(reference, status, priority, title, priorityReason, groupKey, openedAt, at, linkedTo, true,
                sla, escalation, customers, watchers);
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    /** Being worked on: open, acknowledged, in progress or waiting on the customer; not resolved or closed. */
    public boolean isActive() {
        return status != TicketStatus.RESOLVED && status != TicketStatus.CLOSED;
    }

    // JavaBean accessors for the rule language.
    public String getReference() { return reference; }
    public TicketStatus getStatus() { return status; }
    public Priority getPriority() { return priority; }
    public String getTitle() { return title; }
    public String getPriorityReason() { return priorityReason; }
    public String getGroupKey() { return groupKey; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getLinkedTo() { return linkedTo; }
    public boolean isMajor() { return major; }
    public SlaClock getSla() { return sla; }
    public EscalationState getEscalation() { return escalation; }
    public java.util.List<String> getCustomers() { return customers; }
    public java.util.List<String> getWatchers() { return watchers; }
}
