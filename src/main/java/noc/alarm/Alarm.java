package noc.alarm;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one alarm of a reduction key: a fact in the session and a row in {@code alarm}. Immutable;
 * the {@code alarms} global replaces it in the session with a changed copy.
 *
 * @param ticketReference the ticket it is attached to, or null
 * @param clearedAt       when it was last cleared, or null while it never was
 */
public record Alarm(
        String reductionKey,
        SourceKind sourceKind,
        String source,
        String name,
        String oid,
        String resource,
        Severity severity,
        AlarmState state,
        long count,
        Instant firstSeen,
        Instant lastSeen,
        Instant clearedAt,
        String ticketReference,
        Map<String, String> attributes,
        List<Instant> raises) {

    /** Raise times kept per alarm, for flapping: enough for any sensible threshold. */
    public static final int RAISES_KEPT = 16;

    public Alarm {
        requireNonNull(reductionKey, "reductionKey is null");
        requireNonNull(sourceKind, "sourceKind is null");
        requireNonNull(source, "source is null");
        requireNonNull(name, "name is null");
        requireNonNull(oid, "oid is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(state, "state is null");
        requireNonNull(firstSeen, "firstSeen is null");
        requireNonNull(lastSeen, "lastSeen is null");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        attributes = Attributes.frozen(requireNonNull(attributes, "attributes is null"));
        raises = List.copyOf(requireNonNull(raises, "raises is null"));
    }

    /** A new alarm from its first occurrence. */
    public static Alarm raisedBy(AlarmEvent event) {
        return new Alarm(event.reductionKey(), event.sourceKind(), event.source(), event.name(), event.oid(),
                event.resource(), event.severity(), AlarmState.RAISED, 1, event.receivedAt(), event.receivedAt(),
                null, null, event.attributes(), List.of(event.receivedAt()));
    }

    /** This alarm with one more occurrence; an occurrence of a cleared alarm raises it again. */
    public Alarm withOccurrence(AlarmEvent event) {
        boolean latest = !event.receivedAt().isBefore(lastSeen);
        return new Alarm(reductionKey, sourceKind, source, name, oid, resource,
                latest ? event.severity() : severity, AlarmState.RAISED, count + 1, firstSeen,
                latest ? event.receivedAt() : lastSeen, clearedAt, ticketReference,
                latest ? event.attributes() : attributes, isRaised() ? raises : withRaise(event.receivedAt()));
    }

    private List<Instant> withRaise(Instant at) {
        List<Instant> next = new java.util.ArrayList<>(raises);
        next.add(at);
        return next.size() > RAISES_KEPT ? next.subList(next.size() - RAISES_KEPT, next.size()) : next;
    }

    /** How many times the problem was raised (first raise included) after {@code since}: flapping. */
    public int raisesSince(Instant since) {
        int count = 0;
        for (Instant raise : raises) {
            if (raise.isAfter(since)) {
                count++;
            }
        }
        return count;
    }

    public Alarm cleared(Instant at) {
        return new Alarm(reductionKey, sourceKind, source, name, oid, resource, Severity.CLEARED, AlarmState.CLEARED,
                count, firstSeen, lastSeen, at, ticketReference, attributes, raises);
    }

    public Alarm attachedTo(String reference) {
        return new Alarm(reductionKey, sourceKind, source, name, oid, resource, severity, state, count, firstSeen,
                lastSeen, clearedAt, requireNonNull(reference, "reference is null"), attributes, raises);
    }

    public Alarm detached() {
        return new Alarm(reductionKey, sourceKind, source, name, oid, resource, severity, state, count, firstSeen,
                lastSeen, clearedAt, null, attributes, raises);
    }

    /**
     * Whether the alarm leaves the session (README "Bounded growth"): cleared before {@code before}
     * (retention), and its ticket, if any, no longer open ({@code ticketOpen} says).
     */
    public boolean isRetiredAt(Instant before, java.util.function.Predicate<String> ticketOpen) {
        return !isRaised() && (clearedAt == null ? lastSeen : clearedAt).isBefore(before)
                && (ticketReference == null || !ticketOpen.test(ticketReference));
    }

    public boolean isRaised() {
        return state == AlarmState.RAISED;
    }

    /** A short human label: {@code IF-MIB::linkDown on 192.0.2.1 ifIndex.3}. */
    public String label() {
        return resource.isEmpty() ? name + " on " + source : name + " on " + source + " " + resource;
    }

    // JavaBean accessors for the rule language.
    public String getReductionKey() { return reductionKey; }
    public SourceKind getSourceKind() { return sourceKind; }
    public String getSource() { return source; }
    public String getName() { return name; }
    public String getOid() { return oid; }
    public String getResource() { return resource; }
    public Severity getSeverity() { return severity; }
    public AlarmState getState() { return state; }
    public long getCount() { return count; }
    public Instant getFirstSeen() { return firstSeen; }
    public Instant getLastSeen() { return lastSeen; }
    public Instant getClearedAt() { return clearedAt; }
    public String getTicketReference() { return ticketReference; }
    public Map<String, String> getAttributes() { return attributes; }
    public List<Instant> getRaises() { return raises; }
}
