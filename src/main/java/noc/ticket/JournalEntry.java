package noc.ticket;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One line of a ticket's history: what happened, who or which rule did it, and from which facts.
 *
 * @param facts      the keys of the facts the decision used (reduction keys, ticket references)
 * @param visibility PUBLIC for what the customer is told (P-4.2), INTERNAL for the support centre
 * @param count      how many times it happened: a repeated clear/repeat of one alarm is one line, counted
 * @param lastAt     when it last happened, when {@code count} is more than one; else null
 */
public record JournalEntry(
        String ticketReference,
        Instant at,
        AuthorKind authorKind,
        String author,
        JournalAction action,
        String text,
        List<String> facts,
        Visibility visibility,
        long count,
        Instant lastAt) {

    public JournalEntry {
        requireNonNull(ticketReference, "ticketReference is null");
        requireNonNull(at, "at is null");
        requireNonNull(authorKind, "authorKind is null");
        requireNonNull(author, "author is null");
        requireNonNull(action, "action is null");
        requireNonNull(text, "text is null");
        facts = List.copyOf(requireNonNull(facts, "facts is null"));
        requireNonNull(visibility, "visibility is null");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
    }

    /** An entry that happened once. */
    public JournalEntry(String ticketReference, Instant at, AuthorKind authorKind, String author, JournalAction action,
                        String text, List<String> facts, Visibility visibility) {
        this(ticketReference, at, authorKind, author, action, text, facts, visibility, 1, null);
    }

    /** This entry happened once more, at {@code time}, as {@code latestText} says, from {@code latestFacts}. */
    public JournalEntry repeated(Instant time, String latestText, List<String> latestFacts) {
        return new JournalEntry(ticketReference, at, authorKind, author, action, latestText, latestFacts, visibility,
                count + 1, time);
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
