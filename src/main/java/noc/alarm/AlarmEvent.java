package noc.alarm;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

import org.kie.api.definition.type.Role;

/**
 * One occurrence of an alarm as an intake decoded it: a short-lived event fact. The rules fold it
 * into the {@link Alarm} of its reduction key, or use it to clear one, and then it is gone: an
 * occurrence no rule consumed is taken out by the engine once the rules have fired on it.
 *
 * <p>Its Drools timestamp is the session clock at its insert (the engine moves that clock to the
 * injected one), not {@code receivedAt} through {@code @Timestamp}: Drools reads a {@code @Timestamp}
 * property with MVEL's interpreter at every insert, which made a fifth of the engine thread's
 * allocation in a trap storm (bench/README.md, "Where the time went"). The rules read
 * {@code receivedAt}; none uses Drools' temporal operators.
 *
 * @param sourceKind   the intake it came through
 * @param source       the device (or monitoring system) it is about, as an address or name
 * @param name         the alarm type, MIB-named where possible ({@code IF-MIB::linkDown})
 * @param oid          the numeric notification OID, or empty for non-SNMP alarms
 * @param resource     the part of the device it is about ({@code ifIndex.3}), or empty
 * @param reductionKey the key under which repeats collapse into one alarm
 * @param state        whether the sender raises the problem or says it is over
 * @param severity     the severity the intake assigned; rules may classify further
 * @param attributes   varbinds by name (or labels), in arrival order
 * @param receivedAt   processing time, from the injected clock: drives every business clock
 * @param eventTime    when the sender says it happened, if it says
 * @param keyed        whether a rule already gave it its reduction key (see {@code alarms.rekey})
 */
@io.micronaut.serde.annotation.Serdeable
@Role(Role.Type.EVENT)
public record AlarmEvent(
        SourceKind sourceKind,
        String source,
        String name,
        String oid,
        String resource,
        String reductionKey,
        EventState state,
        Severity severity,
        Map<String, String> attributes,
        Instant receivedAt,
        Instant eventTime,
        boolean keyed) {

    public AlarmEvent {
        requireNonNull(sourceKind, "sourceKind is null");
        requireNonNull(source, "source is null");
        requireNonNull(name, "name is null");
        requireNonNull(oid, "oid is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(reductionKey, "reductionKey is null");
        requireNonNull(state, "state is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(receivedAt, "receivedAt is null");
        requireNonNull(eventTime, "eventTime is null");
        // Column sizes: what no intake should send is cut rather than refused by the database.
        source = Text.limit(source, 255);
        name = Text.limit(name, 255);
        oid = Text.limit(oid, 255);
        resource = Text.limit(resource, 255);
        reductionKey = Text.limit(reductionKey, 700);
        attributes = Attributes.frozen(requireNonNull(attributes, "attributes is null"));
    }

    /** An event as an intake decodes it, with the default or given reduction key. */
    public AlarmEvent(SourceKind sourceKind, String source, String name, String oid, String resource,
                      String reductionKey, EventState state, Severity severity, Map<String, String> attributes,
                      Instant receivedAt, Instant eventTime) {
        this(sourceKind, source, name, oid, resource, reductionKey, state, severity, attributes, receivedAt,
                eventTime, false);
    }

    /** This event under another reduction key, marked as keyed by a rule. */
    public AlarmEvent withReductionKey(String key) {
        return new AlarmEvent(sourceKind, source, name, oid, resource, key, state, severity, attributes, receivedAt,
                eventTime, true);
    }

    /**
     * Renders a reduction-key template: {@code {source}}, {@code {name}}, {@code {resource}},
     * {@code {oid}} and {@code {attribute:NAME}} (empty when absent) are replaced by this event's values.
     */
    public String render(String template) {
        StringBuilder key = new StringBuilder();
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                key.append(template, at, template.length());
                break;
            }
            key.append(template, at, open);
            String field = template.substring(open + 1, close);
            key.append(switch (field) {
                case "source" -> source;
                case "name" -> name;
                case "resource" -> resource;
                case "oid" -> oid;
                default -> field.startsWith("attribute:") ? attributes.getOrDefault(field.substring(10), "")
                        : "{" + field + "}";
            });
            at = close + 1;
        }
        return key.toString();
    }

    /** The default reduction key: one alarm per source, alarm type and resource. */
    public static String defaultReductionKey(String source, String name, String resource) {
        return resource.isEmpty() ? source + "|" + name : source + "|" + name + "|" + resource;
    }

    // JavaBean accessors for the rule language.
    public SourceKind getSourceKind() { return sourceKind; }
    public String getSource() { return source; }
    public String getName() { return name; }
    public String getOid() { return oid; }
    public String getResource() { return resource; }
    public String getReductionKey() { return reductionKey; }
    public EventState getState() { return state; }
    public boolean isClearing() { return state == EventState.CLEAR; }
    public boolean isKeyed() { return keyed; }
    public Severity getSeverity() { return severity; }
    public Map<String, String> getAttributes() { return attributes; }
    public Instant getReceivedAt() { return receivedAt; }
    public Instant getEventTime() { return eventTime; }
}
