package noc.engine;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.rule.FactHandle;

import noc.alarm.Alarm;
import noc.alarm.AlarmEvent;
import noc.alarm.EventState;
import noc.alarm.Severity;
import noc.alarm.Text;
import noc.alarm.SourceKind;
import noc.inventory.Device;
import noc.inventory.DeviceAddress;
import noc.inventory.InventoryItem;
import noc.inventory.InventoryKind;
import noc.inventory.Service;
import noc.maintenance.MaintenanceCompletion;
import noc.maintenance.MaintenanceRequest;
import noc.maintenance.MaintenanceWindow;
import noc.maintenance.Recurrence;
import noc.inventory.InventorySnapshot;
import noc.ticket.JournalAction;
import noc.ticket.JournalEntry;
import noc.ticket.Priority;
import noc.ticket.Declaration;
import noc.ticket.EscalationState;
import noc.ticket.SlaClock;
import noc.ticket.SlaPolicy;
import noc.ticket.TicketAction;
import noc.ticket.WaitReason;
import noc.ticket.TicketCommand;
import noc.ticket.Ticket;
import noc.ticket.TicketReferences;
import noc.ticket.TicketStatus;

/**
 * The {@code actions} global: the one narrow API rule consequences call. Each call changes the
 * facts in the session at once, so later rules of the same cycle see the change, and records it,
 * with the name of the rule that made it and the keys of the facts that rule matched, for the
 * cycle's commit. No I/O happens here.
 */
public final class Actions {

    /** How often, in engine time, cleared alarms past their retention are looked for (a walk of all alarms). */
    static final java.time.Duration RETIREMENT_INTERVAL = java.time.Duration.ofMinutes(1);

    private final Map<String, FactHandle> alarms = new HashMap<>();
    private final Map<String, FactHandle> tickets = new HashMap<>();
    private final Map<String, FactHandle> inventory = new HashMap<>();
    private final Map<String, FactHandle> deviceAddresses = new HashMap<>();
    private final Map<String, FactHandle> windows = new HashMap<>();
    private final List<FactHandle> derivedInputs = new ArrayList<>();
    private final noc.ticket.JournalRuns journalRuns = new noc.ticket.JournalRuns();
    private Retention retention = Retention.defaults();
    private Instant nextRetirement;
    private noc.notify.Directory directory;
    private SlaPolicy sla = SlaPolicy.defaults();
    private final TicketReferences references;
    private RuleSession session;
    private FactHandle nowHandle;
    private Instant now;
    private CycleChanges changes = new CycleChanges();
    private String rule = "engine";
    private List<? extends Object> ruleFacts = List.of();

    Actions(TicketReferences references) {
        this.references = requireNonNull(references, "references is null");
    }

    // ---- engine side -------------------------------------------------------------------------

    /** Binds to a new session and puts the given state in it (at startup and on rule reload). */
    void attach(RuleSession session, Instant start, SessionState state) {
        this.session = session;
        this.now = start;
        alarms.clear();
        tickets.clear();
        inventory.clear();
        deviceAddresses.clear();
        windows.clear();
        journalRuns.clear();
        this.retention = state.retention();
        this.nextRetirement = start;
        session.setGlobal("actions", this);
        session.addListener(new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                // Kept as they are: the keys are only worked out for the matches that journal.
                rule = event.getMatch().getRule().getName();
                ruleFacts = event.getMatch().getObjects();
            }
        });
        nowHandle = session.insert(new Now(start));
        session.insert(state.policy());
        session.insert(state.sla());
        this.sla = state.sla();
        syncInventory(state.inventory());
        for (Ticket ticket : state.tickets()) {
            tickets.put(ticket.reference(), session.insert(ticket));
        }
        for (Alarm alarm : state.alarms()) {
            alarms.put(alarm.reductionKey(), session.insert(alarm));
        }
        for (MaintenanceWindow window : state.windows()) {
            windows.put(window.reference(), session.insert(window));
        }
    }

    void beginCycle(Instant cycleTime) {
        now = cycleTime;
        session.advanceTo(cycleTime);
        session.update(nowHandle, new Now(cycleTime));
        changes = new CycleChanges();
        rule = "engine";
        ruleFacts = List.of();
        if (!cycleTime.isBefore(nextRetirement)) {
            retireClearedAlarms();
            nextRetirement = cycleTime.plus(RETIREMENT_INTERVAL);
        }
    }

    /**
     * Takes out of the session the alarms cleared for longer than {@code noc.retention.cleared-alarms},
     * unless their ticket is still open (it may still hear of them): their rows stay, as history; their
     * reduction key seen again raises a new alarm. The startup load keeps the same ones out.
     */
    private void retireClearedAlarms() {
        Instant before = retention.clearedAlarmsBefore(now);
        for (var iterator = alarms.values().iterator(); iterator.hasNext(); ) {
            FactHandle handle = iterator.next();
            Alarm alarm = (Alarm) handle.getObject();
            Instant cleared = alarm.clearedAt() == null ? alarm.lastSeen() : alarm.clearedAt();
            if (!alarm.isRaised() && cleared.isBefore(before)
                    && (alarm.ticketReference() == null || !tickets.containsKey(alarm.ticketReference()))) {
                session.delete(handle);
                iterator.remove();
            }
        }
    }

    /**
     * Puts one input in the session; events are counted by intake for the commit. An inventory
     * snapshot is not a fact: the inventory facts are brought in line with it. Null when nothing
     * was inserted.
     */
    FactHandle admit(Object input) {
        if (input instanceof InventorySnapshot snapshot) {
            syncInventory(snapshot.items());
            return null;
        }
        if (input instanceof AlarmEvent event) {
            changes.event(event.sourceKind());
        }
        return session.insert(input);
    }

    /**
     * Inserts, replaces and removes inventory facts by kind and key so that they are {@code items},
     * with one {@link DeviceAddress} fact per address of the devices among them.
     */
    private void syncInventory(List<InventoryItem> items) {
        directory = null;
        Map<String, Object> wanted = new HashMap<>();
        Map<String, Object> addresses = new HashMap<>();
        for (InventoryItem item : items) {
            wanted.put(item.kind() + ":" + item.key(), item);
            if (item instanceof Device device) {
                for (String address : device.addresses()) {
                    addresses.put(address, new DeviceAddress(address, device.name()));
                }
            }
        }
        sync(inventory, wanted);
        sync(deviceAddresses, addresses);
    }

    /** Brings the facts of {@code handles} in line with {@code wanted}, by key. */
    private void sync(Map<String, FactHandle> handles, Map<String, Object> wanted) {
        for (var iterator = handles.entrySet().iterator(); iterator.hasNext(); ) {
            var entry = iterator.next();
            if (!wanted.containsKey(entry.getKey())) {
                session.delete(entry.getValue());
                iterator.remove();
            }
        }
        wanted.forEach((key, fact) -> {
            FactHandle handle = handles.get(key);
            if (handle == null) {
                handles.put(key, session.insert(fact));
            } else if (!handle.getObject().equals(fact)) {
                session.update(handle, fact);
            }
        });
    }

    /** The people of the inventory, as it is now. */
    noc.notify.Directory directory() {
        if (directory == null) {
            List<InventoryItem> items = new ArrayList<>(inventory.size());
            for (FactHandle handle : inventory.values()) {
                items.add((InventoryItem) handle.getObject());
            }
            directory = noc.notify.Directory.of(items);
        }
        return directory;
    }

    /** A ticket as it stands: changed in this cycle (closed ones too), or open in the session; else null. */
    Ticket ticketNow(String reference) {
        Ticket changed = changes.changedTicket(reference);
        if (changed != null) {
            return changed;
        }
        FactHandle handle = tickets.get(reference);
        return handle == null ? null : (Ticket) handle.getObject();
    }

    SlaPolicy slaPolicy() {
        return sla;
    }

    CycleChanges endCycle() {
        changes.referenceCounters(references.drainAdvanced());
        return changes;
    }

    // ---- the rules' API ----------------------------------------------------------------------

    /** The current engine time, for consequences that need it in text. */
    public Instant now() {
        return now;
    }

    /**
     * Gives an event the reduction key {@code template} renders ({@code "{source}|device-restart"}):
     * the event is replaced by its re-keyed copy, which the de-duplication rules then fold.
     */
    public void rekey(AlarmEvent event, String template) {
        AlarmEvent keyed = event.withReductionKey(event.render(template));
        consume(event);
        derivedInputs.add(session.insert(keyed));
    }

    /** The inputs the rules put in for the input being handled (re-keyed events), then forgotten. */
    List<FactHandle> takeDerivedInputs() {
        if (derivedInputs.isEmpty()) {
            return List.of();
        }
        List<FactHandle> taken = List.copyOf(derivedInputs);
        derivedInputs.clear();
        return taken;
    }

    /** A first occurrence of a reduction key becomes a new raised alarm. */
    public void raise(AlarmEvent event) {
        Alarm existing = alarm(event.reductionKey());
        if (existing != null) {
            repeat(existing, event);
            return;
        }
        Alarm alarm = Alarm.raisedBy(event);
        alarms.put(alarm.reductionKey(), session.insert(alarm));
        changes.alarm(alarm);
        consume(event);
    }

    /**
     * Another occurrence of a known alarm: count it and keep its last values. An occurrence of a
     * cleared alarm raises it again, and its ticket, if still open, hears of it.
     */
    public void repeat(Alarm alarm, AlarmEvent event) {
        boolean returned = !current(alarm).isRaised();
        Alarm updated = replace(alarm, a -> {
            Alarm repeated = a.withOccurrence(event);
            // Back after its ticket closed, or after the maintenance window that held it: it is free
            // to open or join another one.
            return returned && a.ticketReference() != null && !holdsReturningAlarms(a.ticketReference())
                    ? repeated.detached() : repeated;
        });
        if (returned && updated.ticketReference() != null) {
            journalFlap(updated, JournalAction.ALARM_REPEATED_AFTER_CLEAR,
                    updated.label() + " is back after it cleared (occurrence " + updated.count() + ")");
            Ticket ticket = ticket(updated.ticketReference());
            if (ticket.status() == TicketStatus.RESOLVED) {
                // The same problem again before the ticket closed: the ticket reopens, no new one.
                setStatus(ticket, TicketStatus.OPEN);
                journal(ticket.reference(), JournalAction.REOPENED, "Reopened: " + updated.label() + " is back");
            }
        }
        consume(event);
    }

    /**
     * Marks a ticket a major incident (P-5.6), journaling the customers, services and elements it
     * affects, for the notice that warns teams and managers.
     */
    public void markMajor(Ticket ticket, java.util.Collection<String> customers, java.util.Collection<String> services,
                          java.util.Collection<String> elements, String reason) {
        Ticket current = ticket(ticket.reference());
        if (current.major()) {
            return;
        }
        replace(current.markedMajor(now));
        journal(current.reference(), JournalAction.MAJOR_INCIDENT, "Major incident: " + reason + ". Customers: "
                + String.join(", ", new java.util.TreeSet<>(customers)) + ". Services: "
                + String.join(", ", new java.util.TreeSet<>(services)) + ". Elements: "
                + String.join(", ", new java.util.TreeSet<>(elements)));
    }

    /**
     * Makes {@code customer} one that the ticket concerns, and says why: from then on its contacts and
     * its project manager are told of the ticket, starting with its reference (P-1.3, P-2.3).
     */
    public void addCustomer(Ticket ticket, String customer, String reason) {
        Ticket current = ticket(ticket.reference());
        if (current.customers().contains(customer)) {
            return;
        }
        withCustomer(current, customer);
        journal(current.reference(), JournalAction.CUSTOMER_ADDED, "Concerns customer " + customer + ": " + reason);
    }

    /** Raises the ticket's priority to {@code priority}, with the reason; a lower one changes nothing. */
    public void raisePriority(Ticket ticket, Priority priority, String reason) {
        Ticket current = ticket(ticket.reference());
        if (!priority.isHigherThan(current.priority())) {
            return;
        }
        withPriority(current, priority, reason);
        journal(current.reference(), JournalAction.PRIORITY_SET, "Priority raised from " + current.priority() + " to "
                + priority + ": " + reason);
    }

    private boolean holdsReturningAlarms(String reference) {
        if (!tickets.containsKey(reference)) {
            return false;
        }
        FactHandle window = windows.get(reference);
        return window == null || ((MaintenanceWindow) window.getObject()).isActiveAt(now);
    }

    /**
     * Applies a person's command to its ticket, or writes why it cannot be into the command. A
     * closed ticket leaves the session; its alarms, if they come back, are free to open another.
     */
    public void apply(TicketCommand command, Ticket ticket) {
        Ticket current = ticket(ticket.reference());
        java.util.Optional<String> refusal = command.action().refusal(current.status());
        if (refusal.isEmpty() && command.action() == TicketAction.ESCALATE && !current.isEscalable()) {
            refusal = java.util.Optional.of("Only P1 and P2 tickets are escalated (P-5.1); this one is "
                    + current.priority());
        }
        if (refusal.isEmpty() && command.action() == TicketAction.ACKNOWLEDGE_ESCALATION
                && (current.escalation().level() != command.level() || current.escalation().acknowledgementDue() == null)) {
            refusal = java.util.Optional.of("Level " + command.level() + " has no escalation to acknowledge; the ticket "
                    + "is at level " + current.escalation().level()
                    + (current.escalation().acknowledgementDue() == null ? ", acknowledged" : ""));
        }
        if (refusal.isEmpty() && command.action() == TicketAction.LINK_CUSTOMER) {
            if (!directory().knows(command.customer())) {
                refusal = java.util.Optional.of("Customer '" + command.customer() + "' is not in the inventory");
            } else if (current.customers().contains(command.customer())) {
                refusal = java.util.Optional.of("The ticket already concerns " + command.customer());
            }
        }
        if (refusal.isPresent()) {
            command.refusal().set(refusal.get());
            consume(command);
            return;
        }
        String by = command.by();
        String text = command.text() == null ? "" : command.text();
        switch (command.action()) {
            case ACKNOWLEDGE -> {
                setStatus(current, TicketStatus.ACKNOWLEDGED);
                personal(current, by, JournalAction.ACKNOWLEDGED, "Acknowledged by " + by);
            }
            case COMMENT -> personal(current, by, JournalAction.COMMENT, text,
                    command.publicNote() ? JournalEntry.Visibility.PUBLIC : JournalEntry.Visibility.INTERNAL);
            case SET_PRIORITY -> {
                withPriority(current, command.priority(), text);
                personal(current, by, JournalAction.PRIORITY_SET, "Priority set from " + current.priority() + " to "
                        + command.priority() + " by " + by + ": " + text);
            }
            case WAIT -> {
                setClock(current, current.sla().waiting(now));
                setStatus(ticket(current.reference()), TicketStatus.WAITING_ON_CUSTOMER);
                personal(current, by, JournalAction.WAITING, "Waiting on the customer (" + command.waitReason()
                        + ")" + (text.isEmpty() ? "" : ": " + text), JournalEntry.Visibility.PUBLIC);
            }
            case ASK_CUSTOMER -> {
                setClock(current, current.sla().asked(now));
                personal(current, by, JournalAction.QUESTION_ASKED, "Question to the customer: " + text,
                        JournalEntry.Visibility.PUBLIC);
            }
            case CUSTOMER_REPLY -> {
                Ticket answered = ticket(current.reference());
                setClock(answered, answered.sla().answered().resumed(now));
                if (answered.status() == TicketStatus.WAITING_ON_CUSTOMER) {
                    setStatus(ticket(current.reference()), TicketStatus.IN_PROGRESS);
                }
                personal(current, by, JournalAction.CUSTOMER_REPLIED, "The customer replied"
                        + (text.isEmpty() ? "" : ": " + text), JournalEntry.Visibility.PUBLIC);
            }
            case ESCALATE -> escalate(current, "asked by " + by + (text.isEmpty() ? "" : ": " + text));
            case LINK_CUSTOMER -> {
                withCustomer(current, command.customer());
                personal(current, by, JournalAction.CUSTOMER_ADDED, "Concerns customer " + command.customer()
                        + ": linked by " + by + (text.isEmpty() ? "" : ": " + text));
            }
            case ACKNOWLEDGE_ESCALATION -> {
                setEscalation(current, current.escalation().acknowledged(by));
                personal(current, by, JournalAction.ESCALATION_ACKNOWLEDGED, "Escalation level " + command.level()
                        + " (" + EscalationState.levelName(command.level()) + ") acknowledged by " + by);
            }
            case RESUME -> {
                // Resuming says the customer is back: an open question counts as answered.
                setClock(current, current.sla().resumed(now).answered());
                setStatus(ticket(current.reference()), TicketStatus.IN_PROGRESS);
                personal(current, by, JournalAction.RESUMED, "Resumed by " + by + (text.isEmpty() ? "" : ": " + text),
                        JournalEntry.Visibility.PUBLIC);
            }
            case RESOLVE -> {
                setClock(current, current.sla().resumed(now));
                setStatus(ticket(current.reference()), TicketStatus.RESOLVED);
                personal(current, by, JournalAction.RESOLVED, "Resolved by " + by + (text.isEmpty() ? "" : ": " + text),
                        JournalEntry.Visibility.PUBLIC);
            }
            case DISPUTE -> {
                setStatus(current, TicketStatus.IN_PROGRESS);
                personal(current, by, JournalAction.REOPENED, "Disputed by " + by + ", reopened"
                        + (text.isEmpty() ? "" : ": " + text), JournalEntry.Visibility.PUBLIC);
            }
            case CONFIRM, CLOSE_UNRESPONSIVE -> {
                setClock(current, current.sla().resumed(now));
                setStatus(ticket(current.reference()), TicketStatus.CLOSED);
                personal(current, by, JournalAction.CLOSED, command.action() == TicketAction.CONFIRM
                        ? "Resolution confirmed by " + by + ", closed"
                        : "Closed by " + by + ": the customer did not answer or allow the intervention (P-3.3)"
                        + (text.isEmpty() ? "" : ": " + text), JournalEntry.Visibility.PUBLIC);
                session.delete(tickets.remove(current.reference()));
            }
        }
        consume(command);
    }

    /** A command on a ticket that is closed or unknown is refused. */
    public void refuse(TicketCommand command, String reason) {
        command.refusal().set(reason);
        consume(command);
    }

    private void personal(Ticket ticket, String by, JournalAction action, String text) {
        personal(ticket, by, action, text, JournalEntry.Visibility.INTERNAL);
    }

    private void personal(Ticket ticket, String by, JournalAction action, String text,
                          JournalEntry.Visibility visibility) {
        record(new JournalEntry(ticket.reference(), now, JournalEntry.AuthorKind.PERSON, Text.limit(by, 512),
                action, Text.limit(text, 4000), List.of("ticket:" + ticket.reference()), visibility));
    }

    /** The ticket's problem is over: it becomes RESOLVED, and says why. */
    public void resolve(Ticket ticket, String reason) {
        Ticket current = ticket(ticket.reference());
        if (current.status() == TicketStatus.RESOLVED || current.status() == TicketStatus.CLOSED) {
            return;
        }
        setStatus(current, TicketStatus.RESOLVED);
        journal(current.reference(), JournalAction.RESOLVED, "Resolved: " + reason);
    }

    private void setClock(Ticket ticket, SlaClock clock) {
        replace(ticket.withSla(clock, now));
    }

    private void withCustomer(Ticket ticket, String customer) {
        replace(ticket.withCustomer(customer, now));
        changes.customerAdded(ticket.reference(), customer);
    }

    /** A new priority, with the reason for it and its restore objective (README "Working a ticket"). */
    private void withPriority(Ticket ticket, Priority priority, String reason) {
        replace(ticket.withPriority(priority, Text.limit(reason, 2000), now)
                .withSla(ticket.sla().withObjective(sla.restoreObjective(priority)), now));
    }

    /**
     * A P1 question left unanswered for the customer-answer timeout (P-3.2, P-6.3): the ticket waits
     * on the customer, its clock stopped, until the reply.
     */
    public void waitForAnswer(Ticket ticket) {
        Ticket current = ticket(ticket.reference());
        setClock(current, current.sla().waiting(now));
        setStatus(ticket(current.reference()), TicketStatus.WAITING_ON_CUSTOMER);
        journal(current.reference(), JournalAction.WAITING, "Waiting on the customer (" + WaitReason.CUSTOMER_UNREACHABLE
                + "): the question asked at " + current.sla().questionAskedAt() + " is still unanswered");
    }

    /**
     * Escalates a P1 or P2 ticket one level (P-5.3), up to level 3; the new level has the
     * acknowledgement timeout to acknowledge before the next is asked (P-5.4).
     */
    public void escalate(Ticket ticket, String reason) {
        Ticket current = ticket(ticket.reference());
        if (!current.isEscalable() || current.escalation().isAtTop()) {
            if (current.escalation().acknowledgementDue() != null) {
                // at the top: nobody further to ask
                setEscalation(current, current.escalation().acknowledged("nobody (top level)"));
            }
            return;
        }
        EscalationState next = current.escalation().next(now, now.plus(sla.acknowledgementTimeout()));
        setEscalation(current, next);
        List<String> contacts = sla.contacts(next.level());
        journal(current.reference(), JournalAction.ESCALATED, "Escalated to level " + next.level() + " ("
                + EscalationState.levelName(next.level())
                + (contacts.isEmpty() ? "" : ": " + String.join(", ", contacts)) + "): "
                + reason + "; to acknowledge by " + next.acknowledgementDue());
    }

    /** The missed restore objective escalates one level at once, once (P-5.5). */
    public void escalateForBreach(Ticket ticket) {
        escalate(ticket, "the restore objective was missed");
        Ticket current = ticket(ticket.reference());
        setEscalation(current, current.escalation().forBreach());
    }

    private void setEscalation(Ticket ticket, EscalationState escalation) {
        replace(ticket.withEscalation(escalation, now));
    }

    /**
     * A resolved ticket whose customer neither confirmed nor disputed within the confirmation period
     * closes by itself (P-4.3) and leaves the session.
     */
    public void closeUnconfirmed(Ticket ticket) {
        Ticket current = ticket(ticket.reference());
        setStatus(current, TicketStatus.CLOSED);
        journal(current.reference(), JournalAction.CLOSED, "Closed: no confirmation or dispute within "
                + Durations.inWords(sla.confirmationPeriod()) + " of the resolution (P-4.3)", JournalEntry.Visibility.PUBLIC);
        session.delete(tickets.remove(current.reference()));
    }

    /** The restore objective passed (P-3): the ticket is flagged, and its journal says so. */
    public void breachRestoreObjective(Ticket ticket) {
        Ticket current = ticket(ticket.reference());
        if (current.sla().breached()) {
            return;
        }
        setClock(current, current.sla().breachedNow());
        journal(current.reference(), JournalAction.SLA_BREACHED, "Restore objective of " + current.priority() + " ("
                + current.sla().restoreObjective() + " of open time, waits not counted) missed");
    }

    private void setStatus(Ticket ticket, TicketStatus status) {
        Ticket updated = ticket.withStatus(status, now);
        if (status == TicketStatus.RESOLVED) {
            updated = updated.withSla(updated.sla().withResolvedAt(now), now);
        } else if (ticket.status() == TicketStatus.RESOLVED) {
            updated = updated.withSla(updated.sla().withResolvedAt(null), now);
        }
        replace(updated);
    }

    /** {@code clearing} resolves {@code alarm}: it becomes cleared and its ticket hears of it. */
    public void clear(Alarm alarm, AlarmEvent clearing) {
        Alarm before = current(alarm);
        if (before.isRaised()) {
            Alarm cleared = replace(alarm, a -> a.cleared(now));
            if (cleared.ticketReference() != null) {
                journalFlap(cleared, JournalAction.ALARM_CLEARED, cleared.label() + " cleared by " + clearing.name());
            }
        }
        consume(clearing);
    }

    /** A rule decided that {@code alarm} is over, with no clearing event: it says why. */
    public void clear(Alarm alarm, String reason) {
        if (current(alarm).isRaised()) {
            Alarm cleared = replace(alarm, a -> a.cleared(now));
            if (cleared.ticketReference() != null) {
                journalFlap(cleared, JournalAction.ALARM_CLEARED, cleared.label() + " cleared: " + reason);
            }
        }
    }

    /**
     * Raises (or raises again) an alarm the rules derive from others, such as a storm: from the
     * correlator itself, on {@code source}, attached to the ticket of {@code cause} when it has one.
     */
    public void raiseDerived(Alarm cause, String name, String resource, Severity severity, String reason) {
        String key = AlarmEvent.defaultReductionKey(cause.source(), name, resource);
        AlarmEvent occurrence = new AlarmEvent(SourceKind.CORRELATOR, cause.source(), name, "", resource, key,
                EventState.RAISE, severity, Map.of("reason", reason, "cause", cause.reductionKey()), now, now);
        Alarm existing = alarm(key);
        Alarm derived;
        if (existing == null) {
            derived = Alarm.raisedBy(occurrence);
            alarms.put(key, session.insert(derived));
            changes.alarm(derived);
        } else {
            derived = replace(existing, a -> a.withOccurrence(occurrence));
        }
        if (derived.ticketReference() == null && cause.ticketReference() != null
                && tickets.containsKey(cause.ticketReference())) {
            attach(derived, ticket(cause.ticketReference()));
        }
    }

    /** An event that needs nothing more: a clear with nothing to clear, an ignored notification. */
    public void discard(AlarmEvent event) {
        consume(event);
    }

    /** Opens a ticket for {@code alarm}, with its priority and the reason for it. */
    public Ticket openTicket(Alarm alarm, String groupKey, Priority priority, String title, String reason) {
        String reference = references.next(now);
        Ticket ticket = Ticket.opened(reference, priority, Text.limit(title, 512), Text.limit(reason, 2000),
                Text.limit(groupKey, 512), now, null, SlaClock.started(sla.restoreObjective(priority)));
        tickets.put(reference, session.insert(ticket));
        changes.ticket(ticket);
        journal(reference, JournalAction.OPENED, "Opened as " + priority + ": " + reason);
        attach(alarm, ticket);
        return ticket;
    }

    /** Attaches {@code alarm} to {@code ticket}, which gathers it from now on. */
    public void attach(Alarm alarm, Ticket ticket) {
        Ticket target = ticket(ticket.reference());
        Alarm attached = replace(alarm, a -> a.attachedTo(target.reference()));
        journal(target.reference(), JournalAction.ALARM_ATTACHED, "Alarm attached: " + attached.label());
        touch(target);
    }

    // ---- declarations (PROCEDURE.md P-2) -----------------------------------------------------

    /**
     * Opens the ticket of a customer's declaration, with the priority of the declared impact; a
     * customer or service the inventory does not know is journaled as unmatched, for an operator to
     * link: the declaration is never refused for it.
     */
    public Ticket openDeclared(Declaration declaration, String reason) {
        String reference = references.next(now);
        Priority priority = declaration.impact().priority();
        String title = "Declared by " + declaration.customerName() + ": " + declaration.description();
        boolean knownCustomer = directory().knows(declaration.customerName());
        Ticket ticket = Ticket.opened(reference, priority, Text.limit(title, 512), Text.limit(reason, 2000),
                "declaration:" + reference, now, null, SlaClock.started(sla.restoreObjective(priority)))
                .withWatcher(declaration.contactEmail(), now);
        if (knownCustomer) {
            ticket = ticket.withCustomer(declaration.customerName(), now);
        }
        tickets.put(reference, session.insert(ticket));
        changes.ticket(ticket);
        record(new JournalEntry(reference, now, JournalEntry.AuthorKind.PERSON,
                declaration.declaredBy(), JournalAction.DECLARED, Text.limit(declaration.journalText(), 4000),
                List.of("ticket:" + reference), JournalEntry.Visibility.PUBLIC));
        journal(reference, JournalAction.OPENED, "Opened as " + priority + ": " + reason);
        if (!knownCustomer) {
            journal(reference, JournalAction.UNMATCHED, "Customer '" + declaration.customerName()
                    + "' is not in the inventory: an operator links it");
        }
        for (String service : declaration.serviceReferences()) {
            if (!inventory.containsKey(InventoryKind.SERVICES + ":" + service)) {
                journal(reference, JournalAction.UNMATCHED, "Service '" + service
                        + "' is not in the inventory: an operator links it");
            }
        }
        declaration.assigned().set(reference);
        consume(declaration);
        return ticket;
    }

    // ---- maintenance (PROCEDURE.md P-7) ------------------------------------------------------

    /**
     * Plans a maintenance window: opens its P5 ticket, whose reference the window takes, and records
     * which customers its scope affects, to be told in advance (P-7.2).
     */
    public MaintenanceWindow planMaintenance(MaintenanceRequest request, String reason) {
        String reference = references.next(now);
        List<String> affected = affectedCustomers(request);
        Ticket ticket = Ticket.opened(reference, Priority.P5, Text.limit("Maintenance: " + request.title(), 512),
                Text.limit(reason, 2000), "maintenance:" + reference, now, null, SlaClock.started(null));
        for (String customer : affected) {
            ticket = ticket.withCustomer(customer, now);
        }
        tickets.put(reference, session.insert(ticket));
        changes.ticket(ticket);
        journal(reference, JournalAction.OPENED, "Planned as P5 from " + request.start() + " to " + request.end()
                + (request.recurrence() == Recurrence.NONE ? "" : ", " + request.recurrence().name().toLowerCase(
                java.util.Locale.ROOT) + (request.until() == null ? "" : " until " + request.until()))
                + ", requested by " + request.requestedBy() + ": " + reason, JournalEntry.Visibility.PUBLIC);
        journal(reference, JournalAction.COMMENT, affected.isEmpty()
                ? "No customer service is in the scope: nobody to notify in advance"
                : "Customers to notify in advance (P-7.2): " + String.join(", ", affected));
        MaintenanceWindow window = new MaintenanceWindow(reference, request.title(), request.description(),
                request.start(), request.end(), request.recurrence(), request.until(), request.devices(),
                request.sites(), request.services(), true, null, affected, request.requestedBy());
        windows.put(reference, session.insert(window));
        changes.window(window);
        if (request.assigned() != null) {
            request.assigned().set(reference);
        }
        consume(request);
        return window;
    }

    /** The operator says the operation of {@code window} is done. */
    public void completeMaintenance(MaintenanceWindow window, MaintenanceCompletion completion) {
        MaintenanceWindow completed = replace(window, MaintenanceWindow::completed);
        journal(completed.reference(), JournalAction.COMMENT, "Operation completed, said "
                + completion.completedBy());
        consume(completion);
    }

    /**
     * The window ended while its operation was open or its alarms active (P-7.4): a P1 incident
     * linked to the maintenance ticket takes over the alarms still active.
     */
    public Ticket maintenanceOverran(MaintenanceWindow window, String reason) {
        MaintenanceWindow checked = replace(window, w -> w.checkedAt(now));
        String reference = references.next(now);
        Ticket incident = Ticket.opened(reference, Priority.P1,
                Text.limit("Maintenance overrun: " + checked.title(), 512), Text.limit(reason, 2000),
                "overrun:" + checked.reference(), now, checked.reference(),
                SlaClock.started(sla.restoreObjective(Priority.P1)));
        for (String customer : checked.affectedCustomers()) {
            incident = incident.withCustomer(customer, now);
        }
        tickets.put(reference, session.insert(incident));
        changes.ticket(incident);
        journal(reference, JournalAction.OPENED, "Opened as P1, linked to maintenance " + checked.reference()
                + ": " + reason);
        journal(checked.reference(), JournalAction.COMMENT, "The window ended and overran: incident " + reference
                + " opened as P1");
        for (Alarm alarm : List.copyOf(session.objects(Alarm.class))) {
            if (alarm.isRaised() && checked.reference().equals(alarm.ticketReference())) {
                attach(alarm, incident);
            }
        }
        return incident;
    }

    /** The window ended with its operation done and no alarm active. */
    public void maintenanceEnded(MaintenanceWindow window) {
        MaintenanceWindow checked = replace(window, w -> w.checkedAt(now));
        journal(checked.reference(), JournalAction.COMMENT, "The window ended on time, its operation done and no "
                + "alarm active");
    }

    private List<String> affectedCustomers(MaintenanceRequest request) {
        java.util.Set<String> services = new java.util.TreeSet<>(request.services());
        for (Device device : session.objects(Device.class)) {
            if (request.devices().contains(device.name())
                    || (device.site() != null && request.sites().contains(device.site()))) {
                services.addAll(device.services());
            }
        }
        java.util.Set<String> customers = new java.util.TreeSet<>();
        for (Service service : session.objects(Service.class)) {
            if (services.contains(service.reference())) {
                customers.add(service.customer());
            }
        }
        return List.copyOf(customers);
    }

    private MaintenanceWindow replace(MaintenanceWindow window, UnaryOperator<MaintenanceWindow> change) {
        FactHandle handle = windows.get(window.reference());
        MaintenanceWindow updated = change.apply((MaintenanceWindow) handle.getObject());
        session.update(handle, updated);
        changes.window(updated);
        return updated;
    }

    // ---- internals ---------------------------------------------------------------------------

    private Alarm alarm(String reductionKey) {
        FactHandle handle = alarms.get(reductionKey);
        return handle == null ? null : (Alarm) handle.getObject();
    }

    /** The alarm's version now in the session: a rule may hold one replaced earlier in the cycle. */
    private Alarm current(Alarm alarm) {
        Alarm current = alarm(alarm.reductionKey());
        if (current == null) {
            throw new IllegalStateException("alarm not in the session: " + alarm.reductionKey());
        }
        return current;
    }

    private Ticket ticket(String reference) {
        FactHandle handle = tickets.get(reference);
        if (handle == null) {
            throw new IllegalStateException("ticket not open: " + reference);
        }
        return (Ticket) handle.getObject();
    }

    /**
     * Replaces an alarm in the session, telling Drools which properties changed, so that patterns
     * that read none of them are not evaluated again (property reactivity): a repeat changes only
     * the count, last-seen time and values, which most rules never look at.
     */
    private Alarm replace(Alarm alarm, UnaryOperator<Alarm> change) {
        FactHandle handle = alarms.get(alarm.reductionKey());
        Alarm before = current(alarm);
        Alarm updated = change.apply(before);
        session.update(handle, updated, changedProperties(before, updated));
        changes.alarm(updated);
        return updated;
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
        if (!java.util.Objects.equals(before.clearedAt(), after.clearedAt())) {
            changed.add("clearedAt");
        }
        if (!java.util.Objects.equals(before.ticketReference(), after.ticketReference())) {
            changed.add("ticketReference");
        }
        if (before.raises() != after.raises()) {
            changed.add("raises");
        }
        return changed.toArray(String[]::new);
    }

    private void touch(Ticket ticket) {
        replace(ticket.touched(now));
    }

    /** Puts a changed ticket in the session in place of its current version, and records it. */
    private Ticket replace(Ticket updated) {
        session.update(tickets.get(updated.reference()), updated);
        changes.ticket(updated);
        return updated;
    }

    private void consume(Object input) {
        FactHandle handle = session.handleOf(input);
        if (handle != null) {
            session.delete(handle);
        }
    }

    private void journal(String reference, JournalAction action, String text) {
        journal(reference, action, text, JournalEntry.Visibility.INTERNAL);
    }

    /** A journal line by the rule that is firing, naming the facts it matched. */
    private void journal(String reference, JournalAction action, String text, JournalEntry.Visibility visibility) {
        if (!tickets.containsKey(reference)) {
            return; // a closed ticket's alarm: nothing to tell it
        }
        record(ruleEntry(reference, action, text, visibility));
    }

    private JournalEntry ruleEntry(String reference, JournalAction action, String text,
                                   JournalEntry.Visibility visibility) {
        List<String> keys = new ArrayList<>(ruleFacts.size());
        for (Object fact : ruleFacts) {
            String key = factKey(fact);
            if (key != null) {
                keys.add(key);
            }
        }
        return new JournalEntry(reference, now, JournalEntry.AuthorKind.RULE, Text.limit(rule, 512), action,
                Text.limit(text, 4000), keys, visibility);
    }

    /**
     * A clear or a return of {@code alarm}, on its ticket. While the ticket's journal ends with the clears
     * and returns of this one alarm (a flapping interface), the line of the same action is counted once
     * more, with the last text and time, instead of written again: one line per flap would grow the
     * journal by a row per trap. Any other line on the ticket ends the run. Kept in memory: after a
     * restart or a rule reload, the next flap starts a new line.
     */
    private void journalFlap(Alarm alarm, JournalAction action, String text) {
        String reference = alarm.ticketReference();
        if (!tickets.containsKey(reference)) {
            return; // a closed ticket's alarm: nothing to tell it
        }
        JournalEntry entry = ruleEntry(reference, action, text, JournalEntry.Visibility.INTERNAL);
        JournalEntry counted = journalRuns.counted(entry, alarm.reductionKey());
        if (counted == null) {
            record(entry);
        } else {
            changes.journalRepeat(counted);
        }
    }

    /** Adds a journal line to the cycle, with its ticket as it stands now, for the notifications. */
    private void record(JournalEntry entry) {
        if (entry.action() != JournalAction.ALARM_CLEARED
                && entry.action() != JournalAction.ALARM_REPEATED_AFTER_CLEAR) {
            journalRuns.interrupted(entry.ticketReference()); // the next flap starts a line of its own
        }
        FactHandle handle = tickets.get(entry.ticketReference());
        changes.journal(entry, handle == null ? changes.changedTicket(entry.ticketReference())
                : (Ticket) handle.getObject());
    }

    static String factKey(Object fact) {
        if (fact instanceof Alarm alarm) {
            return "alarm:" + alarm.reductionKey();
        }
        if (fact instanceof Ticket ticket) {
            return "ticket:" + ticket.reference();
        }
        if (fact instanceof AlarmEvent event) {
            return "event:" + event.reductionKey();
        }
        return null;
    }
}
