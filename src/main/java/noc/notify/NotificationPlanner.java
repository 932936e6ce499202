package noc.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import noc.database.JsonColumns;
import noc.inventory.Contact;
import noc.inventory.Language;
import noc.ticket.EscalationState;
import noc.ticket.JournalAction;
import noc.ticket.JournalEntry;
import noc.ticket.SlaPolicy;
import noc.ticket.Ticket;

/**
 * Decides, on the engine thread, who is told what of one cycle's ticket events; the outbox rows it
 * returns are written in the cycle's transaction. An email names the template to render and the
 * values of the ticket as they were at the event; a webhook gets the event as JSON.
 *
 * <p>Who is told (README "Notifications"): the customers' people, that is each customer's contacts,
 * the project manager of a managed customer (P-1.3) and the ticket's watchers (the contact who
 * declared it), hear of the opening with the reference (P-2.3), questions, waits, public updates
 * (P-4.2), the resolution with how to confirm or dispute it (P-4.3), a reopening and the closure.
 * The contacts of an escalation level hear of the escalation to it (P-5.3); every level and the
 * customers of a major incident hear of it (P-5.6); project managers also hear of escalations,
 * breaches and priority changes.
 *
 * <p>Each email carries its recipient's language as the inventory gives it: the contact's
 * {@code language}, or that of the contact with the recipient's address (a watcher, an escalation
 * address); without one it is left to {@code noc.locale} at delivery ({@link EmailSender}).
 */
@Singleton
public class NotificationPlanner {

    /** The ticket events that are emailed, besides every public journal entry but the declaration. */
    static final Set<JournalAction> EMAIL_EVENTS = Set.of(JournalAction.OPENED, JournalAction.CUSTOMER_ADDED,
            JournalAction.QUESTION_ASKED, JournalAction.WAITING, JournalAction.RESOLVED, JournalAction.REOPENED,
            JournalAction.CLOSED, JournalAction.ESCALATED, JournalAction.MAJOR_INCIDENT, JournalAction.SLA_BREACHED,
            JournalAction.PRIORITY_SET);

    /** The ticket events sent to every webhook, besides every public journal entry. */
    static final Set<JournalAction> WEBHOOK_EVENTS = Set.of(JournalAction.OPENED, JournalAction.DECLARED,
            JournalAction.ESCALATED, JournalAction.MAJOR_INCIDENT, JournalAction.SLA_BREACHED, JournalAction.RESOLVED,
            JournalAction.REOPENED, JournalAction.CLOSED, JournalAction.PRIORITY_SET, JournalAction.CUSTOMER_ADDED);

    private final NotifyConfiguration configuration;
    private final EmailConfiguration email;
    private final JsonColumns json;
    private final java.time.format.DateTimeFormatter times;

    public NotificationPlanner(NotifyConfiguration configuration, EmailConfiguration email, JsonColumns json) {
        this.configuration = configuration;
        this.email = email;
        this.json = json;
        this.times = configuration.times();
    }

    /**
     * The notifications of a cycle.
     *
     * @param journal        the cycle's journal lines, in order
     * @param ticketsThen    for each line, its ticket as it was when the line was written (or null): what
     *                       an email says (status, level, deadlines) is as of its event
     * @param customersAdded per ticket, the customers added to it in the cycle
     * @param tickets        a ticket as it stands at the end of the cycle, by reference: who is told
     *                       is who the ticket concerns by then
     */
    public List<Notification> plan(List<JournalEntry> journal, List<Ticket> ticketsThen,
                                   Map<String, List<String>> customersAdded, Function<String, Ticket> tickets,
                                   Supplier<Directory> directories, SlaPolicy sla) {
        return plan(journal, ticketsThen, customersAdded, tickets, directories, sla,
                reference -> new PlannedNotifications.Opening("opened", null, null));
    }

    /**
     * The same, with each ticket's opening notice as the rules chose it ({@code notices.openingNotice},
     * else {@code opened}): its template and, for a maintenance window, the window.
     */
    public List<Notification> plan(List<JournalEntry> journal, List<Ticket> ticketsThen,
                                   Map<String, List<String>> customersAdded, Function<String, Ticket> tickets,
                                   Supplier<Directory> directories, SlaPolicy sla,
                                   Function<String, PlannedNotifications.Opening> openings) {
        if (journal.isEmpty() || (!email.enabled() && configuration.webhooks().isEmpty())) {
            return List.of();
        }
        Directory directory = null;
        List<Notification> planned = new ArrayList<>();
        Set<String> opened = new HashSet<>();
        for (JournalEntry entry : journal) {
            if (entry.action() == JournalAction.OPENED) {
                opened.add(entry.ticketReference());
            }
        }
        for (int i = 0; i < journal.size(); i++) {
            JournalEntry entry = journal.get(i);
            if (WEBHOOK_EVENTS.contains(entry.action()) || entry.visibility() == JournalEntry.Visibility.PUBLIC) {
                webhooks(entry, planned);
            }
            if (!email.enabled() || !isEmailed(entry)) {
                continue;
            }
            Ticket ticket = tickets.apply(entry.ticketReference());
            if (ticket == null) {
                continue;
            }
            if (directory == null) {
                directory = directories.get();
            }
            Ticket then = i < ticketsThen.size() && ticketsThen.get(i) != null ? ticketsThen.get(i) : ticket;
            PlannedNotifications.Opening opening = openings.apply(ticket.reference());
            Mail mail = new Mail(entry, then, ticket.customers(), sla, opening, planned);
            List<Recipient> customerPeople = customerPeople(ticket.watchers(), ticket.customers(), directory);
            switch (entry.action()) {
                case OPENED -> mail.send(opening.template(), customerPeople);
                case CUSTOMER_ADDED -> {
                    // Opened in the same cycle: the opening notice already went to every customer. Else
                    // the customers added in the cycle hear of it, once, whatever the number of lines.
                    if (opened.add(ticket.reference())) {
                        mail.send("opened", customerPeople(List.of(),
                                customersAdded.getOrDefault(ticket.reference(), List.of()), directory));
                    }
                }
                case QUESTION_ASKED -> mail.send("question", customerPeople);
                case WAITING -> mail.send("waiting", customerPeople);
                case RESOLVED -> mail.respond("resolved", "closure", customerPeople);
                case REOPENED -> mail.send("reopened", customerPeople);
                case RESUMED -> mail.send("resumed", customerPeople);
                case CUSTOMER_REPLIED -> mail.send("replied", customerPeople);
                case CLOSED -> mail.send("closed", customerPeople);
                case ESCALATED -> {
                    mail.respond("escalated", "acknowledge", levelPeople(sla, then.escalation().level(),
                            directory));
                    mail.send("escalated", projectManagers(ticket, directory));
                }
                case MAJOR_INCIDENT -> {
                    List<Recipient> everyone = new ArrayList<>();
                    for (int level = 1; level <= EscalationState.TOP; level++) {
                        everyone.addAll(levelPeople(sla, level, directory));
                    }
                    everyone.addAll(customerPeople);
                    mail.send("major-incident", everyone);
                }
                case SLA_BREACHED -> {
                    List<Recipient> told = new ArrayList<>(projectManagers(ticket, directory));
                    told.addAll(levelPeople(sla, then.escalation().level(), directory));
                    mail.send("sla-breached", told);
                }
                case PRIORITY_SET -> mail.send("priority-changed", projectManagers(ticket, directory));
                default -> mail.send("update", customerPeople);
            }
        }
        return planned;
    }

    /**
     * Whether an entry is emailed: its event is, or it is public (not the declaration itself: its
     * contact hears of the opening that follows).
     */
    private static boolean isEmailed(JournalEntry entry) {
        return EMAIL_EVENTS.contains(entry.action()) || (entry.visibility() == JournalEntry.Visibility.PUBLIC
                && entry.action() != JournalAction.DECLARED);
    }

    private void webhooks(JournalEntry entry, List<Notification> planned) {
        if (configuration.webhooks().isEmpty()) {
            return;
        }
        String body = json.write(new WebhookBody(entry.ticketReference(), entry.action().name(),
                entry.at().toString(), entry.authorKind().name(), entry.author(), entry.text(),
                entry.visibility().name()));
        for (String hook : configuration.webhooks()) {
            planned.add(new Notification(entry.ticketReference(), Notification.Channel.WEBHOOK, hook,
                    entry.action().name(), body, entry.at()));
        }
    }

    /**
     * The customers' people: the watchers, each customer's contacts (told as that customer's), and
     * the project manager of a managed customer (staff of the provider).
     */
    private static List<Recipient> customerPeople(List<String> watchers, List<String> customers,
                                                  Directory directory) {
        List<Recipient> people = new ArrayList<>();
        for (String watcher : watchers) {
            people.add(new Recipient(directory.nameOf(watcher), watcher, false,
                    customers.size() == 1 ? customers.get(0) : "", directory.languageOf(watcher)));
        }
        for (String customer : customers) {
            for (Contact contact : directory.contactsOf(customer)) {
                people.add(new Recipient(contact.name(), contact.email(), false, customer, contact.language()));
            }
            directory.projectManagerOf(customer).map(Recipient::staff).ifPresent(people::add);
        }
        return people;
    }

    private static List<Recipient> projectManagers(Ticket ticket, Directory directory) {
        List<Recipient> managers = new ArrayList<>();
        for (String customer : ticket.customers()) {
            directory.projectManagerOf(customer).map(Recipient::staff).ifPresent(managers::add);
        }
        return managers;
    }

    /**
     * The contacts of an escalation level: each configured entry is an email address, or the name of
     * a contact in the inventory (an unknown name is left out).
     */
    private static List<Recipient> levelPeople(SlaPolicy sla, int level, Directory directory) {
        List<Recipient> people = new ArrayList<>();
        for (String entry : sla.contacts(level)) {
            if (entry.contains("@")) {
                people.add(new Recipient(entry, entry, true, "", directory.languageOf(entry)));
            } else {
                directory.contact(entry).map(Recipient::staff).ifPresent(people::add);
            }
        }
        return people;
    }

    /**
     * Someone to email: staff of the provider read the whole ticket; a customer's people read only
     * what is public (P-4.2) and of their own customer.
     *
     * @param customer the customer a customer's person is told as, or empty
     * @param language the language the inventory gives the person (a contact's, or that of the
     *                 contact with this address); null for {@code noc.locale}'s
     */
    record Recipient(String name, String email, boolean staff, String customer, @Nullable Language language) {

        static Recipient staff(Contact contact) {
            return new Recipient(contact.name(), contact.email(), true, "", contact.language());
        }
    }

    /** The emails of one journal entry: one per address, whatever roles it has. */
    private final class Mail {

        private final JournalEntry entry;
        private final Ticket ticket;
        private final List<String> customers;
        private final SlaPolicy sla;
        private final PlannedNotifications.Opening opening;
        private final List<Notification> planned;
        private final Set<String> told = new HashSet<>();

        Mail(JournalEntry entry, Ticket ticket, List<String> customers, SlaPolicy sla,
             PlannedNotifications.Opening opening, List<Notification> planned) {
            this.entry = entry;
            this.ticket = ticket;
            this.customers = customers;
            this.sla = sla;
            this.opening = opening;
            this.planned = planned;
        }

        void send(String template, List<Recipient> recipients) {
            respond(template, "", recipients);
        }

        /** Emails with a link to answer: {@code closure} (confirm or dispute) or {@code acknowledge}. */
        void respond(String template, String respond, List<Recipient> recipients) {
            for (Recipient recipient : recipients) {
                if (!recipient.email().contains("@") || !told.add(recipient.email().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                planned.add(new Notification(ticket.reference(), Notification.Channel.EMAIL, recipient.email(),
                        entry.action().name(), json.write(new EmailMessage(template, respond,
                        values(recipient), occasion(respond),
                        recipient.language() == null ? null : recipient.language().code())), entry.at()));
            }
        }

        /** What the link answers, as the ticket stood at the event: this resolution, this escalation. */
        private Instant occasion(String respond) {
            return switch (respond) {
                case ResponseLinks.Grant.CLOSURE -> ticket.sla().resolvedAt();
                case ResponseLinks.Grant.ACKNOWLEDGE -> ticket.escalation().escalatedAt();
                default -> null;
            };
        }

        private Map<String, String> values(Recipient recipient) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("reference", ticket.reference());
            values.put("title", ticket.title());
            values.put("priority", ticket.priority().name());
            values.put("status", ticket.status().name());
            values.put("event", entry.action().name());
            values.put("at", times.format(entry.at()));
            boolean readable = recipient.staff() || entry.visibility() == JournalEntry.Visibility.PUBLIC;
            values.put("text", readable ? entry.text() : "");
            values.put("note", readable ? note(entry) : "");
            values.put("author", readable ? entry.author() : "");
            values.put("customers", recipient.staff() ? String.join(", ", customers) : recipient.customer());
            values.put("recipientName", recipient.name());
            values.put("recipientEmail", recipient.email());
            int level = ticket.escalation().level();
            values.put("level", Integer.toString(level));
            values.put("levelName", EscalationState.levelName(level));
            Instant acknowledgeBy = ticket.escalation().acknowledgementDue();
            values.put("acknowledgeBy", acknowledgeBy == null ? "" : times.format(acknowledgeBy));
            values.put("windowStart", opening.start() == null ? "" : times.format(opening.start()));
            values.put("windowEnd", opening.end() == null ? "" : times.format(opening.end()));
            values.put("confirmBy", entry.action() == JournalAction.RESOLVED
                    ? times.format(entry.at().plus(sla.confirmationPeriod())) : "");
            return values;
        }
    }

    /**
     * What the person typed, apart from the engine's English sentence: the note of an action the engine
     * words (a resolution's explanation, a question), a person's comment; empty otherwise (an entry a
     * rule wrote, a person's action without a word of theirs).
     */
    static String note(JournalEntry entry) {
        if (entry.wording() != null) {
            return entry.note();
        }
        return entry.action() == JournalAction.COMMENT && entry.authorKind() == JournalEntry.AuthorKind.PERSON
                ? entry.text() : "";
    }

    /** What a webhook receives. */
    @io.micronaut.serde.annotation.Serdeable
    record WebhookBody(String ticket, String event, String at, String authorKind, String author, String text,
                       String visibility) {
    }
}
