package noc.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import noc.alarm.AlarmEvent;
import noc.alarm.EventState;
import noc.alarm.Severity;
import noc.alarm.SourceKind;

/** Alarm events as the SNMP intake would decode them, for rule tests. */
public final class Events {

    private Events() {
    }

    public static AlarmEvent linkDown(String source, int ifIndex, Instant at) {
        return link("IF-MIB::linkDown", "1.3.6.1.6.3.1.1.5.3", "down(2)", source, ifIndex, at);
    }

    public static AlarmEvent linkUp(String source, int ifIndex, Instant at) {
        return link("IF-MIB::linkUp", "1.3.6.1.6.3.1.1.5.4", "up(1)", source, ifIndex, at);
    }

    private static AlarmEvent link(String name, String oid, String status, String source, int ifIndex, Instant at) {
        String resource = "ifIndex." + ifIndex;
        Map<String, String> varbinds = new LinkedHashMap<>();
        varbinds.put(resource, Integer.toString(ifIndex));
        varbinds.put("ifAdminStatus." + ifIndex, "up(1)");
        varbinds.put("ifOperStatus." + ifIndex, status);
        return new AlarmEvent(SourceKind.SNMP, source, name, oid, resource,
                AlarmEvent.defaultReductionKey(source, name, resource), EventState.RAISE, Severity.INDETERMINATE,
                varbinds, at, at);
    }
}
