package noc.ingest.snmp;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
    private static final int[] SNMP_TRAPS = {1, 3, 6, 1, 6, 3, 1, 1, 5};
    private static final OID SNMP_TRAP_ADDRESS = new OID("1.3.6.1.6.3.18.1.3.0");
    private static final int[] SNMP_TRAP_ADDRESS_ARCS = SNMP_TRAP_ADDRESS.getValue();
    private static final int[] SYS_UP_TIME = SnmpConstants.sysUpTime.getValue();
    private static final int[] SNMP_TRAP_OID = SnmpConstants.snmpTrapOID.getValue();
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
            resource = attribute(attributes, resource, oid.getValue(), render(oid, binding.getVariable()));
        }
        return event(source, trapOid.getValue(), resource, attributes, receivedAt);
    }

    /**
     * The same for a trap read by the listener's short path ({@link PlainTrap}): the same alarm as
     * SNMP4J's PDU of the same datagram gives.
     */
    public AlarmEvent decode(PlainTrap trap, InetAddress peer, Instant receivedAt) throws MalformedTrapException {
        List<PlainTrap.Binding> bindings = trap.bindings();
        String source = peer.getHostAddress();
        int[] trapOid;
        int firstVarbind;
        if (trap.version() == PlainTrap.VERSION_1) {
            trapOid = v1NotificationOid(trap.generic(), trap.enterprise(), trap.specific());
            byte[] agent = trap.agent();
            if ((agent[0] | agent[1] | agent[2] | agent[3]) != 0) {
                source = dotted(agent);
            }
            firstVarbind = 0;
        } else {
            if (bindings.size() < 2 || !Arrays.equals(SYS_UP_TIME, bindings.get(0).oid())
                    || !Arrays.equals(SNMP_TRAP_OID, bindings.get(1).oid())) {
                throw new MalformedTrapException("no sysUpTime.0 and snmpTrapOID.0 first");
            }
            if (bindings.get(1).type() != PlainTrap.OBJECT_IDENTIFIER) {
                throw new MalformedTrapException("snmpTrapOID.0 is not an OID");
            }
            trapOid = bindings.get(1).value();
            firstVarbind = 2;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        String resource = "";
        for (int i = firstVarbind; i < bindings.size(); i++) {
            PlainTrap.Binding binding = bindings.get(i);
            if (binding.type() == PlainTrap.IP_ADDRESS && Arrays.equals(SNMP_TRAP_ADDRESS_ARCS, binding.oid())) {
                source = dotted(binding.bytes()); // RFC 3584 3.1, as above
            }
            resource = attribute(attributes, resource, binding.oid(), render(binding));
        }
        return event(source, trapOid, resource, attributes, receivedAt);
    }

    /** Adds one varbind's value under its MIB name; answers the resource, the first table instance. */
    private String attribute(Map<String, String> attributes, String resource, int[] oid, String value) {
        String name = mibs.variableName(oid);
        attributes.merge(name, value, (a, b) -> a + "," + b);
        return resource.isEmpty() && isInstance(oid, name) ? name : resource;
    }

    private AlarmEvent event(String source, int[] trapOid, String resource, Map<String, String> attributes,
                             Instant receivedAt) {
        String name = mibs.notificationName(trapOid);
        return new AlarmEvent(SourceKind.SNMP, source, name, dottedOid(trapOid), resource,
                AlarmEvent.defaultReductionKey(source, name, resource), EventState.RAISE, Severity.INDETERMINATE, attributes,
                receivedAt, receivedAt);
    }

    private static OID v1NotificationOid(PDUv1 v1) throws MalformedTrapException {
        OID enterprise = v1.getEnterprise();
        return new OID(v1NotificationOid(v1.getGenericTrap(), enterprise == null ? null : enterprise.getValue(),
                v1.getSpecificTrap()));
    }

    private static int[] v1NotificationOid(int generic, int[] enterprise, int specific) throws MalformedTrapException {
        if (generic >= 0 && generic < ENTERPRISE_SPECIFIC) {
            int[] oid = Arrays.copyOf(SNMP_TRAPS, SNMP_TRAPS.length + 1);
            oid[SNMP_TRAPS.length] = generic + 1;
            return oid;
        }
        if (generic != ENTERPRISE_SPECIFIC || enterprise == null || enterprise.length == 0) {
            throw new MalformedTrapException("bad v1 generic trap " + generic);
        }
        int[] oid = Arrays.copyOf(enterprise, enterprise.length + 2);
        oid[enterprise.length + 1] = specific;
        return oid;
    }

    /** A table column instance ({@code ifIndex.3}) rather than a scalar ({@code sysName.0}). */
    private static boolean isInstance(int[] oid, String name) {
        int dot = name.indexOf('.');
        return dot > 0 && !name.endsWith(".0") && !Character.isDigit(name.charAt(0)) && oid.length > 0;
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
            return integer(oid.getValue(), value.toLong());
        }
        return value.toString();
    }

    /** As {@link #render(OID, Variable)} renders the SNMP4J value of the same bytes. */
    private String render(PlainTrap.Binding binding) {
        return switch (binding.type()) {
            case PlainTrap.OBJECT_IDENTIFIER -> mibs.notificationName(binding.value());
            case PlainTrap.OCTET_STRING -> printable(binding.bytes())
                    ? new String(binding.bytes(), StandardCharsets.ISO_8859_1) : hex(binding.bytes());
            case PlainTrap.INTEGER -> integer(binding.oid(), binding.number());
            case PlainTrap.IP_ADDRESS -> dotted(binding.bytes());
            case PlainTrap.COUNTER64 -> Long.toUnsignedString(binding.number());
            default -> Long.toString(binding.number()); // Counter32, Gauge32, TimeTicks
        };
    }

    private String integer(int[] oid, long number) {
        String label = mibs.enumLabel(oid, number);
        return label != null ? label : Long.toString(number);
    }

    /** SNMP4J's {@code OctetString.isPrintable}: printable ASCII and the whitespace controls tab to CR. */
    private static boolean printable(byte[] bytes) {
        for (byte b : bytes) {
            if ((b < 0x20 || b > 0x7E) && (b < 0x09 || b > 0x0D)) {
                return false;
            }
        }
        return true;
    }

    /** SNMP4J's {@code OctetString.toHexString}: two lower-case digits a byte, colon between. */
    private static String hex(byte[] bytes) {
        char[] text = new char[Math.max(0, bytes.length * 3 - 1)];
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                text[i * 3 - 1] = ':';
            }
            text[i * 3] = Character.forDigit((bytes[i] >> 4) & 0xF, 16);
            text[i * 3 + 1] = Character.forDigit(bytes[i] & 0xF, 16);
        }
        return new String(text);
    }

    private static String dotted(byte[] address) {
        return (address[0] & 0xFF) + "." + (address[1] & 0xFF) + "." + (address[2] & 0xFF) + "." + (address[3] & 0xFF);
    }

    /** SNMP4J's {@code OID.toDottedString}: each arc unsigned. */
    private static String dottedOid(int[] oid) {
        StringBuilder text = new StringBuilder(oid.length * 4);
        for (int i = 0; i < oid.length; i++) {
            if (i > 0) {
                text.append('.');
            }
            text.append(oid[i] & 0xFFFF_FFFFL);
        }
        return text.toString();
    }
}
