package noc.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import noc.alarm.Alarm;
import noc.alarm.SourceKind;
import noc.maintenance.MaintenanceWindow;
import noc.notify.Notification;
import noc.ticket.JournalEntry;
import noc.ticket.Ticket;

/**
 * What one engine cycle changed, collapsed to the final state of each row, to be written in one
 * transaction: the alarms and tickets the rules touched, the journal lines they wrote, the
 * reference counters they advanced, and how many events of each intake the cycle took in.
 */
public final class CycleChanges {

    private final Map<String, Alarm> alarms = new LinkedHashMap<>();
    private final Map<String, Ticket> tickets = new LinkedHashMap<>();
    private final Map<String, MaintenanceWindow> windows = new LinkedHashMap<>();
    private final List<JournalEntry> journal = new ArrayList<>();
    private final List<Ticket> journalTickets = new ArrayList<>();
    private final Map<String, JournalEntry> journalRepeats = new LinkedHashMap<>();
    private final Map<SourceKind, Integer> events = new EnumMap<>(SourceKind.class);
    private Map<Integer, Long> referenceCounters = Map.of();
    private final Map<String, List<String>> customersAdded = new LinkedHashMap<>();
    private List<Notification> notifications = List.of();

    void alarm(Alarm alarm) {
        alarms.put(alarm.reductionKey(), alarm);
    }

    void ticket(Ticket ticket) {
        tickets.put(ticket.reference(), ticket);
    }

    void window(MaintenanceWindow window) {
        windows.put(window.reference(), window);
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

    /** What the cycle tells whom, planned once the rules are done. */
    void notifications(List<Notification> planned) {
        notifications = List.copyOf(planned);
    }

    void event(SourceKind kind) {
        events.merge(kind, 1, Integer::sum);
    }

    void referenceCounters(Map<Integer, Long> counters) {
        referenceCounters = Map.copyOf(counters);
    }

    public Collection<Alarm> alarms() {
        return alarms.values();
    }

    /** The ticket as the cycle left it, if the cycle changed it; else null. */
    Ticket changedTicket(String reference) {
        return tickets.get(reference);
    }

    public Collection<Ticket> tickets() {
        return tickets.values();
    }

    public Collection<MaintenanceWindow> windows() {
        return windows.values();
    }

    public List<JournalEntry> journal() {
        return journal;
    }

    /** The journal lines counted once more in this cycle, to update after the new lines are written. */
    public Collection<JournalEntry> journalRepeats() {
        return journalRepeats.values();
    }

    /** For each journal line, in the same order, its ticket as it was then (or null). */
    public List<Ticket> journalTickets() {
        return journalTickets;
    }

    public Map<SourceKind, Integer> events() {
        return events;
    }

    /** Per ticket, the customers the rules added to it in this cycle. */
    public Map<String, List<String>> customersAdded() {
        return customersAdded;
    }

    public List<Notification> notifications() {
        return notifications;
    }

    public Map<Integer, Long> referenceCounters() {
        return referenceCounters;
    }

    public boolean isEmpty() {
        return alarms.isEmpty() && tickets.isEmpty() && windows.isEmpty() && journal.isEmpty()
                && journalRepeats.isEmpty() && referenceCounters.isEmpty();
    }
}
