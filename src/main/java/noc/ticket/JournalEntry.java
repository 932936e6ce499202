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
 * @param wording    for a line the engine words for a known action, the key that says it in the reader's
 *                   language ({@code journal.<wording>} in the console's messages, with the author), so
 *                   that a customer never reads {@code text}, the engine's English sentence; null when
 *                   {@code text} is shown as written (a rule's own words, a comment)
 * @param note       with a wording, what the person typed (a resolution's explanation, a question), empty
 *                   when nothing; else null
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
        Instant lastAt,
        String wording,
        String note) {

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
        if (wording == null) {
            note = null;
        } else if (note == null) {
            note = "";
        }
    }

    /** An entry whose text is shown as written. */
    public JournalEntry(String ticketReference, Instant at, AuthorKind authorKind, String author, JournalAction action,
                        String text, List<String> facts, Visibility visibility, long count, Instant lastAt) {
        this(ticketReference, at, authorKind, author, action, text, facts, visibility, count, lastAt, null, null);
    }

    /** An entry that happened once. */
    public JournalEntry(String ticketReference, Instant at, AuthorKind authorKind, String author, JournalAction action,
                        String text, List<String> facts, Visibility visibility) {
        this(ticketReference, at, authorKind, author, action, text, facts, visibility, 1, null);
    }

    /** This entry happened once more, at {@code time}, as {@code latestText} says, from {@code latestFacts}. */
    public JournalEntry repeated(Instant time, String latestText, List<String> latestFacts) {
        return new JournalEntry(ticketReference, at, authorKind, author, action, latestText, latestFacts, visibility,
                count + 1, time, wording, note);
    }

    /** The same entry, said in the reader's language by {@code wording}, with what the person typed. */
    public JournalEntry worded(String wording, String note) {
        return new JournalEntry(ticketReference, at, authorKind, author, action, text, facts, visibility, count,
                lastAt, wording, note);
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
