package noc.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import noc.api.PageRequest;
import noc.database.Times;
import noc.inventory.Contact;
import noc.inventory.InventoryStore;
import noc.notify.Outbox;
import noc.ticket.JournalAction;
import noc.ticket.JournalEntry;
import noc.ticket.JournalRepository;
import noc.ticket.Ticket;
import noc.ticket.TicketAction;
import noc.ticket.TicketQuery;
import noc.ticket.TicketRepository;
import noc.ticket.TicketStatus;
import noc.ticket.TicketStore;
import noc.ticket.TicketViews;

/**
 * What the portal shows a customer, read from the same stores as the REST API and cut the same way:
 * only the tickets that concern its customer, only their public journal, with no rule name, fact,
 * alarm or staff address; and, of the emails of a ticket, only those sent to the customer's own
 * people (the ticket's watchers and the customer's contacts in the inventory).
 */
@Singleton
public class PortalTickets {

    /** The most tickets the list shows; a customer with more narrows to the open ones. */
    static final int LIST_LIMIT = 100;

    private final TicketRepository tickets;
    private final TicketStore store;
    private final JournalRepository journal;
    private final Outbox outbox;
    /** The most contacts of one customer whose emails the portal lists: the inventory's limits keep far fewer. */
    private static final int MAX_CONTACTS = 1000;

    private final InventoryStore inventory;
    private final Clock clock;

    public PortalTickets(TicketRepository tickets, TicketStore store, JournalRepository journal, Outbox outbox,
                         InventoryStore inventory, Clock clock) {
        this.tickets = tickets;
        this.store = store;
        this.journal = journal;
        this.outbox = outbox;
        this.inventory = inventory;
        this.clock = clock;
    }

    /**
     * A ticket as a line of the list and the head of its page.
     *
     * @param status       the status's message key suffix ({@code waiting_on_customer})
     * @param restoreDue   when the restore objective falls due, null when it has none
     * @param frozen       whether its SLA clock is stopped while waiting on the customer
     */
    public record Line(String reference, String status, String priority, String title, Instant openedAt,
                       String restoreObjective, @Nullable Instant restoreDue, boolean frozen, boolean breached) {
    }

    /** The first {@value #LIST_LIMIT} tickets, newest first, and whether there were more. */
    public record Listing(List<Line> lines, boolean truncated) {
    }

    /**
     * One public journal entry: {@code author} is empty when the support centre's rules wrote it. The
     * page says an action the engine words by its {@code wording} (messages {@code journal.*}) with the
     * person's {@code note}, and shows {@code text} only when there is none (a rule's own words, a
     * comment): never the engine's English sentence.
     */
    public record Entry(Instant at, String author, String text, @Nullable String wording, @Nullable String note) {
    }

    /** One email to the customer's people. */
    public record Email(Instant at, String recipient, String event, String status) {
    }

    /**
     * A ticket's page: which of the customer's buttons apply now ({@code answer}: a question waits for
     * its reply; {@code settle}: confirm or dispute a resolution).
     */
    public record TicketPage(Line ticket, List<Entry> journal, List<Email> emails, boolean answer, boolean settle) {
    }

    public Listing list(String customer, boolean openOnly) {
        TicketQuery query = new TicketQuery(openOnly ? TicketQuery.StatusFilter.OPEN : TicketQuery.StatusFilter.ALL,
                Set.of(), customer, null, new PageRequest(LIST_LIMIT, null));
        var page = store.list(query);
        return new Listing(page.items().stream().map(this::line).toList(), page.next() != null);
    }

    /** The ticket when it concerns {@code customer}; empty otherwise, as if it did not exist. */
    public Optional<Ticket> visible(String reference, String customer) {
        return tickets.findById(reference).map(store::toFact).filter(ticket -> ticket.customers().contains(customer));
    }

    public TicketPage page(Ticket ticket, String customer) {
        List<Entry> entries = journal.findByTicketReferenceAndVisibilityOrderById(ticket.reference(),
                        JournalEntry.Visibility.PUBLIC.name()).stream()
                .map(row -> new Entry(Times.fromColumn(row.at()),
                        JournalEntry.AuthorKind.PERSON.name().equals(row.authorKind()) ? row.author() : "",
                        row.text(), row.wording(), row.wording() == null ? null : Objects.toString(row.note(), "")))
                .toList();
        Set<String> people = people(ticket, customer);
        List<Email> emails = outbox.ofTicket(ticket.reference()).stream()
                .filter(sent -> "EMAIL".equalsIgnoreCase(sent.channel())
                        && people.contains(sent.recipient().toLowerCase(Locale.ROOT)))
                .map(sent -> new Email(sent.createdAt(), sent.recipient(),
                        about(sent.event()), sent.status().toLowerCase(Locale.ROOT)))
                .toList();
        boolean answer = ticket.sla().questionAskedAt() != null
                && TicketAction.CUSTOMER_REPLY.allowedFrom(ticket.status());
        boolean settle = TicketAction.CONFIRM.allowedFrom(ticket.status())
                && TicketAction.DISPUTE.allowedFrom(ticket.status());
        return new TicketPage(line(ticket), entries, emails, answer, settle);
    }

    /**
     * What an email was about, as {@code portal.emails.event.*} names it: the outbox keeps the journal
     * action of the email's event ({@code RESOLVED}), the page says the message it sent.
     */
    static String about(String event) {
        JournalAction action;
        try {
            action = JournalAction.valueOf(event);
        } catch (IllegalArgumentException e) {
            return "update";
        }
        return switch (action) {
            case OPENED, CUSTOMER_ADDED -> "opened";
            case QUESTION_ASKED -> "question";
            case WAITING -> "waiting";
            case RESUMED -> "resumed";
            case CUSTOMER_REPLIED -> "replied";
            case RESOLVED -> "resolved";
            case REOPENED -> "reopened";
            case CLOSED -> "closed";
            case ESCALATED, ESCALATION_ACKNOWLEDGED -> "escalated";
            case MAJOR_INCIDENT -> "major-incident";
            case SLA_BREACHED -> "sla-breached";
            case PRIORITY_SET -> "priority-changed";
            case DECLARED, UNMATCHED, ALARM_ATTACHED, ALARM_REPEATED_AFTER_CLEAR, ALARM_CLEARED, ACKNOWLEDGED,
                 DELIVERY_FAILED, DELIVERY_RETRIED, COMMENT, OPERATION_COMPLETED -> "update";
        };
    }

    /** The addresses of the customer's people for this ticket: its watchers when it is the customer's alone, and its contacts. */
    private Set<String> people(Ticket ticket, String customer) {
        Stream<String> watchers = ticket.customers().equals(List.of(customer)) ? ticket.watchers().stream()
                : Stream.empty();
        Stream<String> contacts = inventory.contactsOf(customer, MAX_CONTACTS).stream().map(Contact::email);
        return Stream.concat(watchers, contacts).map(email -> email.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    private Line line(Ticket ticket) {
        TicketViews.Sla sla = TicketViews.Sla.of(ticket, clock.instant());
        return new Line(ticket.reference(), ticket.status().name().toLowerCase(Locale.ROOT), ticket.priority().name(),
                ticket.title(), ticket.openedAt(), duration(ticket.sla().restoreObjective()),
                sla.restoreDue(), sla.waitingSince() != null && ticket.status() != TicketStatus.CLOSED,
                sla.breached());
    }

    /** {@code 4 h}, {@code 1 h 30 min}, {@code 45 min}: how a person reads an objective. */
    static String duration(@Nullable Duration duration) {
        if (duration == null) {
            return "";
        }
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        if (hours == 0) {
            return minutes + " min";
        }
        return minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
    }
}
