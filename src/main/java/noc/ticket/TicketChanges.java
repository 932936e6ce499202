package noc.ticket;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import noc.engine.CycleChanges;

/**
 * The ticket side of one cycle besides the ticket rows: the journal lines the cycle wrote (each with
 * its ticket as it was then, for the notifications), the lines it counted once more, the customers
 * it added.
 */
public final class TicketChanges implements CycleChanges.Part {

    private final List<JournalEntry> journal = new ArrayList<>();
    private final List<Ticket> journalTickets = new ArrayList<>();
    private final Map<String, JournalEntry> journalRepeats = new LinkedHashMap<>();
    private final Map<String, List<String>> customersAdded = new LinkedHashMap<>();

    /** The part of {@code changes}, made on first use. */
    public static TicketChanges of(CycleChanges changes) {
        return changes.part(TicketChanges.class, TicketChanges::new);
    }

    /** The part of {@code changes}, or an empty one when the cycle wrote nothing of tickets. */
    public static TicketChanges in(CycleChanges changes) {
        TicketChanges part = changes.partOrNull(TicketChanges.class);
        return part == null ? new TicketChanges() : part;
    }

    /** A journal line, with its ticket as it was when the line was written (null when not known). */
    void journal(JournalEntry entry, Ticket ticketThen) {
        journal.add(entry);
        journalTickets.add(ticketThen);
    }

    /**
     * A journal line counted once more instead of written again. When this cycle wrote the line (the
     * last of its ticket and action in the cycle: a line of another alarm would have started a run of
     * its own), the count goes into it before it is inserted; else the ticket's latest stored line of
     * that action takes it (the last count of a cycle wins: it is cumulative). Not told to anyone.
     */
    void journalRepeat(JournalEntry entry) {
        for (int i = journal.size() - 1; i >= 0; i--) {
            JournalEntry written = journal.get(i);
            if (written.ticketReference().equals(entry.ticketReference()) && written.action() == entry.action()) {
                journal.set(i, entry);
                return;
            }
        }
        journalRepeats.put(entry.ticketReference() + "|" + entry.action(), entry);
    }

    void customerAdded(String reference, String customer) {
        customersAdded.computeIfAbsent(reference, r -> new ArrayList<>()).add(customer);
    }

    public List<JournalEntry> journal() {
        return journal;
    }

    /** For each journal line, in the same order, its ticket as it was then (or null). */
    public List<Ticket> journalTickets() {
        return journalTickets;
    }

    /** The journal lines counted once more in this cycle, to update after the new lines are written. */
    public Collection<JournalEntry> journalRepeats() {
        return journalRepeats.values();
    }

    /** Per ticket, the customers the rules added to it in this cycle. */
    public Map<String, List<String>> customersAdded() {
        return customersAdded;
    }

    @Override
    public boolean isEmpty() {
        return journal.isEmpty() && journalRepeats.isEmpty();
    }
}
