package noc.ticket;

import java.util.List;

import noc.engine.Durations;

/** The SLA and escalation side of tickets ({@link DeadlineActions}). */
public final class Deadlines implements DeadlineActions {

    private final TicketBook book;

    public Deadlines(TicketBook book) {
        this.book = book;
    }

    @Override
    public void breachRestoreObjective(Ticket ticket) {
        Ticket current = book.current(ticket.reference());
        if (current.sla().breached()) {
            return;
        }
        book.setClock(current, current.sla().breachedNow());
        book.journal(current.reference(), JournalAction.SLA_BREACHED, "Restore objective of " + current.priority()
                + " (" + current.sla().restoreObjective() + " of open time, waits not counted) missed",
                JournalEntry.Visibility.INTERNAL, "SLA_BREACHED", null);
    }

    @Override
    public void waitForAnswer(Ticket ticket) {
        Ticket current = book.current(ticket.reference());
        book.setClock(current, current.sla().waiting(book.now()));
        book.setStatus(book.current(current.reference()), TicketStatus.WAITING_ON_CUSTOMER);
        book.journal(current.reference(), JournalAction.WAITING, "Waiting on the customer ("
                + WaitReason.CUSTOMER_UNREACHABLE + "): the question asked at " + current.sla().questionAskedAt()
                + " is still unanswered", JournalEntry.Visibility.INTERNAL, "WAITING_UNANSWERED", null);
    }

    @Override
    public void escalate(Ticket ticket, String reason) {
        escalate(ticket, reason, "ESCALATED", null);
    }

    /**
     * The same, said in the reader's language by {@code wording} ({@link JournalEntry#wording()}), with
     * what the person who asked for it typed as its note.
     */
    public void escalate(Ticket ticket, String reason, String wording, String note) {
        Ticket current = book.current(ticket.reference());
        if (current.escalation().isAtTop()) {
            if (current.escalation().acknowledgementDue() != null) {
                // at the top: nobody further to ask
                book.setEscalation(current, current.escalation().acknowledged("nobody (top level)"));
            }
            return;
        }
        SlaPolicy sla = book.sla();
        EscalationState next = current.escalation().next(book.now(), book.now().plus(sla.acknowledgementTimeout()));
        book.setEscalation(current, next);
        List<String> contacts = sla.contacts(next.level());
        book.journal(current.reference(), JournalAction.ESCALATED, "Escalated to level " + next.level() + " ("
                + EscalationState.levelName(next.level())
                + (contacts.isEmpty() ? "" : ": " + String.join(", ", contacts)) + "): "
                + reason + "; to acknowledge by " + next.acknowledgementDue(), JournalEntry.Visibility.INTERNAL,
                wording, note);
    }

    @Override
    public void escalateForBreach(Ticket ticket) {
        escalate(ticket, "the restore objective was missed");
        Ticket current = book.current(ticket.reference());
        book.setEscalation(current, current.escalation().forBreach());
    }

    @Override
    public void closeUnconfirmed(Ticket ticket) {
        Ticket current = book.current(ticket.reference());
        book.setStatus(current, TicketStatus.CLOSED);
        book.journal(current.reference(), JournalAction.CLOSED, "Closed: no confirmation or dispute within "
                + Durations.inWords(book.sla().confirmationPeriod()) + " of the resolution (P-4.3)",
                JournalEntry.Visibility.PUBLIC, "CLOSED_UNCONFIRMED", null);
        book.close(current.reference());
    }
}
