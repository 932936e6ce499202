package noc.ticket;

import java.util.Collection;
import java.util.TreeSet;

import noc.alarm.Alarm;
import noc.alarm.AlarmLifecycle;
import noc.alarm.AlarmTickets;
import noc.alarm.Text;

/**
 * Tickets raised by alarms: opened, gathering alarms, given customers and priorities, resolved and
 * reopened, as the rules decide ({@link TicketActions}); and the ticket side of an alarm's clears and
 * returns ({@link AlarmTickets}), less what maintenance decides of returning alarms.
 */
public final class TicketLifecycle implements TicketActions {

    private final TicketBook book;
    private final AlarmLifecycle alarms;

    public TicketLifecycle(TicketBook book, AlarmLifecycle alarms) {
        this.book = book;
        this.alarms = alarms;
    }

    @Override
    public Ticket openTicket(Alarm alarm, String groupKey, Priority priority, String title, String reason) {
        String reference = book.nextReference();
        Ticket ticket = book.open(Ticket.opened(reference, priority, Text.limit(title, 512), Text.limit(reason, 2000),
                Text.limit(groupKey, 512), book.now(), null, SlaClock.started(book.sla().restoreObjective(priority))));
        book.journal(reference, JournalAction.OPENED, "Opened as " + priority + ": " + reason);
        attach(alarm, ticket);
        return ticket;
    }

    @Override
    public void attach(Alarm alarm, Ticket ticket) {
        Ticket target = book.current(ticket.reference());
        Alarm attached = alarms.attach(alarm, target.reference());
        book.journal(target.reference(), JournalAction.ALARM_ATTACHED, "Alarm attached: " + attached.label());
        book.touch(target);
    }

    @Override
    public void raisePriority(Ticket ticket, Priority priority, String reason) {
        Ticket current = book.current(ticket.reference());
        if (!priority.isHigherThan(current.priority())) {
            return;
        }
        book.withPriority(current, priority, reason);
        book.journal(current.reference(), JournalAction.PRIORITY_SET, "Priority raised from " + current.priority()
                + " to " + priority + ": " + reason);
    }

    @Override
    public void addCustomer(Ticket ticket, String customer, String reason) {
        Ticket current = book.current(ticket.reference());
        if (current.customers().contains(customer)) {
            return;
        }
        book.withCustomer(current, customer);
        book.journal(current.reference(), JournalAction.CUSTOMER_ADDED, "Concerns customer " + customer + ": "
                + reason);
    }

    @Override
    public void markMajor(Ticket ticket, Collection<String> customers, Collection<String> services,
                          Collection<String> elements, String reason) {
        Ticket current = book.current(ticket.reference());
        if (current.major()) {
            return;
        }
        book.replace(current.markedMajor(book.now()));
        book.journal(current.reference(), JournalAction.MAJOR_INCIDENT, "Major incident: " + reason
                + ". Customers: " + String.join(", ", new TreeSet<>(customers))
                + ". Services: " + String.join(", ", new TreeSet<>(services))
                + ". Elements: " + String.join(", ", new TreeSet<>(elements)));
    }

    @Override
    public void resolve(Ticket ticket, String reason) {
        Ticket current = book.current(ticket.reference());
        if (current.status() == TicketStatus.RESOLVED || current.status() == TicketStatus.CLOSED) {
            return;
        }
        book.setStatus(current, TicketStatus.RESOLVED);
        book.journal(current.reference(), JournalAction.RESOLVED, "Resolved: " + reason);
    }

    @Override
    public void reopen(Ticket ticket, String reason) {
        Ticket current = book.current(ticket.reference());
        if (current.status() != TicketStatus.RESOLVED) {
            return;
        }
        book.setStatus(current, TicketStatus.OPEN);
        book.journal(current.reference(), JournalAction.REOPENED, "Reopened: " + reason);
    }

    /** The ticket side of alarms, for the alarm lifecycle; {@code maintenance} decides of its own tickets. */
    public AlarmTickets alarmTickets(java.util.function.Predicate<String> heldByMaintenance) {
        return new AlarmTickets() {
            @Override
            public boolean isOpen(String reference) {
                return book.isOpen(reference);
            }

            @Override
            public boolean keepsReturning(String reference) {
                return book.isOpen(reference) && heldByMaintenance.test(reference);
            }

            @Override
            public void flapped(Alarm alarm, boolean cleared, String text) {
                book.journalFlap(alarm, cleared ? JournalAction.ALARM_CLEARED : JournalAction.ALARM_REPEATED_AFTER_CLEAR,
                        text);
            }

            @Override
            public void attachDerived(Alarm derived, String reference) {
                attach(derived, book.current(reference));
            }
        };
    }
}
