package noc.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import noc.alarm.Alarm;
import noc.alarm.AlarmEvent;
import noc.alarm.Text;
import noc.engine.FactTable;
import noc.engine.SessionContext;

/**
 * The tickets of a session and their journal: what every ticket feature shares. A change replaces the
 * ticket in the session and records its row; a journal line by the rule firing names the facts it
 * matched; a person's line names the person. No decision is taken here: the features decide.
 */
public final class TicketBook {

    private final SessionContext context;
    private final FactTable<Ticket> tickets;
    private final TicketReferences references;
    private final SlaPolicy sla;
    private final JournalRuns journalRuns = new JournalRuns();

    public TicketBook(SessionContext context, TicketReferences references, SlaPolicy sla, List<Ticket> loaded) {
        this.context = context;
        this.references = references;
        this.sla = sla;
        this.tickets = context.table(Ticket.class, Ticket::reference);
        loaded.forEach(tickets::load);
    }

    public Instant now() {
        return context.now();
    }

    public SlaPolicy sla() {
        return sla;
    }

    public SessionContext context() {
        return context;
    }

    /** A new reference, from this cycle's time. */
    public String nextReference() {
        return references.next(context.now());
    }

    /** Whether the ticket is in the session: not closed. */
    public boolean isOpen(String reference) {
        return tickets.contains(reference);
    }

    /** The ticket as it stands now, which must be open. */
    public Ticket current(String reference) {
        return tickets.require(reference);
    }

    /** A ticket as it stands: changed in this cycle (closed ones too), or open in the session; else null. */
    public Ticket standing(String reference) {
        Ticket changed = context.changes().row(Ticket.class, reference);
        return changed != null ? changed : tickets.get(reference);
    }

    public Ticket open(Ticket ticket) {
        return tickets.insert(ticket);
    }

    /** Puts a changed ticket in the session in place of its current version, and records it. */
    public Ticket replace(Ticket updated) {
        return tickets.replace(updated);
    }

    /** A closed ticket leaves the session; its alarms, if they come back, are free to open another. */
    public void close(String reference) {
        tickets.remove(reference);
    }

    public void touch(Ticket ticket) {
        replace(ticket.touched(now()));
    }

    /** A new status; the SLA clock stops at a resolution and runs again when the ticket leaves it (P-4.3). */
    public Ticket setStatus(Ticket ticket, TicketStatus status) {
        Ticket updated = ticket.withStatus(status, now());
        if (status == TicketStatus.RESOLVED) {
            updated = updated.withSla(updated.sla().stopped(now()), now());
        } else if (ticket.status() == TicketStatus.RESOLVED) {
            updated = updated.withSla(updated.sla().restarted(now()), now());
        }
        return replace(updated);
    }

    public Ticket setClock(Ticket ticket, SlaClock clock) {
        return replace(ticket.withSla(clock, now()));
    }

    public Ticket setEscalation(Ticket ticket, EscalationState escalation) {
        return replace(ticket.withEscalation(escalation, now()));
    }

    public Ticket withCustomer(Ticket ticket, String customer) {
        TicketChanges.of(context.changes()).customerAdded(ticket.reference(), customer);
        return replace(ticket.withCustomer(customer, now()));
    }

    /** A new priority, with the reason for it and its restore objective (README "Working a ticket"). */
    public Ticket withPriority(Ticket ticket, Priority priority, String reason) {
        return replace(ticket.withPriority(priority, Text.limit(reason, 2000), now())
                .withSla(ticket.sla().withObjective(sla.restoreObjective(priority)), now()));
    }

    /** A journal line by the rule that is firing, naming the facts it matched; internal. */
    public void journal(String reference, JournalAction action, String text) {
        journal(reference, action, text, JournalEntry.Visibility.INTERNAL);
    }

    /** A journal line by the rule that is firing, naming the facts it matched. */
    public void journal(String reference, JournalAction action, String text, JournalEntry.Visibility visibility) {
        journal(reference, action, text, visibility, null, null);
    }

    /**
     * The same, for an action the engine words ({@link JournalEntry#wording()}), with what a person
     * typed, if anything, as its note.
     */
    public void journal(String reference, JournalAction action, String text, JournalEntry.Visibility visibility,
                        String wording, String note) {
        if (!tickets.contains(reference)) {
            return; // a closed ticket's alarm: nothing to tell it
        }
        JournalEntry entry = ruleEntry(reference, action, text, visibility);
        record(wording == null ? entry : entry.worded(wording, note == null ? null : Text.limit(note, 4000)));
    }

    /**
     * A journal line a person wrote: it is activity on the ticket, so it restarts the idle time after
     * which an escalated ticket goes one level up (P-5.5).
     */
    public void personal(Ticket ticket, String by, JournalAction action, String text,
                         JournalEntry.Visibility visibility) {
        personal(ticket, by, action, text, visibility, null, null);
    }

    /**
     * The same, for an action the engine words ({@link JournalEntry#wording()}), with what the person
     * typed, if anything, as its note.
     */
    public void personal(Ticket ticket, String by, JournalAction action, String text,
                         JournalEntry.Visibility visibility, String wording, String note) {
        record(new JournalEntry(ticket.reference(), now(), JournalEntry.AuthorKind.PERSON, Text.limit(by, 512),
                action, Text.limit(text, 4000), List.of("ticket:" + ticket.reference()), visibility, 1, null,
                wording, note == null ? null : Text.limit(note, 4000)));
        if (tickets.contains(ticket.reference())) {
            touch(current(ticket.reference()));
        }
    }

    /** A line a person wrote that is not the journal of an action of theirs (a declaration). */
    public void record(JournalEntry entry) {
        if (entry.action() != JournalAction.ALARM_CLEARED
                && entry.action() != JournalAction.ALARM_REPEATED_AFTER_CLEAR) {
            journalRuns.interrupted(entry.ticketReference()); // the next flap starts a line of its own
        }
        Ticket then = tickets.get(entry.ticketReference());
        TicketChanges.of(context.changes()).journal(entry, then != null ? then
                : context.changes().row(Ticket.class, entry.ticketReference()));
    }

    /**
     * A clear or a return of {@code alarm}, on its ticket. While the ticket's journal ends with the clears
     * and returns of this one alarm (a flapping interface), the line of the same action is counted once
     * more, with the last text and time, instead of written again: one line per flap would grow the
     * journal by a row per trap. Any other line on the ticket ends the run. Kept in memory: after a
     * restart or a rule reload, the next flap starts a new line.
     */
    public void journalFlap(Alarm alarm, JournalAction action, String text) {
        String reference = alarm.ticketReference();
        if (!tickets.contains(reference)) {
            return; // a closed ticket's alarm: nothing to tell it
        }
        JournalEntry entry = ruleEntry(reference, action, text, JournalEntry.Visibility.INTERNAL);
        JournalEntry counted = journalRuns.counted(entry, alarm.reductionKey());
        if (counted == null) {
            record(entry);
        } else {
            TicketChanges.of(context.changes()).journalRepeat(counted);
        }
    }

    private JournalEntry ruleEntry(String reference, JournalAction action, String text,
                                   JournalEntry.Visibility visibility) {
        List<String> keys = new ArrayList<>(context.ruleFacts().size());
        for (Object fact : context.ruleFacts()) {
            String key = factKey(fact);
            if (key != null) {
                keys.add(key);
            }
        }
        return new JournalEntry(reference, now(), JournalEntry.AuthorKind.RULE, Text.limit(context.rule(), 512),
                action, Text.limit(text, 4000), keys, visibility);
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
