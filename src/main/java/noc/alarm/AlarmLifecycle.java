package noc.alarm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import noc.engine.FactTable;
import noc.engine.SessionContext;

/**
 * The alarms of a session and their lifecycle: raised by a first occurrence, counted by repeats,
 * cleared, raised again; derived alarms; retirement of alarms long cleared. Implements the rules'
 * {@link AlarmActions}; tickets hear of clears and returns through {@link AlarmTickets}.
 */
public final class AlarmLifecycle implements AlarmActions {

    /** How often, in engine time, cleared alarms past their retention are looked for (a walk of all alarms). */
    static final java.time.Duration RETIREMENT_INTERVAL = java.time.Duration.ofMinutes(1);

    private final SessionContext context;
    private final FactTable<Alarm> alarms;
    private AlarmTickets tickets;
    private Instant nextRetirement;

    public AlarmLifecycle(SessionContext context, List<Alarm> loaded) {
        this.context = context;
        this.alarms = context.table(Alarm.class, Alarm::reductionKey);
        loaded.forEach(alarms::load);
        this.nextRetirement = context.now();
    }

    /** Who hears of the clears and returns of alarms attached to tickets (the tickets need the alarms too). */
    public void tell(AlarmTickets tickets) {
        this.tickets = tickets;
    }

    /**
     * Takes out of the session, at most once per {@link #RETIREMENT_INTERVAL}, the alarms cleared before
     * {@code before}, unless their ticket is still open (it may still hear of them): their rows stay, as
     * history; their reduction key seen again raises a new alarm. The startup load keeps the same ones out.
     */
    public void retireCleared(Instant before) {
        Instant now = context.now();
        if (now.isBefore(nextRetirement)) {
            return;
        }
        nextRetirement = now.plus(RETIREMENT_INTERVAL);
        alarms.removeIf(alarm -> alarm.isRetiredAt(before, tickets::isOpen));
    }

    @Override
    public void rekey(AlarmEvent event, String template) {
        AlarmEvent keyed = event.withReductionKey(event.render(template));
        context.consume(event);
        context.derive(keyed);
    }

    @Override
    public void raise(AlarmEvent event) {
        Alarm existing = alarms.get(event.reductionKey());
        if (existing != null) {
            repeat(existing, event);
            return;
        }
        alarms.insert(Alarm.raisedBy(event));
        context.consume(event);
    }

    @Override
    public void repeat(Alarm alarm, AlarmEvent event) {
        boolean returned = !current(alarm).isRaised();
        Alarm updated = replace(alarm, a -> {
            Alarm repeated = a.withOccurrence(event);
            // Back after its ticket closed, or after the maintenance window that held it: it is free
            // to open or join another one.
            return returned && a.ticketReference() != null && !tickets.keepsReturning(a.ticketReference())
                    ? repeated.detached() : repeated;
        });
        if (returned && updated.ticketReference() != null) {
            tickets.flapped(updated, false, updated.label() + " is back after it cleared (occurrence "
                    + updated.count() + ")");
            context.signal(new AlarmReturned(updated.reductionKey(), updated.ticketReference(), updated.label()));
        }
        context.consume(event);
    }

    @Override
    public void clear(Alarm alarm, AlarmEvent clearing) {
        clearWith(alarm, " cleared by " + clearing.name());
        context.consume(clearing);
    }

    @Override
    public void clear(Alarm alarm, String reason) {
        clearWith(alarm, " cleared: " + reason);
    }

    private void clearWith(Alarm alarm, String how) {
        if (current(alarm).isRaised()) {
            Alarm cleared = replace(alarm, a -> a.cleared(context.now()));
            if (cleared.ticketReference() != null) {
                tickets.flapped(cleared, true, cleared.label() + how);
            }
        }
    }

    @Override
    public void raiseDerived(Alarm cause, String name, String resource, Severity severity, String reason) {
        Instant now = context.now();
        String key = AlarmEvent.defaultReductionKey(cause.source(), name, resource);
        AlarmEvent occurrence = new AlarmEvent(SourceKind.CORRELATOR, cause.source(), name, "", resource, key,
                EventState.RAISE, severity, Map.of("reason", reason, "cause", cause.reductionKey()), now, now);
        Alarm existing = alarms.get(key);
        Alarm derived = existing == null ? alarms.insert(Alarm.raisedBy(occurrence))
                : replace(existing, a -> a.withOccurrence(occurrence));
        if (derived.ticketReference() == null && cause.ticketReference() != null
                && tickets.isOpen(cause.ticketReference())) {
            tickets.attachDerived(derived, cause.ticketReference());
        }
    }

    @Override
    public void discard(AlarmEvent event) {
        context.consume(event);
    }

    /** Attaches {@code alarm} (as it stands now) to the ticket {@code reference}. */
    public Alarm attach(Alarm alarm, String reference) {
        return replace(alarm, a -> a.attachedTo(reference));
    }

    /** The raised alarms attached to the ticket {@code reference}. */
    public List<Alarm> raisedOf(String reference) {
        List<Alarm> raised = new ArrayList<>();
        for (Alarm alarm : alarms.values()) {
            if (alarm.isRaised() && reference.equals(alarm.ticketReference())) {
                raised.add(alarm);
            }
        }
        return raised;
    }

    /** The alarm's version now in the session: a rule may hold one replaced earlier in the cycle. */
    private Alarm current(Alarm alarm) {
        return alarms.require(alarm.reductionKey());
    }

    /**
     * Replaces an alarm in the session, telling Drools which properties changed: a repeat changes only
     * the count, last-seen time and values, which most rules never look at.
     */
    private Alarm replace(Alarm alarm, UnaryOperator<Alarm> change) {
        Alarm before = current(alarm);
        Alarm updated = change.apply(before);
        return alarms.replace(updated, changedProperties(before, updated));
    }

    private static String[] changedProperties(Alarm before, Alarm after) {
        List<String> changed = new ArrayList<>(8);
        if (before.count() != after.count()) {
            changed.add("count");
        }
        if (!before.lastSeen().equals(after.lastSeen())) {
            changed.add("lastSeen");
        }
        if (before.severity() != after.severity()) {
            changed.add("severity");
        }
        if (before.attributes() != after.attributes()) {
            changed.add("attributes");
        }
        if (before.state() != after.state()) {
            changed.add("state");
            changed.add("raised");
        }
        if (!Objects.equals(before.clearedAt(), after.clearedAt())) {
            changed.add("clearedAt");
        }
        if (!Objects.equals(before.ticketReference(), after.ticketReference())) {
            changed.add("ticketReference");
        }
        if (before.raises() != after.raises()) {
            changed.add("raises");
        }
        return changed.toArray(String[]::new);
    }
}
