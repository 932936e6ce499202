package noc.ticket;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One line of a ticket's history: what happened, who or which rule did it, and from which facts.
 *
 * @param facts      the keys of the facts the decision used (reduction keys, ticket references)
 * @param visibility PUBLIC for what the customer is told (P-4.2), INTERNAL for the support centre
 */
public record JournalEntry(
        String ticketReference,
        Instant at,
        AuthorKind authorKind,
        String author,
        JournalAction action,
        String text,
        List<String> facts,
        Visibility visibility) {

    public JournalEntry {
        requireNonNull(ticketReference, "ticketReference is null");
        requireNonNull(at, "at is null");
        requireNonNull(authorKind, "authorKind is null");
        requireNonNull(author, "author is null");
        requireNonNull(action, "action is null");
        requireNonNull(text, "text is null");
        facts = List.copyOf(requireNonNull(facts, "facts is null"));
        requireNonNull(visibility, "visibility is null");
    }

    /** An internal entry. */
    public JournalEntry(String ticketReference, Instant at, AuthorKind authorKind, String author, JournalAction action,
                        String text, List<String> facts) {
        this(ticketReference, at, authorKind, author, action, text, facts, Visibility.INTERNAL);
    }

    /** Who may read a journal entry. */
    public enum Visibility {
        PUBLIC, INTERNAL
    }

    /** Who wrote a journal entry. */
    public enum AuthorKind {
        RULE, PERSON, SYSTEM
    }
}
