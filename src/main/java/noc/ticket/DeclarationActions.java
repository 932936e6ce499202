package noc.ticket;

/** What the rules do with a customer's declaration (the {@code declarations} global, PROCEDURE.md P-2). */
public interface DeclarationActions {

    /**
     * Opens the ticket of a declaration, with the priority of the declared impact; a customer or service
     * the inventory does not know is journaled as unmatched, for an operator to link: the declaration is
     * never refused for it. Its sender is answered the ticket's reference.
     */
    Ticket openDeclared(Declaration declaration, String reason);
}
