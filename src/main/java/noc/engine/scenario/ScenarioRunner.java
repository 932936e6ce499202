package noc.engine.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import noc.alarm.Alarm;
import noc.alarm.AlarmEvent;
import noc.alarm.EventState;
import noc.alarm.Severity;
import noc.alarm.SourceKind;
import noc.engine.CompiledRules;
import noc.engine.Correlation;
import noc.database.JsonColumns;
import noc.engine.CycleChanges;
import noc.notify.EmailConfiguration;
import noc.notify.EmailMessage;
import noc.notify.Notification;
import noc.notify.NotificationPlanner;
import noc.notify.NotifyConfiguration;
import noc.domain.SessionState;
import noc.maintenance.MaintenanceCompletion;
import noc.maintenance.MaintenanceRequest;
import noc.maintenance.MaintenanceWindow;
import noc.maintenance.Recurrence;
import noc.ticket.Declaration;
import noc.ticket.JournalEntry;
import noc.ticket.Priority;
import noc.ticket.TicketAction;
import noc.ticket.TicketCommand;
import noc.ticket.WaitReason;
import noc.ticket.Ticket;

/**
 * Runs rule scenarios on a simulated clock, exactly as the engine runs its cycles, without a
 * database: each step is one cycle at its time, with its alarms as inputs in order.
 */
public final class ScenarioRunner {

    private static final Set<String> TICKET_FIELDS = Set.of("reference", "title", "priority", "status", "groupKey",
            "reason", "alarms", "linkedTo", "major", "breached", "escalationLevel", "acknowledged",
            "customers");
    private static final Set<String> ALARM_FIELDS = Set.of("source", "name", "resource", "state", "severity", "count",
            "ticket", "reductionKey");
    private static final Set<String> JOURNAL_FIELDS = Set.of("action", "rule", "ticket", "text", "by", "visibility");
    private static final Set<String> DECLARATION_FIELDS = Set.of("customerName", "siteAddress", "serviceReferences",
            "contactName", "contactPhone", "contactEmail", "faultyElements", "description", "impact");
    private static final Set<String> COMMAND_FIELDS = Set.of("ticket", "action", "by", "text", "public", "priority",
            "reason", "level", "customer");
    private static final Set<String> MAINTENANCE_FIELDS = Set.of("title", "description", "start", "end",
            "recurrence", "until", "devices", "sites", "services");
    private static final Set<String> EMAIL_FIELDS = Set.of("to", "template", "event", "ticket", "title");
    private static final JsonColumns JSON = new JsonColumns(io.micronaut.json.JsonMapper.createDefault());
    /** Plans emails as the engine does with email on, so that scenarios can expect who is told what. */
    private static final NotificationPlanner PLANNER = new NotificationPlanner(new NotifyConfiguration(List.of(), 1,
            Duration.ofMinutes(10), "http://noc.example", java.nio.file.Path.of("templates"), "scenario",
            Duration.ofDays(7), "UTC", Duration.ofDays(30)), new EmailConfiguration("scenario", 25, "", "", false,
            "noc@localhost", Duration.ofSeconds(10)), JSON);
    private static final Set<String> INPUT_FIELDS = Set.of("kind", "source", "name", "oid", "resource", "severity",
            "state", "attributes", "reductionKey");

    private final CompiledRules rules;
    private final Set<String> firedRules = new LinkedHashSet<>();

    public ScenarioRunner(CompiledRules rules) {
        this.rules = rules;
    }

    /** The outcome of one scenario; {@code message} says which expectation failed, and how. */
    public record Result(Scenario scenario, boolean passed, String message) {
    }

    /** The names of the rules that fired in the scenarios run so far. */
    public Set<String> firedRules() {
        return firedRules;
    }

    public Result run(Scenario scenario) {
        List<JournalEntry> journal = new ArrayList<>();
        try (Correlation correlation = new Correlation(rules, scenario.start(),
                SessionState.empty().withInventory(scenario.inventory()).withPolicy(scenario.policy())
                        .notifying(PLANNER))) {
            correlation.onRuleFired(firedRules::add);
            Duration previous = Duration.ZERO;
            for (int i = 0; i < scenario.steps().size(); i++) {
                Scenario.Step step = scenario.steps().get(i);
                String where = "step " + (i + 1) + " (at " + format(step.at()) + ")";
                if (step.at().compareTo(previous) < 0) {
                    throw new ScenarioException(where + ": steps must go forward in time");
                }
                previous = step.at();
                Instant now = scenario.start().plus(step.at());
                List<Object> inputs = new ArrayList<>();
                for (int m = 0; m < step.maintenance().size(); m++) {
                    inputs.add(maintenance(where + " maintenance[" + m + "]", step.maintenance().get(m),
                            scenario.start()));
                }
                for (Object title : step.complete()) {
                    inputs.add(completion(where + " complete", String.valueOf(title), correlation));
                }
                for (int d = 0; d < step.declarations().size(); d++) {
                    inputs.add(declaration(where + " declarations[" + d + "]", step.declarations().get(d)));
                }
                for (int c = 0; c < step.commands().size(); c++) {
                    inputs.add(command(where + " commands[" + c + "]", step.commands().get(c), correlation));
                }
                for (int a = 0; a < step.alarms().size(); a++) {
                    inputs.add(alarm(where + " alarms[" + a + "]", step.alarms().get(a), now));
                }
                List<String> failures = new ArrayList<>();
                CycleChanges changes = correlation.cycle(now, inputs,
                        (input, e) -> failures.add("a rule threw on " + input + ": " + e));
                if (!failures.isEmpty()) {
                    throw new ScenarioException(where + ": " + failures.get(0));
                }
                journal.addAll(noc.ticket.TicketChanges.in(changes).journal());
                List<Notification> emails = noc.notify.PlannedNotifications.in(changes).stream()
                        .filter(n -> n.channel() == Notification.Channel.EMAIL).toList();
                check(where, step.expect(), correlation, journal, emails);
            }
            return new Result(scenario, true, "");
        } catch (ScenarioException e) {
            return new Result(scenario, false, e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static AlarmEvent alarm(String where, Map<String, Object> input, Instant now) {
        unknownFields(where, input.keySet(), INPUT_FIELDS);
        String source = required(where, input, "source");
        String name = required(where, input, "name");
        String resource = text(input.get("resource"), "");
        SourceKind kind = parse(where + ".kind", SourceKind.class, text(input.get("kind"), "snmp"));
        Severity severity = parse(where + ".severity", Severity.class, text(input.get("severity"), "indeterminate"));
        EventState state = parse(where + ".state", EventState.class, text(input.get("state"), "raise"));
        Map<String, String> attributes = new LinkedHashMap<>();
        if (input.get("attributes") instanceof Map<?, ?> map) {
            map.forEach((key, value) -> attributes.put(String.valueOf(key), String.valueOf(value)));
        }
        String key = text(input.get("reductionKey"), AlarmEvent.defaultReductionKey(source, name, resource));
        return new AlarmEvent(kind, source, name, text(input.get("oid"), ""), resource, key, state, severity,
                attributes, now, now);
    }

    private static MaintenanceRequest maintenance(String where, Map<String, Object> input, Instant start) {
        unknownFields(where, input.keySet(), MAINTENANCE_FIELDS);
        String title = required(where, input, "title");
        Instant from = start.plus(Scenario.duration(where + ".start", input.get("start")));
        Instant to = start.plus(Scenario.duration(where + ".end", input.get("end")));
        if (!to.isAfter(from)) {
            throw new ScenarioException(where + ": end must come after start");
        }
        Recurrence recurrence = parse(where + ".recurrence", Recurrence.class, text(input.get("recurrence"), "none"));
        Instant until = input.get("until") == null ? null
                : start.plus(Scenario.duration(where + ".until", input.get("until")));
        return new MaintenanceRequest(title, text(input.get("description"), ""), from, to, recurrence, until,
                names(input.get("devices")), names(input.get("sites")), names(input.get("services")), "scenario");
    }

    private static Declaration declaration(String where, Map<String, Object> input) {
        unknownFields(where, input.keySet(), DECLARATION_FIELDS);
        return new Declaration(required(where, input, "customerName"), text(input.get("siteAddress"), "-"),
                names(input.get("serviceReferences")), text(input.get("contactName"), "scenario"),
                text(input.get("contactPhone"), "-"), text(input.get("contactEmail"), "-"),
                text(input.get("faultyElements"), "-"), required(where, input, "description"),
                parse(where + ".impact", Declaration.Impact.class, text(input.get("impact"), "degradation")),
                text(input.get("contactName"), "scenario"));
    }

    private static TicketCommand command(String where, Map<String, Object> input, Correlation correlation) {
        unknownFields(where, input.keySet(), COMMAND_FIELDS);
        String title = required(where, input, "ticket");
        String reference = correlation.facts(Ticket.class).stream().filter(t -> t.title().equals(title))
                .map(Ticket::reference).findFirst().orElse("unknown ticket '" + title + "'");
        TicketAction action = TicketAction.ofPath(required(where, input, "action")).orElseThrow(
                () -> new ScenarioException(where + ".action: not an action on tickets"));
        Priority priority = input.get("priority") == null ? null
                : parse(where + ".priority", Priority.class, text(input.get("priority"), ""));
        WaitReason reason = input.get("reason") == null ? null
                : parse(where + ".reason", WaitReason.class, text(input.get("reason"), ""));
        return TicketCommand.of(action, reference, text(input.get("by"), "scenario"), text(input.get("text"), null),
                Boolean.parseBoolean(text(input.get("public"), "false")), priority, reason,
                Integer.parseInt(text(input.get("level"), "0")), text(input.get("customer"), null));
    }

    private static List<String> names(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    private static MaintenanceCompletion completion(String where, String title, Correlation correlation) {
        return correlation.facts(MaintenanceWindow.class).stream().filter(w -> w.title().equals(title)).findFirst()
                .map(w -> new MaintenanceCompletion(w.reference(), "scenario"))
                .orElseThrow(() -> new ScenarioException(where + ": no maintenance window titled '" + title + "'"));
    }

    private static void check(String where, Map<String, Object> expect, Correlation correlation,
                              List<JournalEntry> journal, List<Notification> emails) {
        List<Ticket> tickets = correlation.facts(Ticket.class);
        List<Alarm> alarms = correlation.facts(Alarm.class);
        for (Map.Entry<String, Object> expectation : expect.entrySet()) {
            String what = where + " expect." + expectation.getKey();
            switch (expectation.getKey()) {
                case "tickets" -> matchAll(what, expectation.getValue(), TICKET_FIELDS, tickets,
                        ticket -> ticketFields(ticket, alarms), "open ticket", "open tickets");
                case "alarms" -> matchAll(what, expectation.getValue(), ALARM_FIELDS, alarms,
                        ScenarioRunner::alarmFields, "alarm", "alarms");
                case "journal" -> matchAll(what, expectation.getValue(), JOURNAL_FIELDS, journal,
                        ScenarioRunner::journalFields, "journal entry", "journal entries");
                case "emails" -> matchAll(what, expectation.getValue(), EMAIL_FIELDS, emails,
                        ScenarioRunner::emailFields, "email", "emails of the step");
                case "emailCount" -> count(what, expectation.getValue(), emails.size(),
                        emails.stream().map(ScenarioRunner::emailFields).toList());
                case "ticketCount" -> count(what, expectation.getValue(), tickets.size(), tickets);
                case "alarmCount" -> count(what, expectation.getValue(), alarms.size(), alarms);
                case "raisedAlarmCount" -> count(what, expectation.getValue(),
                        (int) alarms.stream().filter(Alarm::isRaised).count(), alarms);
                default -> throw new ScenarioException(what + ": unknown expectation; use tickets, alarms, journal, "
                        + "emails, ticketCount, alarmCount, raisedAlarmCount or emailCount");
            }
        }
    }

    private static <T> void matchAll(String what, Object expected, Set<String> fields, List<T> actual,
                                     Function<T, Map<String, String>> describe, String noun, String nouns) {
        if (!(expected instanceof List<?> matchers)) {
            throw new ScenarioException(what + ": must be a list");
        }
        List<Map<String, String>> described = actual.stream().map(describe).toList();
        for (int i = 0; i < matchers.size(); i++) {
            if (!(matchers.get(i) instanceof Map<?, ?> matcher)) {
                throw new ScenarioException(what + "[" + i + "]: must be a mapping of field: value");
            }
            unknownFields(what + "[" + i + "]", matcher.keySet(), fields);
            boolean found = described.stream().anyMatch(fact -> matches(matcher, fact));
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
                case "ticket", "linkedTo" -> expected.equals("any") ? !actual.equals("none") : expected.equals(actual);
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

    private static Map<String, String> ticketFields(Ticket ticket, List<Alarm> alarms) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("reference", ticket.reference());
        fields.put("title", ticket.title());
        fields.put("priority", ticket.priority().name());
        fields.put("status", ticket.status().name());
        fields.put("groupKey", ticket.groupKey());
        fields.put("reason", ticket.priorityReason());
        fields.put("alarms", Long.toString(alarms.stream()
                .filter(a -> ticket.reference().equals(a.ticketReference())).count()));
        fields.put("linkedTo", ticket.linkedTo() == null ? "none" : ticket.linkedTo());
        fields.put("major", Boolean.toString(ticket.major()));
        fields.put("breached", Boolean.toString(ticket.sla().breached()));
        fields.put("escalationLevel", Integer.toString(ticket.escalation().level()));
        fields.put("acknowledged", Boolean.toString(ticket.escalation().acknowledgementDue() == null));
        fields.put("customers", ticket.customers().isEmpty() ? "none" : String.join(", ", ticket.customers()));
        return fields;
    }

    private static Map<String, String> alarmFields(Alarm alarm) {
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

    private static void unknownFields(String where, Set<?> given, Set<String> known) {
        for (Object field : given) {
            if (!known.contains(String.valueOf(field))) {
                throw new ScenarioException(where + ": unknown field '" + field + "'; known: "
                        + known.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
    }

    private static String required(String where, Map<String, Object> input, String field) {
        String value = text(input.get(field), "");
        if (value.isBlank()) {
            throw new ScenarioException(where + "." + field + ": is required");
        }
        return value;
    }

    private static String text(Object value, String fallback) {
        return value == null ? fallback : String.valueOf(value);
    }

    private static <E extends Enum<E>> E parse(String where, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(where + ": '" + value + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    static String format(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
