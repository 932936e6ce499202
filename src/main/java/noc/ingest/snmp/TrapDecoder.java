package noc.ingest.snmp;

import java.net.InetAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.snmp4j.PDU;
import org.snmp4j.PDUv1;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

import noc.alarm.AlarmEvent;
import noc.alarm.EventState;
import noc.alarm.Severity;
import noc.alarm.SourceKind;
import noc.ingest.mib.MibRegistry;

/**
 * Turns a trap or inform PDU into an {@link AlarmEvent}: names the notification and its varbinds
 * from the MIBs, finds the device it is about and the resource it concerns. Pure and thread-safe.
 */
public final class TrapDecoder {

    /** RFC 3584 section 3: the generic v1 traps and their SNMPv2 notification OIDs. */
    private static final OID SNMP_TRAPS = new OID("1.3.6.1.6.3.1.1.5");
    private static final OID SNMP_TRAP_ADDRESS = new OID("1.3.6.1.6.3.18.1.3.0");
    private static final int ENTERPRISE_SPECIFIC = 6;

    private final MibRegistry mibs;

    public TrapDecoder(MibRegistry mibs) {
        this.mibs = mibs;
    }

    /**
     * @param peer       the UDP source of the packet
     * @param receivedAt the engine-clock time it arrived
     */
    public AlarmEvent decode(PDU pdu, InetAddress peer, Instant receivedAt) throws MalformedTrapException {
        OID trapOid;
        String source = peer.getHostAddress();
        int firstVarbind;
        if (pdu instanceof PDUv1 v1) {
            if (pdu.getType() != PDU.V1TRAP) {
                throw new MalformedTrapException("not a notification");
            }
            trapOid = v1NotificationOid(v1);
            IpAddress agent = v1.getAgentAddress();
            if (agent != null && !agent.getInetAddress().isAnyLocalAddress()) {
                source = agent.getInetAddress().getHostAddress();
            }
            firstVarbind = 0;
        } else {
            if (pdu.getType() != PDU.TRAP && pdu.getType() != PDU.INFORM) {
                throw new MalformedTrapException("not a notification");
            }
            if (pdu.size() < 2 || !SnmpConstants.sysUpTime.equals(pdu.get(0).getOid())
                    || !SnmpConstants.snmpTrapOID.equals(pdu.get(1).getOid())) {
                throw new MalformedTrapException("no sysUpTime.0 and snmpTrapOID.0 first");
            }
            if (!(pdu.get(1).getVariable() instanceof OID notification)) {
                throw new MalformedTrapException("snmpTrapOID.0 is not an OID");
            }
            trapOid = notification;
            firstVarbind = 2;
        }

        Map<String, String> attributes = new LinkedHashMap<>();
        String resource = "";
        for (int i = firstVarbind; i < pdu.size(); i++) {
            VariableBinding binding = pdu.get(i);
            OID oid = binding.getOid();
            if (SNMP_TRAP_ADDRESS.equals(oid) && binding.getVariable() instanceof IpAddress forwarded) {
                // RFC 3584 3.1: a proxy forwarding a trap names the original agent here.
                source = forwarded.getInetAddress().getHostAddress();
            }
            String name = mibs.variableName(oid.getValue());
            attributes.merge(name, render(oid, binding.getVariable()), (a, b) -> a + "," + b);
            if (resource.isEmpty() && isInstance(oid, name)) {
                resource = name;
            }
        }

        String name = mibs.notificationName(trapOid.getValue());
        return new AlarmEvent(SourceKind.SNMP, source, name, trapOid.toDottedString(), resource,
                AlarmEvent.defaultReductionKey(source, name, resource), EventState.RAISE, Severity.INDETERMINATE, attributes,
                receivedAt, receivedAt);
    }

    private static OID v1NotificationOid(PDUv1 v1) throws MalformedTrapException {
        int generic = v1.getGenericTrap();
        if (generic >= 0 && generic < ENTERPRISE_SPECIFIC) {
            OID oid = new OID(SNMP_TRAPS);
            oid.append(generic + 1);
            return oid;
        }
        if (generic != ENTERPRISE_SPECIFIC || v1.getEnterprise() == null || v1.getEnterprise().size() == 0) {
            throw new MalformedTrapException("bad v1 generic trap " + generic);
        }
        OID oid = new OID(v1.getEnterprise());
        oid.append(0);
        oid.append(v1.getSpecificTrap());
        return oid;
    }

    /** A table column instance ({@code ifIndex.3}) rather than a scalar ({@code sysName.0}). */
    private static boolean isInstance(OID oid, String name) {
        int dot = name.indexOf('.');
        return dot > 0 && !name.endsWith(".0") && !Character.isDigit(name.charAt(0)) && oid.size() > 0;
    }

    private String render(OID oid, Variable value) {
        if (value instanceof OID reference) {
            return mibs.notificationName(reference.getValue());
        }
        if (value instanceof OctetString text) {
            return text.isPrintable() ? text.toString() : text.toHexString();
        }
        if (value instanceof TimeTicks ticks) {
            return Long.toString(ticks.getValue());
        }
        if (value.getSyntax() == org.snmp4j.smi.SMIConstants.SYNTAX_INTEGER) {
            long number = value.toLong();
            String label = mibs.enumLabel(oid.getValue(), number);
            return label != null ? label : Long.toString(number);
        }
        return value.toString();
    }
}
