package noc.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.micronaut.json.JsonMapper;
import noc.database.JsonColumns;
import noc.inventory.Contact;
import noc.inventory.Contract;
import noc.inventory.Language;
import noc.inventory.Customer;
import noc.ticket.EscalationState;
import noc.ticket.JournalAction;
import noc.ticket.JournalEntry;
import noc.ticket.Priority;
import noc.ticket.SlaClock;
import noc.ticket.SlaPolicy;
import noc.ticket.Ticket;

/** Who hears of what (README "Notifications"): customers' people, project managers, escalation levels. */
class NotificationPlannerTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final JsonColumns JSON = new JsonColumns(JsonMapper.createDefault());

    private static final Directory DIRECTORY = Directory.of(List.of(
            new Customer("Acme", Contract.MANAGED, "Paula Martin"),
            new Customer("Globex", Contract.STANDARD, "Gus Manager"),
            new Contact("Paula Martin", null, "project manager", "+33 1", "paula@provider.example"),
            new Contact("Gus Manager", null, "project manager", "+33 2", "gus@provider.example"),
            new Contact("Alice", "Acme", "technical", "+33 3", "alice@acme.example"),
            new Contact("Bob", "Globex", "technical", "+33 4", "bob@globex.example"),
            new Contact("Sam Supervisor", null, "supervisor", "+33 5", "sam@provider.example")));

    private static final SlaPolicy SLA = new SlaPolicy(Map.of(Priority.P1, Duration.ofHours(4)),
            Map.of(Priority.P1, Duration.ofMinutes(30)), Duration.ofHours(1), Duration.ofMinutes(30),
            Duration.ofDays(1), Map.of(1, List.of("Sam Supervisor"), 2, List.of("director@provider.example"),
            3, List.of("Nobody Known")));

    private static final NotifyConfiguration CONFIGURATION = new NotifyConfiguration(
            List.of("http://127.0.0.1:9/hook"), 8, Duration.ofMinutes(10), "http://noc.example",
            java.nio.file.Path.of("templates"), "secret", Duration.ofDays(7), "Europe/Paris", Duration.ofDays(30), null);
    private static final java.time.format.DateTimeFormatter TIMES = CONFIGURATION.times();

    private final NotificationPlanner planner = new NotificationPlanner(CONFIGURATION,
            new EmailConfiguration("127.0.0.1", 25, "", "", false, "noc@provider.example", Duration.ofSeconds(5)),
            JSON);

    private static Ticket ticket(List<String> customers, List<String> watchers, int level) {
        Ticket ticket = Ticket.opened("INC-2026-000001", Priority.P1, "Link down on cpe-1", "no redundancy",
                "device:cpe-1", T0, null, SlaClock.started(Duration.ofHours(4)));
        for (String customer : customers) {
            ticket = ticket.withCustomer(customer, T0);
        }
        for (String watcher : watchers) {
            ticket = ticket.withWatcher(watcher, T0);
        }
        for (int i = 0; i < level; i++) {
            ticket = ticket.withEscalation(ticket.escalation().next(T0, T0.plusSeconds(1800)), T0);
        }
        return ticket;
    }

    private static JournalEntry entry(JournalAction action, JournalEntry.Visibility visibility) {
        return new JournalEntry("INC-2026-000001", T0, JournalEntry.AuthorKind.RULE, "a rule", action, "what happened",
                List.of(), visibility);
    }

    @Test
    void anEmailCarriesWhatThePersonTypedAsItsNoteNeverTheEnginesSentence() {
        Ticket ticket = ticket(List.of("Acme"), List.of(), 0);
        JournalEntry resolved = new JournalEntry("INC-2026-000001", T0, JournalEntry.AuthorKind.PERSON, "olga",
                JournalAction.RESOLVED, "Resolved by olga: fibre repaired", List.of(), JournalEntry.Visibility.PUBLIC)
                .worded("RESOLVED", "fibre repaired");
        JournalEntry silent = new JournalEntry("INC-2026-000001", T0, JournalEntry.AuthorKind.PERSON, "olga",
                JournalAction.RESUMED, "Resumed by olga", List.of(), JournalEntry.Visibility.PUBLIC)
                .worded("RESUMED", null);
        JournalEntry byRule = entry(JournalAction.REOPENED, JournalEntry.Visibility.PUBLIC);

        List<Notification> planned = plan(ticket, Map.of(), resolved, silent, byRule);

        Map<String, String> notes = new java.util.LinkedHashMap<>();
        planned.stream().filter(n -> n.channel() == Notification.Channel.EMAIL
                        && n.recipient().equals("alice@acme.example"))
                .forEach(n -> notes.put(message(n).template(), message(n).values().get("note")));
        assertThat(notes).containsExactly(Map.entry("resolved", "fibre repaired"), Map.entry("resumed", ""),
                Map.entry("reopened", ""));
    }

    private List<Notification> plan(Ticket ticket, Map<String, List<String>> added, JournalEntry... entries) {
        return planner.plan(List.of(entries), List.of(), added, reference -> ticket, () -> DIRECTORY, SLA);
    }

    private static List<String> emailsTo(List<Notification> planned) {
        return planned.stream().filter(n -> n.channel() == Notification.Channel.EMAIL).map(Notification::recipient)
                .toList();
    }

    private EmailMessage message(Notification notification) {
        return JSON.read(notification.body(), EmailMessage.class);
    }

    @Test
    void theOpeningGoesToTheCustomersContactsTheirProjectManagerAndTheWatchersOnceEach() {
        List<Notification> planned = plan(ticket(List.of("Acme", "Globex"), List.of("ALICE@acme.example",
                "carol@acme.example"), 0), Map.of("INC-2026-000001", List.of("Acme")),
                entry(JournalAction.OPENED, JournalEntry.Visibility.INTERNAL),
                entry(JournalAction.CUSTOMER_ADDED, JournalEntry.Visibility.INTERNAL));

        // Alice is a watcher and a contact: one email. Globex is standard: its manager is not told.
        assertThat(emailsTo(planned)).containsExactly("ALICE@acme.example", "carol@acme.example",
                "paula@provider.example", "bob@globex.example");
        EmailMessage toBob = message(planned.stream().filter(n -> n.recipient().equals("bob@globex.example"))
                .findFirst().orElseThrow());
        assertThat(toBob.template()).isEqualTo("opened");
        // Told as Globex's: the other customers of the ticket are not named to him.
        assertThat(toBob.values()).containsEntry("reference", "INC-2026-000001").containsEntry("customers",
                "Globex");
        // The webhook hears of both events.
        assertThat(planned).filteredOn(n -> n.channel() == Notification.Channel.WEBHOOK).hasSize(2);
    }

    @Test
    void eachEmailIsInItsRecipientsLanguageFromTheInventoryElseLeftToNocLocale() {
        Directory directory = Directory.of(List.of(
                new Customer("Acme", Contract.MANAGED, "Paula Martin"),
                new Contact("Paula Martin", null, "project manager", "+33 1", "paula@provider.example", Language.EN),
                new Contact("Alice", "Acme", "technical", "+33 3", "alice@acme.example", Language.FR),
                new Contact("Carol", "Acme", "technical", "+33 6", "carol@acme.example"),
                new Contact("Dave", null, "declarant", "+33 7", "dave@acme.example", Language.EN),
                new Contact("Dan Director", null, "director", "+33 8", "director@provider.example", Language.EN)));
        Ticket ticket = ticket(List.of("Acme"), List.of("DAVE@acme.example", "erin@acme.example"), 2);
        List<Notification> planned = planner.plan(List.of(entry(JournalAction.OPENED,
                JournalEntry.Visibility.INTERNAL), entry(JournalAction.ESCALATED, JournalEntry.Visibility.INTERNAL)),
                List.of(), Map.of(), reference -> ticket, () -> directory, SLA);

        Map<String, String> languages = new java.util.HashMap<>();
        planned.stream().filter(n -> n.channel() == Notification.Channel.EMAIL).forEach(n ->
                languages.put(message(n).template() + " " + n.recipient(), String.valueOf(message(n).language())));
        assertThat(languages).containsOnly(
                Map.entry("opened alice@acme.example", "fr"),
                Map.entry("opened carol@acme.example", "null"),
                // A watcher is written to in the language of the contact with that address, any case.
                Map.entry("opened DAVE@acme.example", "en"),
                Map.entry("opened erin@acme.example", "null"),
                Map.entry("opened paula@provider.example", "en"),
                // Staff come from the inventory too: an escalation address that is a contact's.
                Map.entry("escalated director@provider.example", "en"),
                Map.entry("escalated paula@provider.example", "en"));
    }

    @Test
    void aCustomerAddedLaterHearsOfTheOpeningAloneTheOthersHearNothingNew() {
        List<Notification> planned = plan(ticket(List.of("Acme", "Globex"), List.of(), 0),
                Map.of("INC-2026-000001", List.of("Globex")),
                entry(JournalAction.CUSTOMER_ADDED, JournalEntry.Visibility.INTERNAL));

        assertThat(emailsTo(planned)).containsExactly("bob@globex.example");
        assertThat(message(planned.get(planned.size() - 1)).template()).isEqualTo("opened");
    }

    @Test
    void internalEntriesStayInternalPublicOnesGoToTheCustomer() {
        Ticket ticket = ticket(List.of("Acme"), List.of(), 0);
        assertThat(emailsTo(plan(ticket, Map.of(), entry(JournalAction.COMMENT, JournalEntry.Visibility.INTERNAL),
                entry(JournalAction.ALARM_ATTACHED, JournalEntry.Visibility.INTERNAL)))).isEmpty();
        List<Notification> planned = plan(ticket, Map.of(), entry(JournalAction.COMMENT,
                JournalEntry.Visibility.PUBLIC));
        assertThat(emailsTo(planned)).containsExactly("alice@acme.example", "paula@provider.example");
        assertThat(message(planned.get(1)).template()).isEqualTo("update");
    }

    @Test
    void theResolutionIsAClosureNoticeWithALinkToConfirmOrDisputeAndTheDeadline() {
        List<Notification> planned = plan(ticket(List.of("Acme"), List.of(), 0), Map.of(),
                entry(JournalAction.RESOLVED, JournalEntry.Visibility.INTERNAL));

        EmailMessage notice = message(planned.get(1));
        assertThat(notice.template()).isEqualTo("resolved");
        assertThat(notice.respond()).isEqualTo("closure");
        assertThat(notice.values()).containsEntry("confirmBy", "2026-11-28 11:00:00 CET");
    }

    @Test
    void anEscalationGoesToTheContactsOfItsLevelWithALinkToAcknowledgeAndToProjectManagers() {
        List<Notification> level1 = plan(ticket(List.of("Acme"), List.of(), 1), Map.of(),
                entry(JournalAction.ESCALATED, JournalEntry.Visibility.INTERNAL));
        assertThat(emailsTo(level1)).containsExactly("sam@provider.example", "paula@provider.example");
        assertThat(message(level1.get(1)).respond()).isEqualTo("acknowledge");
        assertThat(message(level1.get(2)).respond()).isEmpty();
        assertThat(message(level1.get(1)).values()).containsEntry("level", "1")
                .containsEntry("acknowledgeBy", "2026-11-27 11:30:00 CET");

        // Level 3 names a contact the inventory does not know: left out, not guessed.
        List<Notification> level3 = plan(ticket(List.of(), List.of(), 3), Map.of(),
                entry(JournalAction.ESCALATED, JournalEntry.Visibility.INTERNAL));
        assertThat(emailsTo(level3)).isEmpty();
    }

    @Test
    void aMajorIncidentWarnsEveryLevelAndTheCustomers() {
        List<Notification> planned = plan(ticket(List.of("Globex"), List.of(), 1), Map.of(),
                entry(JournalAction.MAJOR_INCIDENT, JournalEntry.Visibility.INTERNAL));
        assertThat(emailsTo(planned)).containsExactly("sam@provider.example", "director@provider.example",
                "bob@globex.example");
    }

    @Test
    void aMaintenanceTicketTellsItsCustomersInAdvance() {
        Ticket maintenance = Ticket.opened("INC-2026-000001", Priority.P5, "Maintenance: upgrade", "planned",
                "maintenance:INC-2026-000001", T0, null, SlaClock.started(null)).withCustomer("Globex", T0);
        // the rules chose the maintenance notice for it (notices.openingNotice)
        List<Notification> planned = planner.plan(List.of(entry(JournalAction.OPENED,
                JournalEntry.Visibility.INTERNAL)), List.of(), Map.of(), reference -> maintenance, () -> DIRECTORY,
                SLA, reference -> reference.equals("INC-2026-000001")
                        ? new PlannedNotifications.Opening("maintenance-planned", T0.plusSeconds(3600),
                        T0.plusSeconds(7200)) : new PlannedNotifications.Opening("opened", null, null));
        assertThat(emailsTo(planned)).containsExactly("bob@globex.example");
        assertThat(message(planned.get(1)).template()).isEqualTo("maintenance-planned");
        // the window said in the notify time zone, not in the engine's English journal line
        assertThat(message(planned.get(1)).values()).containsEntry("windowStart", TIMES.format(T0.plusSeconds(3600)))
                .containsEntry("windowEnd", TIMES.format(T0.plusSeconds(7200)));
    }

    @Test
    void withoutAnSmtpHostNoEmailIsPlanned() {
        NotificationPlanner webhooksOnly = new NotificationPlanner(
                new NotifyConfiguration(List.of(), 8, Duration.ofMinutes(10), "http://noc.example",
                        java.nio.file.Path.of("templates"), "", Duration.ofDays(7), "UTC", Duration.ofDays(30), null),
                new EmailConfiguration("", 25, "", "", false, "noc@localhost", Duration.ofSeconds(5)), JSON);
        assertThat(webhooksOnly.plan(List.of(entry(JournalAction.OPENED, JournalEntry.Visibility.INTERNAL)),
                List.of(), Map.of(), reference -> ticket(List.of("Acme"), List.of(), 0), () -> DIRECTORY, SLA))
                .isEmpty();
    }

    @Test
    void customersAddedTogetherAreEachToldOnce() {
        List<Notification> planned = plan(ticket(List.of("Acme", "Globex"), List.of(), 0),
                Map.of("INC-2026-000001", List.of("Acme", "Globex")),
                entry(JournalAction.CUSTOMER_ADDED, JournalEntry.Visibility.INTERNAL),
                entry(JournalAction.CUSTOMER_ADDED, JournalEntry.Visibility.INTERNAL));
        assertThat(emailsTo(planned)).containsExactly("alice@acme.example", "paula@provider.example",
                "bob@globex.example");
    }

    @Test
    void twoEscalationsInOneCycleGoEachToItsOwnLevelAsItWasThen() {
        Ticket atLevel1 = ticket(List.of(), List.of(), 1);
        Ticket atLevel2 = ticket(List.of(), List.of(), 2);
        List<Notification> planned = planner.plan(List.of(entry(JournalAction.ESCALATED,
                JournalEntry.Visibility.INTERNAL), entry(JournalAction.ESCALATED, JournalEntry.Visibility.INTERNAL)),
                List.of(atLevel1, atLevel2), Map.of(), reference -> atLevel2, () -> DIRECTORY, SLA);
        List<Notification> emails = planned.stream().filter(n -> n.channel() == Notification.Channel.EMAIL).toList();
        assertThat(emailsTo(emails)).containsExactly("sam@provider.example", "director@provider.example");
        assertThat(message(emails.get(0)).values()).containsEntry("level", "1");
        assertThat(message(emails.get(1)).values()).containsEntry("level", "2");
    }

    @Test
    void aCustomersPeopleReadOnlyWhatIsPublicAndOfTheirOwnCustomer() {
        List<Notification> resolved = plan(ticket(List.of("Acme", "Globex"), List.of(), 0), Map.of(),
                new JournalEntry("INC-2026-000001", T0, JournalEntry.AuthorKind.RULE, "a rule", JournalAction.RESOLVED,
                        "Resolved: all alarms of Acme and Globex cleared", List.of(), JournalEntry.Visibility.INTERNAL));
        EmailMessage toAlice = message(resolved.stream().filter(n -> n.recipient().equals("alice@acme.example"))
                .findFirst().orElseThrow());
        assertThat(toAlice.values()).containsEntry("customers", "Acme");
        assertThat(toAlice.values().getOrDefault("text", "")).isEmpty();
        EmailMessage toPaula = message(resolved.stream().filter(n -> n.recipient().equals("paula@provider.example"))
                .findFirst().orElseThrow());
        assertThat(toPaula.values()).containsEntry("customers", "Acme, Globex")
                .containsEntry("text", "Resolved: all alarms of Acme and Globex cleared");
    }
}
