package noc.ticket;

import java.util.Optional;

import noc.inventory.InventoryFacts;

/**
 * People's commands on tickets ({@link CommandActions}). Which command a ticket's state allows, and
 * that only P1 and P2 escalate, the rules decide before a command gets here (rules/README "The ticket
 * state table"); what is checked here is the data a command names: the escalation level it
 * acknowledges, the customer it links.
 */
public final class TicketCommands implements CommandActions {

    private final TicketBook book;
    private final Deadlines deadlines;
    private final InventoryFacts inventory;

    public TicketCommands(TicketBook book, Deadlines deadlines, InventoryFacts inventory) {
        this.book = book;
        this.deadlines = deadlines;
        this.inventory = inventory;
    }

    @Override
    public void refuse(TicketCommand command, String reason) {
        book.context().reply(command, refused(command, book.standing(command.reference()), reason));
        book.context().consume(command);
    }

    /**
     * The refusal with its kind, found from the ticket as it stands (the rules give a sentence): what
     * a page needs to say it in French as well as in English.
     */
    private TicketCommand.Refused refused(TicketCommand command, Ticket ticket, String reason) {
        if (ticket == null) {
            return new TicketCommand.Refused(reason, TicketCommand.Refused.Kind.CLOSED,
                    java.util.List.of(command.reference()));
        }
        if (!command.action().allowedFrom(ticket.status())) {
            return new TicketCommand.Refused(reason, TicketCommand.Refused.Kind.STATE, java.util.List.of(
                    ticket.status().name(), command.action().name(), String.join(",", command.action().from().stream()
                            .map(Enum::name).sorted().toList())));
        }
        if (command instanceof TicketCommand.AcknowledgeEscalation a && (ticket.escalation().level() != a.level()
                || ticket.escalation().acknowledgementDue() == null)) {
            return new TicketCommand.Refused(reason, TicketCommand.Refused.Kind.NO_ESCALATION,
                    java.util.List.of(Integer.toString(a.level()), Integer.toString(ticket.escalation().level())));
        }
        if (command instanceof TicketCommand.LinkCustomer l) {
            if (!inventory.knowsCustomer(l.customer())) {
                return new TicketCommand.Refused(reason, TicketCommand.Refused.Kind.UNKNOWN_CUSTOMER,
                        java.util.List.of(l.customer()));
            }
            if (ticket.customers().contains(l.customer())) {
                return new TicketCommand.Refused(reason, TicketCommand.Refused.Kind.ALREADY_CUSTOMER,
                        java.util.List.of(l.customer()));
            }
        }
        if (command.action() == TicketAction.ESCALATE && ticket.priority() != Priority.P1
                && ticket.priority() != Priority.P2) {
            return new TicketCommand.Refused(reason, TicketCommand.Refused.Kind.NOT_ESCALATED,
                    java.util.List.of(ticket.priority().name()));
        }
        return new TicketCommand.Refused(reason);
    }

    @Override
    public void apply(TicketCommand command, Ticket ticket) {
        Ticket current = book.current(ticket.reference());
        Optional<String> refusal = refusal(command, current);
        if (refusal.isPresent()) {
            refuse(command, refusal.get());
            return;
        }
        String by = command.by();
        switch (command.action()) {
            case ACKNOWLEDGE -> {
                book.setStatus(current, TicketStatus.ACKNOWLEDGED);
                internal(current, by, JournalAction.ACKNOWLEDGED, "Acknowledged by " + by);
            }
            case COMMENT -> {
                var c = (TicketCommand.Comment) command;
                book.personal(current, by, JournalAction.COMMENT, c.text(),
                    c.publicNote() ? JournalEntry.Visibility.PUBLIC : JournalEntry.Visibility.INTERNAL);
            }
            case SET_PRIORITY -> {
                var p = (TicketCommand.SetPriority) command;
                book.withPriority(current, p.priority(), p.reason());
                book.personal(current, by, JournalAction.PRIORITY_SET, "Priority set from " + current.priority()
                        + " to " + p.priority() + " by " + by + ": " + p.reason(), JournalEntry.Visibility.INTERNAL,
                        "PRIORITY_SET", p.reason());
            }
            case WAIT -> {
                var w = (TicketCommand.Wait) command;
                book.setClock(current, current.sla().waiting(book.now()));
                book.setStatus(book.current(current.reference()), TicketStatus.WAITING_ON_CUSTOMER);
                customerSees(current, by, JournalAction.WAITING, "Waiting on the customer (" + w.reason() + ")"
                        + suffix(w.text()), "WAITING." + w.reason().name(), w.text());
            }
            case ASK_CUSTOMER -> {
                var q = (TicketCommand.AskCustomer) command;
                book.setClock(current, current.sla().asked(book.now()));
                customerSees(current, by, JournalAction.QUESTION_ASKED, "Question to the customer: " + q.question(),
                        "QUESTION_ASKED", q.question());
            }
            case CUSTOMER_REPLY -> {
                var r = (TicketCommand.CustomerReply) command;
                book.setClock(current, current.sla().answered().resumed(book.now()));
                if (current.status() == TicketStatus.WAITING_ON_CUSTOMER) {
                    book.setStatus(book.current(current.reference()), TicketStatus.IN_PROGRESS);
                }
                customerSees(current, by, JournalAction.CUSTOMER_REPLIED, "The customer replied" + suffix(r.text()),
                        "CUSTOMER_REPLIED", r.text());
            }
            case ESCALATE -> {
                var e = (TicketCommand.Escalate) command;
                deadlines.escalate(current, "asked by " + by + suffix(e.text()), "ESCALATED_ON_REQUEST", e.text());
            }
            case LINK_CUSTOMER -> {
                var l = (TicketCommand.LinkCustomer) command;
                book.withCustomer(current, l.customer());
                internal(current, by, JournalAction.CUSTOMER_ADDED, "Concerns customer " + l.customer()
                        + ": linked by " + by + suffix(l.text()));
            }
            case ACKNOWLEDGE_ESCALATION -> {
                var a = (TicketCommand.AcknowledgeEscalation) command;
                book.setEscalation(current, current.escalation().acknowledged(by));
                internal(current, by, JournalAction.ESCALATION_ACKNOWLEDGED, "Escalation level " + a.level() + " ("
                        + EscalationState.levelName(a.level()) + ") acknowledged by " + by);
            }
            case RESUME -> {
                var r = (TicketCommand.Resume) command;
                // Resuming says the customer is back: an open question counts as answered.
                book.setClock(current, current.sla().resumed(book.now()).answered());
                book.setStatus(book.current(current.reference()), TicketStatus.IN_PROGRESS);
                customerSees(current, by, JournalAction.RESUMED, "Resumed by " + by + suffix(r.text()), "RESUMED",
                        r.text());
            }
            case RESOLVE -> {
                var r = (TicketCommand.Resolve) command;
                book.setStatus(current, TicketStatus.RESOLVED);
                customerSees(current, by, JournalAction.RESOLVED, "Resolved by " + by + suffix(r.text()), "RESOLVED",
                        r.text());
            }
            case DISPUTE -> {
                var d = (TicketCommand.Dispute) command;
                book.setStatus(current, TicketStatus.IN_PROGRESS);
                customerSees(current, by, JournalAction.REOPENED, "Disputed by " + by + ", reopened" + suffix(d.text()),
                        "DISPUTED", d.text());
            }
            case CONFIRM -> {
                close(current, by, "Resolution confirmed by " + by + ", closed", "CONFIRMED", null);
            }
            case CLOSE_UNRESPONSIVE -> {
                var c = (TicketCommand.CloseUnresponsive) command;
                close(current, by, "Closed by " + by
                    + ": the customer did not answer or allow the intervention (P-3.3)" + suffix(c.text()),
                    "CLOSED_UNRESPONSIVE", c.text());
            }
        }
        book.context().consume(command);
    }

    /** What the command's data does not allow on {@code ticket}, if anything. */
    private Optional<String> refusal(TicketCommand command, Ticket ticket) {
        if (command instanceof TicketCommand.AcknowledgeEscalation a
                && (ticket.escalation().level() != a.level() || ticket.escalation().acknowledgementDue() == null)) {
            return Optional.of("Level " + a.level() + " has no escalation to acknowledge; the ticket is at level "
                    + ticket.escalation().level() + (ticket.escalation().acknowledgementDue() == null
                    ? ", acknowledged" : ""));
        }
        if (command instanceof TicketCommand.LinkCustomer l) {
            if (!inventory.knowsCustomer(l.customer())) {
                return Optional.of("Customer '" + l.customer() + "' is not in the inventory");
            }
            if (ticket.customers().contains(l.customer())) {
                return Optional.of("The ticket already concerns " + l.customer());
            }
        }
        return Optional.empty();
    }

    private void close(Ticket ticket, String by, String text, String wording, String note) {
        Ticket resumed = book.setClock(ticket, ticket.sla().resumed(book.now()));
        book.setStatus(resumed, TicketStatus.CLOSED);
        customerSees(ticket, by, JournalAction.CLOSED, text, wording, note);
        book.close(ticket.reference());
    }

    private void internal(Ticket ticket, String by, JournalAction action, String text) {
        book.personal(ticket, by, action, text, JournalEntry.Visibility.INTERNAL);
    }

    /**
     * A public line, worded in the reader's language by {@code wording} (messages {@code journal.*}),
     * with what the person typed as its note: the customer's pages and emails never show {@code text}.
     */
    private void customerSees(Ticket ticket, String by, JournalAction action, String text, String wording,
                              String note) {
        book.personal(ticket, by, action, text, JournalEntry.Visibility.PUBLIC, wording, note);
    }

    private static String suffix(String text) {
        return text == null || text.isEmpty() ? "" : ": " + text;
    }
}
