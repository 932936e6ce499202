package noc.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import noc.alarm.AlarmEvent;
import noc.alarm.EventState;
import noc.alarm.Severity;
import noc.alarm.SourceKind;
import noc.engine.Domain;
import noc.inventory.Device;
import noc.inventory.InventoryItem;

/**
 * Alarm events shaped like a NOC's traffic in a storm, for the engine's warm-up: what the benchmarks'
 * load generator sends ({@code noc.tools.LoadGenerator}), as the trap decoder turns it into events
 * (40 % IF-MIB::linkDown, 40 % IF-MIB::linkUp on one of 48 interfaces, 10 % other notifications),
 * plus 10 % Prometheus Alertmanager alerts, half of them resolved. The sources are the inventory's
 * device addresses, so that the rules join the events to devices, services and customers as they
 * would in production; with no device known, addresses of the benchmarking range 198.18.0.0/15.
 * Like the load generator's datagrams, {@value #DISTINCT} distinct events are sent in turn, so that a
 * long warm-up repeats alarms as a storm does instead of opening ever more of them. The same
 * inventory gives the same series (a fixed random seed).
 */
final class SyntheticTraffic implements Domain.Traffic {

    private static final int DISTINCT = 20_000;
    private static final int INTERFACES = 48;
    private static final int SYNTHETIC_SOURCES = 500;
    private static final String LINK_DOWN = "1.3.6.1.6.3.1.1.5.3";
    private static final String LINK_UP = "1.3.6.1.6.3.1.1.5.4";
    /** Other notifications: oid and name as the MIB registry names them. */
    private static final String[][] OTHERS = {{"1.3.6.1.6.3.1.1.5.1", "SNMPv2-MIB::coldStart"},
            {"1.3.6.1.6.3.1.1.5.5", "SNMPv2-MIB::authenticationFailure"},
            {"1.3.6.1.4.1.99999.0.1", "SNMPv2-SMI::enterprises.99999.0.1"}};
    private static final String[] ALERTS = {"HighLatency", "DiskFull", "InstanceDown"};
    private static final Severity[] ALERT_SEVERITIES = {Severity.WARNING, Severity.MAJOR, Severity.CRITICAL};

    private final List<String> sources;
    private final Random random = new Random(1);
    /** The distinct events, made as they are first sent, then sent again in turn with a new time. */
    private final List<AlarmEvent> sent = new ArrayList<>();
    private int next;

    SyntheticTraffic(List<InventoryItem> inventory) {
        List<String> addresses = new ArrayList<>();
        for (InventoryItem item : inventory) {
            if (item instanceof Device device) {
                addresses.addAll(device.addresses());
            }
        }
        if (addresses.isEmpty()) {
            for (int i = 0; i < SYNTHETIC_SOURCES; i++) {
                addresses.add("198.18." + (i >> 8) + "." + (i & 0xff));
            }
        }
        this.sources = List.copyOf(addresses);
    }

    @Override
    public List<Object> next(int count, Instant now) {
        List<Object> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (sent.size() < DISTINCT) {
                AlarmEvent event = next(now);
                sent.add(event);
                events.add(event);
            } else {
                AlarmEvent again = sent.get(next);
                next = (next + 1) % sent.size();
                events.add(new AlarmEvent(again.sourceKind(), again.source(), again.name(), again.oid(),
                        again.resource(), again.reductionKey(), again.state(), again.severity(), again.attributes(),
                        now, now));
            }
        }
        return events;
    }

    private AlarmEvent next(Instant now) {
        String source = sources.get(random.nextInt(sources.size()));
        int kind = random.nextInt(10);
        if (kind < 8) {
            return link(source, kind < 4, 1 + random.nextInt(INTERFACES), now);
        }
        if (kind == 8) {
            String[] other = OTHERS[random.nextInt(OTHERS.length)];
            return trap(source, other[0], other[1], "", Map.of("snmpTrapAddress.0", source), now);
        }
        return alert(source, random.nextInt(ALERTS.length), random.nextBoolean(), now);
    }

    /** A link trap forwarded by a proxy (RFC 3584 snmpTrapAddress.0), as the trap decoder makes it. */
    private static AlarmEvent link(String source, boolean down, int ifIndex, Instant now) {
        Map<String, String> varbinds = new LinkedHashMap<>();
        varbinds.put("ifIndex." + ifIndex, Integer.toString(ifIndex));
        varbinds.put("ifAdminStatus." + ifIndex, "up(1)");
        varbinds.put("ifOperStatus." + ifIndex, down ? "down(2)" : "up(1)");
        varbinds.put("snmpTrapAddress.0", source);
        return trap(source, down ? LINK_DOWN : LINK_UP, down ? "IF-MIB::linkDown" : "IF-MIB::linkUp",
                "ifIndex." + ifIndex, varbinds, now);
    }

    private static AlarmEvent trap(String source, String oid, String name, String resource,
                                   Map<String, String> varbinds, Instant now) {
        return new AlarmEvent(SourceKind.SNMP, source, name, oid, resource,
                AlarmEvent.defaultReductionKey(source, name, resource), EventState.RAISE, Severity.INDETERMINATE,
                varbinds, now, now);
    }

    /** An Alertmanager alert about {@code source}, firing or resolved, as the HTTP intake makes it. */
    private static AlarmEvent alert(String source, int which, boolean resolved, Instant now) {
        String fingerprint = Integer.toHexString((source + ALERTS[which]).hashCode());
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", ALERTS[which]);
        labels.put("instance", source);
        labels.put("job", "node");
        labels.put("severity", ALERT_SEVERITIES[which].name().toLowerCase(java.util.Locale.ROOT));
        labels.put("fingerprint", fingerprint);
        return new AlarmEvent(SourceKind.ALERTMANAGER, source, ALERTS[which], "", "", "alertmanager|" + fingerprint,
                resolved ? EventState.CLEAR : EventState.RAISE, ALERT_SEVERITIES[which], labels, now, now);
    }
}
