package noc.ticket;

import java.util.List;

import noc.alarm.Text;
import noc.inventory.InventoryFacts;

/** Customers' declarations (PROCEDURE.md P-2): the rules' {@link DeclarationActions}. */
public final class Declarations implements DeclarationActions {

    private final TicketBook book;
    private final InventoryFacts inventory;

    public Declarations(TicketBook book, InventoryFacts inventory) {
        this.book = book;
        this.inventory = inventory;
    }

    @Override
    public Ticket openDeclared(Declaration declaration, String reason) {
        String reference = book.nextReference();
        Priority priority = declaration.impact().priority();
        String title = "Declared by " + declaration.customerName() + ": " + declaration.description();
        boolean knownCustomer = inventory.knowsCustomer(declaration.customerName());
        Ticket ticket = Ticket.opened(reference, priority, Text.limit(title, 512), Text.limit(reason, 2000),
                "declaration:" + reference, book.now(), null,
                SlaClock.started(book.sla().restoreObjective(priority)))
                .withWatcher(declaration.contactEmail(), book.now());
        if (knownCustomer) {
            ticket = ticket.withCustomer(declaration.customerName(), book.now());
        }
        book.open(ticket);
        book.record(new JournalEntry(reference, book.now(), JournalEntry.AuthorKind.PERSON,
                declaration.declaredBy(), JournalAction.DECLARED, Text.limit(declaration.journalText(), 4000),
                List.of("ticket:" + reference), JournalEntry.Visibility.PUBLIC)
                .worded("DECLARED", Text.limit(declaration.description(), 4000)));
        book.journal(reference, JournalAction.OPENED, "Opened as " + priority + ": " + reason);
        if (!knownCustomer) {
            book.journal(reference, JournalAction.UNMATCHED, "Customer '" + declaration.customerName()
                    + "' is not in the inventory: an operator links it");
        }
        for (String service : declaration.serviceReferences()) {
            if (!inventory.knowsService(service)) {
                book.journal(reference, JournalAction.UNMATCHED, "Service '" + service
                        + "' is not in the inventory: an operator links it");
            }
        }
        book.context().reply(declaration, new Declaration.Opened(reference));
        book.context().consume(declaration);
        return ticket;
    }
}
