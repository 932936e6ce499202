package noc.engine.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import noc.alarm.Alarm;
import noc.database.JsonColumns;
import noc.notify.EmailMessage;
import noc.notify.Notification;
import noc.ticket.JournalEntry;
import noc.ticket.Ticket;

/**
 * A step's {@code expect}: each item must match something as the step left it; what it matched is
 * told to the {@link Provenance}, which credits the rules whose effect it asserts.
 */
final class Expectations {

    private static final Set<String> TICKET_FIELDS = Set.of("reference", "title", "priority", "status", "groupKey",
            "reason", "alarms", "linkedTo", "major", "breached", "escalationLevel", "acknowledged",
            "customers", "services");
    private static final Set<String> ALARM_FIELDS = Set.of("source", "name", "resource", "state", "severity", "count",
            "ticket", "reductionKey", "suppressedBy");
    private static final Set<String> JOURNAL_FIELDS = Set.of("action", "rule", "ticket", "text", "by", "visibility");
    private static final Set<String> EMAIL_FIELDS = Set.of("to", "template", "event", "ticket", "title");
    private static final Set<String> DISCARDED_FIELDS = Set.of("source", "name", "resource", "reductionKey", "rule");
    private static final JsonColumns JSON = new JsonColumns(io.micronaut.json.JsonMapper.createDefault());

    private Expectations() {
    }

    /**
     * What a step left, to check expectations on.
     *
     * @param journal      the journal lines written so far
     * @param emails       the emails of the step
     * @param suppressedBy the cause's reduction key by suppressed alarm's
     * @param services     the services each ticket affects, by reference
     */
    record Observed(List<Ticket> tickets, List<Alarm> alarms, List<JournalEntry> journal, List<Notification> emails,
                    List<Provenance.Discarded> discarded, Map<String, String> suppressedBy,
                    Map<String, List<String>> services) {
    }

    static void check(String where, Map<String, Object> expect, Observed observed, Provenance provenance) {
        List<Ticket> tickets = observed.tickets();
        List<Alarm> alarms = observed.alarms();
        for (Map.Entry<String, Object> expectation : expect.entrySet()) {
            String what = where + " expect." + expectation.getKey();
            Object expected = expectation.getValue();
            switch (expectation.getKey()) {
                case "tickets" -> matchAll(what, expected, TICKET_FIELDS, tickets,
                        ticket -> matchedTicketFields(ticket, observed), "open ticket", "open tickets",
                        (ticket, fields) -> provenance.asserted("ticket:" + ticket.reference(), fields));
                case "alarms" -> matchAll(what, expected, ALARM_FIELDS, alarms,
                        alarm -> matchedAlarmFields(alarm, observed), "alarm", "alarms",
                        (alarm, fields) -> provenance.asserted("alarm:" + alarm.reductionKey(), fields));
                case "journal" -> matchAll(what, expected, JOURNAL_FIELDS, observed.journal(),
                        Expectations::journalFields, "journal entry", "journal entries", (entry, fields) -> {
                            if (entry.authorKind() == JournalEntry.AuthorKind.RULE) {
                                provenance.assertedRule(entry.author());
                            }
                        });
                case "discarded" -> matchAll(what, expected, DISCARDED_FIELDS, observed.discarded(),
                        Expectations::discardedFields, "discarded event", "events the step discarded",
                        (discarded, fields) -> provenance.asserted(provenance.subject(discarded.event()), Set.of()));
                case "emails" -> matchAll(what, expected, EMAIL_FIELDS, observed.emails(),
                        Expectations::emailFields, "email", "emails of the step", (email, fields) -> { });
                case "emailCount" -> count(what, expected, observed.emails().size(),
                        observed.emails().stream().map(Expectations::emailFields).toList());
                case "ticketCount" -> count(what, expected, tickets.size(), tickets);
                case "alarmCount" -> count(what, expected, alarms.size(), alarms);
                case "raisedAlarmCount" -> count(what, expected,
                        (int) alarms.stream().filter(Alarm::isRaised).count(), alarms);
                default -> throw new ScenarioException(what + ": unknown expectation; use tickets, alarms, journal, "
                        + "discarded, emails, ticketCount, alarmCount, raisedAlarmCount or emailCount");
            }
        }
    }

    private static <T> void matchAll(String what, Object expected, Set<String> fields, List<T> actual,
                                     Function<T, Map<String, String>> describe, String noun, String nouns,
                                     BiConsumer<T, Set<String>> onMatch) {
        if (!(expected instanceof List<?> matchers)) {
            throw new ScenarioException(what + ": must be a list");
        }
        List<Map<String, String>> described = actual.stream().map(describe).toList();
        for (int i = 0; i < matchers.size(); i++) {
            if (!(matchers.get(i) instanceof Map<?, ?> matcher)) {
                throw new ScenarioException(what + "[" + i + "]: must be a mapping of field: value");
            }
            Fields.known(what + "[" + i + "]", matcher.keySet(), fields);
            Set<String> checked = matcher.keySet().stream().map(String::valueOf).collect(Collectors.toSet());
            boolean found = false;
            for (int f = 0; f < described.size(); f++) {
                if (matches(matcher, described.get(f))) {
                    found = true;
                    onMatch.accept(actual.get(f), checked);
                }
            }
            if (!found) {
                throw new ScenarioException(what + "[" + i + "]: expected " + noun + " " + matcher + " but the "
                        + nouns + " are: " + (described.isEmpty() ? "none" : described));
            }
        }
    }

    private static boolean matches(Map<?, ?> matcher, Map<String, String> fact) {
        for (Map.Entry<?, ?> field : matcher.entrySet()) {
            String name = String.valueOf(field.getKey());
            String expected = String.valueOf(field.getValue());
            String actual = fact.get(name);
            boolean ok = switch (name) {
                case "reason", "text" -> actual != null && actual.contains(expected);
                case "ticket", "linkedTo", "suppressedBy" -> expected.equals("any") ? !actual.equals("none")
                        : expected.equals(actual);
                default -> expected.equalsIgnoreCase(String.valueOf(actual));
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static void count(String what, Object expected, int actual, List<?> facts) {
        if (!String.valueOf(expected).equals(String.valueOf(actual))) {
            throw new ScenarioException(what + ": expected " + expected + " but there are " + actual + ": " + facts);
        }
    }

    /** A ticket's own fields, as expectations name them. */
    static Map<String, String> ticketFields(Ticket ticket) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("reference", ticket.reference());
        fields.put("title", ticket.title());
        fields.put("priority", ticket.priority().name());
        fields.put("status", ticket.status().name());
        fields.put("groupKey", ticket.groupKey());
        fields.put("reason", ticket.priorityReason());
        fields.put("linkedTo", ticket.linkedTo() == null ? "none" : ticket.linkedTo());
        fields.put("major", Boolean.toString(ticket.major()));
        fields.put("breached", Boolean.toString(ticket.sla().breached()));
        fields.put("escalationLevel", Integer.toString(ticket.escalation().level()));
        fields.put("acknowledged", Boolean.toString(ticket.escalation().acknowledgementDue() == null));
        fields.put("customers", ticket.customers().isEmpty() ? "none" : String.join(", ", ticket.customers()));
        return fields;
    }

    /** A ticket's fields with what other facts say of it: its alarms, the services they affect. */
    private static Map<String, String> matchedTicketFields(Ticket ticket, Observed observed) {
        Map<String, String> fields = ticketFields(ticket);
        fields.put("alarms", Long.toString(observed.alarms().stream()
                .filter(a -> ticket.reference().equals(a.ticketReference())).count()));
        List<String> services = observed.services().getOrDefault(ticket.reference(), List.of());
        fields.put("services", services.isEmpty() ? "none" : String.join(", ", services));
        return fields;
    }

    /** An alarm's own fields, as expectations name them. */
    static Map<String, String> alarmFields(Alarm alarm) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("source", alarm.source());
        fields.put("name", alarm.name());
        fields.put("resource", alarm.resource());
        fields.put("state", alarm.state().name());
        fields.put("severity", alarm.severity().name());
        fields.put("count", Long.toString(alarm.count()));
        fields.put("ticket", alarm.ticketReference() == null ? "none" : alarm.ticketReference());
        fields.put("reductionKey", alarm.reductionKey());
        return fields;
    }

    private static Map<String, String> matchedAlarmFields(Alarm alarm, Observed observed) {
        Map<String, String> fields = alarmFields(alarm);
        fields.put("suppressedBy", observed.suppressedBy().getOrDefault(alarm.reductionKey(), "none"));
        return fields;
    }

    private static Map<String, String> discardedFields(Provenance.Discarded discarded) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("source", discarded.event().source());
        fields.put("name", discarded.event().name());
        fields.put("resource", discarded.event().resource());
        fields.put("reductionKey", discarded.event().reductionKey());
        fields.put("rule", discarded.rule());
        return fields;
    }

    private static Map<String, String> emailFields(Notification email) {
        EmailMessage message = JSON.read(email.body(), EmailMessage.class);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("to", email.recipient());
        fields.put("template", message.template());
        fields.put("event", email.event());
        fields.put("ticket", email.ticketReference());
        fields.put("title", message.values().getOrDefault("title", ""));
        return fields;
    }

    private static Map<String, String> journalFields(JournalEntry entry) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("action", entry.action().name());
        fields.put("rule", entry.authorKind() == JournalEntry.AuthorKind.RULE ? entry.author() : "");
        fields.put("by", entry.authorKind() == JournalEntry.AuthorKind.PERSON ? entry.author() : "");
        fields.put("visibility", entry.visibility().name());
        fields.put("ticket", entry.ticketReference());
        fields.put("text", entry.text());
        return fields;
    }
}
