package noc.ingest.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micronaut.json.tree.JsonNode;
import noc.alarm.AlarmEvent;
import noc.api.FieldReader;
import noc.alarm.EventState;
import noc.alarm.Severity;
import noc.alarm.SourceKind;

/**
 * Turns Prometheus Alertmanager's webhook payload (version 4) into alarm events: a firing alert
 * raises, a resolved one clears, the fingerprint is the reduction key; labels are kept as attributes,
 * annotations as {@code annotation.<name>}.
 */
final class AlertmanagerDecoder {

    private static final String KEY_PREFIX = "alertmanager|";

    private AlertmanagerDecoder() {
    }

    static List<AlarmEvent> decode(JsonNode body, Instant receivedAt, FieldReader fields, int maxAlerts) {
        List<AlarmEvent> events = new ArrayList<>();
        if (!body.isObject()) {
            fields.error("", "must be an Alertmanager webhook object");
            return events;
        }
        String version = fields.requiredString(body, "version", "version");
        if (version != null && !version.equals("4")) {
            fields.error("version", "must be \"4\" (Alertmanager's webhook format), not \"" + version + "\"");
        }
        JsonNode alerts = body.get("alerts");
        if (alerts == null || !alerts.isArray() || alerts.size() == 0) {
            fields.error("alerts", "must be a non-empty array");
            return events;
        }
        if (alerts.size() > maxAlerts) {
            fields.error("alerts", "has " + alerts.size() + " alerts; at most " + maxAlerts + " per request");
            return events;
        }
        String externalUrl = fields.optionalString(body, "externalURL", "externalURL", "");
        for (int i = 0; i < alerts.size(); i++) {
            AlarmEvent event = decodeAlert(alerts.get(i), "alerts[" + i + "]", externalUrl, receivedAt, fields);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    private static AlarmEvent decodeAlert(JsonNode alert, String path, String externalUrl, Instant receivedAt,
                                          FieldReader fields) {
        if (!alert.isObject()) {
            fields.error(path, "must be an object");
            return null;
        }
        String status = fields.requiredString(alert, "status", path + ".status");
        if (status != null && !status.equals("firing") && !status.equals("resolved")) {
            fields.error(path + ".status", "must be firing or resolved, not " + status);
        }
        Map<String, String> labels = fields.optionalScalars(alert, "labels", path + ".labels");
        String alertname = labels.get("alertname");
        if (alertname == null || alertname.isBlank()) {
            fields.error(path + ".labels.alertname", "is required");
        }
        Map<String, String> annotations = fields.optionalScalars(alert, "annotations", path + ".annotations");
        Instant startsAt = fields.optionalTime(alert, "startsAt", path + ".startsAt");
        Instant endsAt = fields.optionalTime(alert, "endsAt", path + ".endsAt");
        String fingerprint = fields.optionalString(alert, "fingerprint", path + ".fingerprint", "");
        String generatorUrl = fields.optionalString(alert, "generatorURL", path + ".generatorURL", "");
        // The alarm's columns: refused whole rather than cut.
        fields.length(alertname, Columns.NAME, path + ".labels.alertname");
        String source = labels.getOrDefault("instance", labels.getOrDefault("job", "alertmanager"));
        fields.length(source, Columns.SOURCE, path + ".labels." + (labels.containsKey("instance") ? "instance" : "job"));
        fields.length(fingerprint, Columns.REDUCTION_KEY - KEY_PREFIX.length(), path + ".fingerprint");
        if (!fields.ok() || status == null || alertname == null) {
            return null;
        }
        if (fingerprint.isBlank()) {
            fingerprint = fingerprintOf(labels); // older Alertmanagers send none
        }
        Map<String, String> attributes = new LinkedHashMap<>(labels);
        annotations.forEach((name, value) -> attributes.put("annotation." + name, value));
        if (!generatorUrl.isEmpty()) {
            attributes.put("generatorURL", generatorUrl);
        }
        if (!externalUrl.isEmpty()) {
            attributes.put("alertmanagerURL", externalUrl);
        }
        attributes.put("fingerprint", fingerprint);
        boolean resolved = status.equals("resolved");
        Instant eventTime = resolved && endsAt != null ? endsAt : startsAt != null ? startsAt : receivedAt;
        return new AlarmEvent(SourceKind.ALERTMANAGER, source, alertname, "", "", KEY_PREFIX + fingerprint,
                resolved ? EventState.CLEAR : EventState.RAISE, severity(labels.get("severity")), attributes,
                receivedAt, eventTime);
    }

    static Severity severity(String label) {
        if (label == null) {
            return Severity.INDETERMINATE;
        }
        return switch (label.toLowerCase(java.util.Locale.ROOT)) {
            case "critical", "emergency", "alert", "page" -> Severity.CRITICAL;
            case "major", "error", "high" -> Severity.MAJOR;
            case "minor", "medium" -> Severity.MINOR;
            case "warning", "warn", "low" -> Severity.WARNING;
            default -> Severity.INDETERMINATE;
        };
    }

    private static String fingerprintOf(Map<String, String> labels) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(labels).forEach((name, value) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0xff);
                digest.update(value.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0xff);
            });
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
