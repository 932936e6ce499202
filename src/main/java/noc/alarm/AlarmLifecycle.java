package noc.alarm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import noc.engine.CycleChanges;
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
    /** The alarms held as mirrors of another session's, by reduction key, with the last access applied. */
    private final Map<String, ServiceAccess> mirrors = new HashMap<>();
    /**
     * This session's alarms first raised under a window held by another session, by reduction key, with
     * the domain of that session: they are sent there, and follow the ticket it gives them.
     */
    private final Map<String, String> captured = new HashMap<>();
    private WindowOwners windowOwners = WindowOwners.NONE;
    private java.util.function.Function<String, TicketHome> homes = source -> null;
    private java.util.function.Predicate<String> decidedHere = source -> true;

    public AlarmLifecycle(SessionContext context, List<Alarm> loaded) {
        this(context, loaded, List.of());
    }

    /**
     * @param mirrored the alarms of other sessions whose tickets this one decides, as last applied, each
     *                 with the ticket this session gave it (the rebuild of an engine's partition)
     */
    public AlarmLifecycle(SessionContext context, List<Alarm> loaded, List<Mirrored> mirrored) {
        this.context = context;
        this.alarms = context.table(Alarm.class, Alarm::reductionKey);
        loaded.forEach(alarms::load);
        for (Mirrored one : mirrored) {
            if (!alarms.contains(one.access().reductionKey())) {
                alarms.load(one.access().mirror(one.ticketReference()));
                mirrors.put(one.access().reductionKey(), one.access());
            }
        }
        this.nextRetirement = context.now();
    }

    /** An alarm of another session held here as a mirror, with the ticket this session gave it (or null). */
    public record Mirrored(ServiceAccess access, String ticketReference) {
    }

    /** Who hears of the clears and returns of alarms attached to tickets (the tickets need the alarms too). */
    public void tell(AlarmTickets tickets) {
        this.tickets = tickets;
    }

    /**
     * Where several sessions share the work: the windows of other sessions that cover devices of this
     * one, and the ticket homes the inventory gives its sources.
     *
     * @param decided whether the inventory has the tickets of a source's alarms decided in this session
     *                (else a mirror of it is here because a window of this session took it)
     * @param sent the alarms of this session last sent to a window's owner, by reduction key, with that
     *             owner's domain (a rebuild: they keep following its tickets)
     */
    public void shareWork(WindowOwners owners, java.util.function.Function<String, TicketHome> ticketHomes,
                          java.util.function.Predicate<String> decided, Map<String, String> sent) {
        this.windowOwners = owners;
        this.homes = ticketHomes;
        this.decidedHere = decided;
        sent.forEach((key, owner) -> {
            Alarm alarm = alarms.get(key);
            TicketHome home = alarm == null || mirrors.containsKey(key) ? null : ticketHomes.apply(alarm.source());
            if (alarm != null && !mirrors.containsKey(key) && (home == null || !home.home().equals(owner))) {
                captured.put(key, owner); // sent elsewhere than its home: to a window's session
            }
        });
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
        alarms.removeIf(alarm -> {
            boolean retired = alarm.isRetiredAt(before, tickets::isOpen);
            if (retired) {
                mirrors.remove(alarm.reductionKey());
                captured.remove(alarm.reductionKey());
            }
            return retired;
        });
    }

    /**
     * Applies the state of another session's alarm whose ticket this session decides: the mirror is
     * inserted or replaced when {@code access} is newer than it, keeping the ticket this session gave
     * it; a return and a clear tell its ticket as an alarm of this session's would. An older or repeated
     * access changes nothing.
     */
    public void mirror(ServiceAccess access) {
        Alarm held = alarms.get(access.reductionKey());
        if (held == null) {
            mirrors.put(access.reductionKey(), access);
            attachDerived(alarms.insert(access.mirror(null)));
            return;
        }
        if (!mirrors.containsKey(held.reductionKey()) || !access.isNewerThan(held)) {
            return;
        }
        mirrors.put(access.reductionKey(), access);
        boolean returned = !held.isRaised() && access.state() == AlarmState.RAISED;
        boolean cleared = held.isRaised() && access.state() != AlarmState.RAISED;
        Alarm updated = replace(held, a -> {
            Alarm next = access.mirror(a.ticketReference());
            return returned && a.ticketReference() != null && !tickets.keepsReturning(a.ticketReference())
                    ? next.detached() : next;
        });
        if (returned && updated.ticketReference() == null && !decidedHere.test(updated.source())) {
            // Back after the window of this session that took it: its own home decides now. Its
            // session hears that it left the ticket (relay) and sends it there.
            alarms.remove(updated.reductionKey());
            return;
        }
        if (returned && updated.ticketReference() != null) {
            tickets.flapped(updated, false, updated.label() + " is back after it cleared (occurrence "
                    + updated.count() + ")");
            context.signal(new AlarmReturned(updated.reductionKey(), updated.ticketReference(), updated.label()));
        } else if (cleared && updated.ticketReference() != null) {
            tickets.flapped(updated, true, updated.label() + " cleared");
        }
        attachDerived(updated);
    }

    /**
     * A storm or flapping alarm of the correlator's own ({@link #raiseDerived}) joins its cause's
     * ticket when raised; one raised in another session, whose cause's ticket is decided here, joins it
     * here, as it would have there.
     */
    private void attachDerived(Alarm mirror) {
        String cause = mirror.sourceKind() == SourceKind.CORRELATOR ? mirror.attributes().get("cause") : null;
        Alarm held = cause == null ? null : alarms.get(cause);
        if (held != null && mirror.isRaised() && mirror.ticketReference() == null && held.ticketReference() != null
                && tickets.isOpen(held.ticketReference())) {
            tickets.attachDerived(mirror, held.ticketReference());
        }
    }

    /**
     * Takes the ticket the home session gave one of this session's alarms ({@link AlarmTicket}), unless
     * the alarm is on an open ticket of this session (it joined one here before it was sent home). An
     * alarm sent to a window's session that lets it go (no ticket) is free again: its home decides.
     */
    public void learnTicket(AlarmTicket told) {
        Alarm held = alarms.get(told.reductionKey());
        if (held == null || mirrors.containsKey(held.reductionKey())
                || Objects.equals(held.ticketReference(), told.ticketReference())
                || (held.ticketReference() != null && tickets.isOpen(held.ticketReference()))) {
            return;
        }
        Alarm updated = replace(held, a -> told.ticketReference() == null ? a.detached()
                : a.attachedTo(told.ticketReference()));
        if (told.ticketReference() == null && captured.remove(held.reductionKey()) != null && updated.isRaised()) {
            capture(updated); // let go by a window's session: free, unless another window of one holds it now
        }
    }

    /**
     * Completes a cycle's changes for the sessions that share the work: a mirror's row is not this
     * session's to write, but the ticket it now has is told back to its domain
     * ({@link AlarmTicket}); and the state of each alarm changed here whose ticket is decided by another
     * session (not on an open ticket of this session) goes to that session ({@link ServiceAccess}): the
     * session holding the window of another session it was first raised under ({@link WindowOwners}),
     * else the home {@code homes} gives its source ({@link TicketHome}).
     *
     * @param homes the ticket home of an alarm's source when it is another session, else null
     * @param domains the correlation domain of a source
     */
    public void relay(CycleChanges changes, java.util.function.Function<String, TicketHome> homes,
                      java.util.function.UnaryOperator<String> domains) {
        for (Alarm alarm : List.copyOf(changes.rows(Alarm.class))) {
            String key = alarm.reductionKey();
            ServiceAccess mirrored = mirrors.get(key);
            if (mirrored != null) {
                changes.drop(Alarm.class, key);
                // Told at every change, not only of the ticket: the alarm's session cannot tell by
                // itself whether a return keeps it on its ticket here (70-auto-resolve.drl).
                changes.row(AlarmTicket.class, key, new AlarmTicket(key, mirrored.domain(), mirrored.home(),
                        alarm.ticketReference()));
                if (!alarms.contains(key)) {
                    mirrors.remove(key); // let go by mirror(): no longer held here
                }
                continue;
            }
            if (alarm.ticketReference() != null && tickets.isOpen(alarm.ticketReference())) {
                captured.remove(key);
                continue; // it joined a ticket of this session first (a maintenance window's): it stays there
            }
            String owner = captured.get(key);
            if (owner != null) {
                changes.row(ServiceAccess.class, key, ServiceAccess.of(alarm, domains.apply(alarm.source()), owner));
                continue; // raised under a window of another session: it follows the tickets given there
            }
            TicketHome home = homes.apply(alarm.source());
            if (home != null) {
                changes.row(ServiceAccess.class, key, ServiceAccess.of(alarm, domains.apply(alarm.source()),
                        home.home()));
            }
        }
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
        capture(alarms.insert(Alarm.raisedBy(event)));
        context.consume(event);
    }

    /** An alarm raised free of any ticket under a window of another session goes to that session. */
    private void capture(Alarm alarm) {
        String owner = windowOwners.ownerOf(alarm.source());
        if (owner != null) {
            captured.put(alarm.reductionKey(), owner);
        }
    }

    @Override
    public void repeat(Alarm alarm, AlarmEvent event) {
        Alarm before = current(alarm);
        boolean returned = !before.isRaised();
        // Back after its ticket closed, or after the maintenance window that held it: it is free to
        // open or join another one.
        boolean detached = returned && before.ticketReference() != null && !keepsReturning(before);
        Alarm updated = replace(alarm, a -> detached ? a.withOccurrence(event).detached() : a.withOccurrence(event));
        if (returned && !captured.containsKey(updated.reductionKey()) && (before.ticketReference() == null
                || (detached && homes.apply(updated.source()) == null))) {
            capture(updated);
        }
        if (returned && updated.ticketReference() != null) {
            tickets.flapped(updated, false, updated.label() + " is back after it cleared (occurrence "
                    + updated.count() + ")");
            context.signal(new AlarmReturned(updated.reductionKey(), updated.ticketReference(), updated.label()));
        }
        context.consume(event);
    }

    /**
     * Whether a returning alarm stays on its ticket: as the ticket says; one sent to a window of another
     * session stays on the tickets given there until that session lets it go ({@link #learnTicket}).
     */
    private boolean keepsReturning(Alarm alarm) {
        return captured.containsKey(alarm.reductionKey()) || tickets.keepsReturning(alarm.ticketReference());
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
        if (mirrors.containsKey(cause.reductionKey())) {
            return; // the cause's own session raises it (storms, flapping), and sends it here as a mirror
        }
        Instant now = context.now();
        String key = AlarmEvent.defaultReductionKey(cause.source(), name, resource);
        AlarmEvent occurrence = new AlarmEvent(SourceKind.CORRELATOR, cause.source(), name, "", resource, key,
                EventState.RAISE, severity, Map.of("reason", reason, "cause", cause.reductionKey()), now, now);
        Alarm existing = alarms.get(key);
        Alarm derived = existing == null ? alarms.insert(Alarm.raisedBy(occurrence))
                : replace(existing, a -> a.withOccurrence(occurrence));
        String owner = captured.get(cause.reductionKey());
        if (owner != null) {
            captured.putIfAbsent(key, owner); // it joins its cause's ticket where that is decided
        }
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
