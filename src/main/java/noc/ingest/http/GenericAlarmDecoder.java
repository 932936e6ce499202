package noc.ingest.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micronaut.json.tree.JsonNode;
import noc.alarm.AlarmEvent;
import noc.api.FieldReader;
import noc.alarm.EventState;
import noc.alarm.Severity;
import noc.alarm.SourceKind;

/**
 * Turns the generic alarm JSON (one object, or an array of them) into alarm events: what Zabbix
 * webhooks, Nagios/Icinga notification commands and scripts send.
 *
 * <pre>{"source": "sw-paris-01", "name": "High CPU", "severity": "major", "resource": "cpu0",
 *  "state": "raise", "attributes": {"value": "97"}, "time": "2026-03-02T08:00:00Z"}</pre>
 */
public final class GenericAlarmDecoder {

    private GenericAlarmDecoder() {
    }

    public static List<AlarmEvent> decode(JsonNode body, Instant receivedAt, FieldReader fields, int maxAlarms) {
        List<AlarmEvent> events = new ArrayList<>();
        if (body.isObject()) {
            AlarmEvent event = decodeOne(body, "", receivedAt, fields);
            if (event != null) {
                events.add(event);
            }
            return events;
        }
        if (!body.isArray() || body.size() == 0) {
            fields.error("", "must be an alarm object or a non-empty array of them");
            return events;
        }
        if (body.size() > maxAlarms) {
            fields.error("", "has " + body.size() + " alarms; at most " + maxAlarms + " per request");
            return events;
        }
        for (int i = 0; i < body.size(); i++) {
            AlarmEvent event = decodeOne(body.get(i), "[" + i + "]", receivedAt, fields);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    private static AlarmEvent decodeOne(JsonNode alarm, String prefix, Instant receivedAt, FieldReader fields) {
        String path = prefix.isEmpty() ? "" : prefix + ".";
        if (!alarm.isObject()) {
            fields.error(prefix, "must be an object");
            return null;
        }
        int before = fields.errors().size();
        String source = fields.requiredString(alarm, "source", path + "source");
        String name = fields.requiredString(alarm, "name", path + "name");
        String severityText = fields.optionalString(alarm, "severity", path + "severity", "indeterminate");
        Severity severity = parseSeverity(severityText);
        if (severity == null) {
            fields.error(path + "severity", "must be one of critical, major, minor, warning, indeterminate, not '"
                    + severityText + "'");
        }
        String stateText = fields.optionalString(alarm, "state", path + "state", "raise");
        EventState state = switch (stateText.toLowerCase(Locale.ROOT)) {
            case "raise" -> EventState.RAISE;
            case "clear" -> EventState.CLEAR;
            default -> {
                fields.error(path + "state", "must be raise or clear, not '" + stateText + "'");
                yield null;
            }
        };
        String resource = fields.optionalString(alarm, "resource", path + "resource", "");
        String reductionKey = fields.optionalString(alarm, "reductionKey", path + "reductionKey", "");
        Map<String, String> attributes = fields.optionalScalars(alarm, "attributes", path + "attributes");
        Instant time = fields.optionalTime(alarm, "time", path + "time");
        // The alarm's columns: refused whole rather than cut.
        fields.length(source, Columns.SOURCE, path + "source");
        fields.length(name, Columns.NAME, path + "name");
        fields.length(resource, Columns.RESOURCE, path + "resource");
        fields.length(reductionKey, Columns.REDUCTION_KEY, path + "reductionKey");
        if (fields.errors().size() > before) {
            return null;
        }
        String key = reductionKey.isBlank() ? AlarmEvent.defaultReductionKey(source, name, resource) : reductionKey;
        if (key.length() > Columns.REDUCTION_KEY) {
            fields.error(path + "reductionKey", "is required when source, name and resource together pass "
                    + Columns.REDUCTION_KEY + " characters (they make " + key.length() + ")");
            return null;
        }
        return new AlarmEvent(SourceKind.GENERIC, source, name, "", resource, key, state, severity, attributes,
                receivedAt, time == null ? receivedAt : time);
    }

    private static Severity parseSeverity(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "critical" -> Severity.CRITICAL;
            case "major" -> Severity.MAJOR;
            case "minor" -> Severity.MINOR;
            case "warning" -> Severity.WARNING;
            case "indeterminate", "info", "unknown" -> Severity.INDETERMINATE;
            default -> null;
        };
    }
}
