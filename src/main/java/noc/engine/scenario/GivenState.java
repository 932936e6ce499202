package noc.engine.scenario;

import static noc.engine.scenario.Fields.names;
import static noc.engine.scenario.Fields.parse;
import static noc.engine.scenario.Fields.required;
import static noc.engine.scenario.Fields.text;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import noc.alarm.Alarm;
import noc.alarm.AlarmEvent;
import noc.alarm.AlarmState;
import noc.alarm.Severity;
import noc.alarm.SourceKind;
import noc.domain.SessionState;
import noc.ticket.EscalationState;
import noc.ticket.Priority;
import noc.ticket.SlaClock;
import noc.ticket.SlaPolicy;
import noc.ticket.Ticket;
import noc.ticket.TicketReferences;
import noc.ticket.TicketStatus;

/**
 * The session a scenario starts from, as MariaDB would give it at startup: its configured values,
 * inventory, open tickets and alarms. Times are offsets from the scenario's start, negative for the
 * past; what a ticket's history would have set (its restore objective, the acknowledgement deadline
 * of its escalation) comes from the configured SLA.
 */
final class GivenState {

    private static final Set<String> TICKET_FIELDS = Set.of("reference", "title", "priority", "status", "reason",
            "groupKey", "openedAt", "updatedAt", "linkedTo", "major", "breached", "escalationLevel", "escalatedAt",
            "acknowledged", "customers", "resolvedAt", "waitingSince", "questionAskedAt");
    private static final Set<String> ALARM_FIELDS = Set.of("kind", "source", "name", "oid", "resource", "severity",
            "state", "attributes", "reductionKey", "ticket", "count", "firstSeen", "lastSeen", "clearedAt");
    private static final Pattern REFERENCE = Pattern.compile("INC-(\\d{4})-(\\d+)");

    private GivenState() {
    }

    static SessionState of(Scenario scenario, ScenarioConfiguration.Values values) {
        Scenario.Given given = scenario.given();
        String where = scenario.file() + " given";
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < given.tickets().size(); i++) {
            tickets.add(ticket(where + ".tickets[" + i + "]", given.tickets().get(i), i + 1, scenario.start(),
                    values.sla()));
        }
        Map<String, String> byTitle = new HashMap<>();
        Map<Integer, Long> counters = new HashMap<>();
        for (Ticket ticket : tickets) {
            if (byTitle.put(ticket.title(), ticket.reference()) != null) {
                throw new ScenarioException(where + ".tickets: two tickets titled '" + ticket.title() + "'");
            }
            Matcher matcher = REFERENCE.matcher(ticket.reference());
            if (matcher.matches()) {
                counters.merge(Integer.parseInt(matcher.group(1)), Long.parseLong(matcher.group(2)), Math::max);
            }
        }
        Map<String, Alarm> alarms = new LinkedHashMap<>();
        for (int i = 0; i < given.alarms().size(); i++) {
            Alarm alarm = alarm(where + ".alarms[" + i + "]", given.alarms().get(i), scenario.start(), byTitle);
            if (alarms.put(alarm.reductionKey(), alarm) != null) {
                throw new ScenarioException(where + ".alarms[" + i + "]: a second alarm of reduction key "
                        + alarm.reductionKey());
            }
        }
        return new SessionState(values.policy(), values.sla(), values.retention(), counters,
                List.copyOf(alarms.values()), tickets, given.inventory(), List.of());
    }

    private static Ticket ticket(String where, Map<String, Object> input, int number, Instant start, SlaPolicy sla) {
        Fields.known(where, input.keySet(), TICKET_FIELDS);
        String title = required(where, input, "title");
        Priority priority = parse(where + ".priority", Priority.class, required(where, input, "priority"));
        TicketStatus status = parse(where + ".status", TicketStatus.class, text(input.get("status"), "open"));
        if (status == TicketStatus.CLOSED) {
            throw new ScenarioException(where + ".status: a closed ticket is not in the session; leave it out");
        }
        onlyWith(where, input, status == TicketStatus.RESOLVED, "resolvedAt", "status: resolved");
        onlyWith(where, input, status == TicketStatus.WAITING_ON_CUSTOMER, "waitingSince",
                "status: waiting-on-customer");
        String reference = text(input.get("reference"),
                TicketReferences.format(start.atZone(ZoneOffset.UTC).getYear(), number));
        Instant opened = at(where + ".openedAt", input.get("openedAt"), start, start);
        Instant updated = at(where + ".updatedAt", input.get("updatedAt"), start, opened);
        if (updated.isBefore(opened)) {
            throw new ScenarioException(where + ".updatedAt: must not come before openedAt");
        }
        boolean breached = Fields.flag(where + ".breached", input.get("breached"), false);
        SlaClock clock = new SlaClock(sla.restoreObjective(priority), Duration.ZERO,
                status == TicketStatus.WAITING_ON_CUSTOMER
                        ? at(where + ".waitingSince", input.get("waitingSince"), start, updated) : null,
                breached, input.get("questionAskedAt") == null ? null
                        : at(where + ".questionAskedAt", input.get("questionAskedAt"), start, updated),
                status == TicketStatus.RESOLVED ? at(where + ".resolvedAt", input.get("resolvedAt"), start, updated)
                        : null);
        int level = Fields.number(where + ".escalationLevel", input.get("escalationLevel"), 0);
        if (level < 0 || level > EscalationState.TOP) {
            throw new ScenarioException(where + ".escalationLevel: must be 0 to " + EscalationState.TOP);
        }
        onlyWith(where, input, level > 0, "escalatedAt", "escalationLevel 1 or more");
        onlyWith(where, input, level > 0, "acknowledged", "escalationLevel 1 or more");
        EscalationState escalation = EscalationState.none();
        if (level > 0) {
            Instant escalated = at(where + ".escalatedAt", input.get("escalatedAt"), start, updated);
            boolean acknowledged = Fields.flag(where + ".acknowledged", input.get("acknowledged"), false);
            // Given breached, the breach has escalated it already, as it would have in the service.
            escalation = new EscalationState(level, escalated,
                    acknowledged ? null : escalated.plus(sla.acknowledgementTimeout()),
                    acknowledged ? "scenario" : null, breached);
        }
        return new Ticket(reference, status, priority, title, text(input.get("reason"), "given by the scenario"),
                text(input.get("groupKey"), "given:" + reference), opened, updated, text(input.get("linkedTo"), null),
                Fields.flag(where + ".major", input.get("major"), false), clock, escalation,
                names(input.get("customers")), List.of());
    }

    private static Alarm alarm(String where, Map<String, Object> input, Instant start, Map<String, String> tickets) {
        Fields.known(where, input.keySet(), ALARM_FIELDS);
        String source = required(where, input, "source");
        String name = required(where, input, "name");
        String resource = text(input.get("resource"), "");
        AlarmState state = parse(where + ".state", AlarmState.class, text(input.get("state"), "raised"));
        Severity severity = state == AlarmState.CLEARED ? Severity.CLEARED
                : parse(where + ".severity", Severity.class, text(input.get("severity"), "indeterminate"));
        Instant first = at(where + ".firstSeen", input.get("firstSeen"), start, start);
        Instant last = at(where + ".lastSeen", input.get("lastSeen"), start, first);
        if (last.isBefore(first)) {
            throw new ScenarioException(where + ".lastSeen: must not come before firstSeen");
        }
        onlyWith(where, input, state == AlarmState.CLEARED, "clearedAt", "state: cleared");
        Instant cleared = state == AlarmState.CLEARED ? at(where + ".clearedAt", input.get("clearedAt"), start, last)
                : null;
        String ticket = null;
        if (input.get("ticket") != null) {
            ticket = tickets.get(String.valueOf(input.get("ticket")));
            if (ticket == null) {
                throw new ScenarioException(where + ".ticket: no given ticket titled '" + input.get("ticket") + "'");
            }
        }
        long count = Fields.number(where + ".count", input.get("count"), 1);
        if (count < 1) {
            throw new ScenarioException(where + ".count: must be at least 1");
        }
        return new Alarm(text(input.get("reductionKey"), AlarmEvent.defaultReductionKey(source, name, resource)),
                parse(where + ".kind", SourceKind.class, text(input.get("kind"), "snmp")), source, name,
                text(input.get("oid"), ""), resource, severity, state, count, first, last, cleared, ticket,
                ScenarioInputs.attributes(input.get("attributes")), List.of(first));
    }

    /** A field that means something only with another is refused without it, rather than ignored. */
    private static void onlyWith(String where, Map<String, Object> input, boolean applies, String field,
                                 String condition) {
        if (!applies && input.containsKey(field)) {
            throw new ScenarioException(where + "." + field + ": only with " + condition);
        }
    }

    private static Instant at(String where, Object offset, Instant start, Instant fallback) {
        return offset == null ? fallback : start.plus(Scenario.duration(where, offset));
    }
}
