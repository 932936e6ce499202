package noc.engine.scenario;

import static noc.engine.scenario.Fields.names;
import static noc.engine.scenario.Fields.parse;
import static noc.engine.scenario.Fields.required;
import static noc.engine.scenario.Fields.text;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import noc.alarm.AlarmEvent;
import noc.alarm.EventState;
import noc.alarm.Severity;
import noc.alarm.SourceKind;
import noc.engine.Correlation;
import noc.maintenance.MaintenanceCompletion;
import noc.maintenance.MaintenanceRequest;
import noc.maintenance.MaintenanceWindow;
import noc.maintenance.Recurrence;
import noc.ticket.Declaration;
import noc.ticket.Priority;
import noc.ticket.Ticket;
import noc.ticket.TicketAction;
import noc.ticket.TicketCommand;
import noc.ticket.WaitReason;

/** The inputs of a step, from its mappings: alarms, maintenance, declarations and people's commands. */
final class ScenarioInputs {

    private static final Set<String> ALARM_FIELDS = Set.of("kind", "source", "name", "oid", "resource", "severity",
            "state", "attributes", "reductionKey");
    private static final Set<String> DECLARATION_FIELDS = Set.of("customerName", "siteAddress", "serviceReferences",
            "contactName", "contactPhone", "contactEmail", "faultyElements", "description", "impact");
    private static final Set<String> COMMAND_FIELDS = Set.of("ticket", "action", "by", "text", "public", "priority",
            "reason", "level", "customer", "refused");
    private static final Set<String> MAINTENANCE_FIELDS = Set.of("title", "description", "start", "end",
            "recurrence", "until", "devices", "sites", "services");

    private ScenarioInputs() {
    }

    /**
     * A person's command, and the text its refusal must contain when the scenario expects one (else null).
     *
     * @param where where it is in the scenario, for messages
     */
    record Command(String where, TicketCommand command, String refused) {
    }

    static AlarmEvent alarm(String where, Map<String, Object> input, Instant now) {
        Fields.known(where, input.keySet(), ALARM_FIELDS);
        String source = required(where, input, "source");
        String name = required(where, input, "name");
        String resource = text(input.get("resource"), "");
        SourceKind kind = parse(where + ".kind", SourceKind.class, text(input.get("kind"), "snmp"));
        Severity severity = parse(where + ".severity", Severity.class, text(input.get("severity"), "indeterminate"));
        EventState state = parse(where + ".state", EventState.class, text(input.get("state"), "raise"));
        String key = text(input.get("reductionKey"), AlarmEvent.defaultReductionKey(source, name, resource));
        return new AlarmEvent(kind, source, name, text(input.get("oid"), ""), resource, key, state, severity,
                attributes(input.get("attributes")), now, now);
    }

    static Map<String, String> attributes(Object value) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> attributes.put(String.valueOf(key), String.valueOf(item)));
        }
        return attributes;
    }

    static MaintenanceRequest maintenance(String where, Map<String, Object> input, Instant start) {
        Fields.known(where, input.keySet(), MAINTENANCE_FIELDS);
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

    static MaintenanceCompletion completion(String where, String title, Correlation correlation) {
        return correlation.facts(MaintenanceWindow.class).stream().filter(w -> w.title().equals(title)).findFirst()
                .map(w -> new MaintenanceCompletion(w.reference(), "scenario"))
                .orElseThrow(() -> new ScenarioException(where + ": no maintenance window titled '" + title + "'"));
    }

    static Declaration declaration(String where, Map<String, Object> input) {
        Fields.known(where, input.keySet(), DECLARATION_FIELDS);
        return new Declaration(required(where, input, "customerName"), text(input.get("siteAddress"), "-"),
                names(input.get("serviceReferences")), text(input.get("contactName"), "scenario"),
                text(input.get("contactPhone"), "-"), text(input.get("contactEmail"), "-"),
                text(input.get("faultyElements"), "-"), required(where, input, "description"),
                parse(where + ".impact", Declaration.Impact.class, text(input.get("impact"), "degradation")),
                text(input.get("contactName"), "scenario"));
    }

    /**
     * A command on the ticket of that title: the open one, else the last one of that title the scenario
     * saw (a closed one), else a reference no ticket has.
     */
    static Command command(String where, Map<String, Object> input, Correlation correlation,
                           Map<String, String> seenReferences) {
        Fields.known(where, input.keySet(), COMMAND_FIELDS);
        String title = required(where, input, "ticket");
        String reference = correlation.facts(Ticket.class).stream().filter(t -> t.title().equals(title))
                .map(Ticket::reference).findFirst()
                .orElse(seenReferences.getOrDefault(title, "unknown ticket '" + title + "'"));
        TicketAction action = TicketAction.ofPath(required(where, input, "action")).orElseThrow(
                () -> new ScenarioException(where + ".action: not an action on tickets"));
        Priority priority = input.get("priority") == null ? null
                : parse(where + ".priority", Priority.class, text(input.get("priority"), ""));
        WaitReason reason = input.get("reason") == null ? null
                : parse(where + ".reason", WaitReason.class, text(input.get("reason"), ""));
        TicketCommand command = TicketCommand.of(action, reference, text(input.get("by"), "scenario"),
                text(input.get("text"), null), Fields.flag(where + ".public", input.get("public"), false), priority,
                reason, Fields.number(where + ".level", input.get("level"), 0), text(input.get("customer"), null));
        if (input.containsKey("refused") && text(input.get("refused"), "").isBlank()) {
            throw new ScenarioException(where + ".refused: give the text the refusal contains");
        }
        return new Command(where + " (" + action.name().toLowerCase(java.util.Locale.ROOT) + " on '" + title + "')",
                command, text(input.get("refused"), null));
    }
}
