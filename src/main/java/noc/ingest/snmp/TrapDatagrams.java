package noc.ingest.snmp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.snmp4j.PDU;
import org.snmp4j.asn1.BER;
import org.snmp4j.asn1.BEROutputStream;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.VariableBinding;

/**
 * SNMP v2c trap datagrams as devices send them: the load generator's traffic, and the traffic the
 * listener warms its decoding path with before its socket opens. Device {@code i} is named by the
 * RFC 3584 snmpTrapAddress varbind {@code 10.x.y.z} (its number in the last three bytes), as if a
 * proxy forwarded its traps; the mix is 40 % linkDown, 40 % linkUp, 20 % other notifications.
 */
public final class TrapDatagrams {

    private static final OID LINK_DOWN = new OID("1.3.6.1.6.3.1.1.5.3");
    private static final OID LINK_UP = new OID("1.3.6.1.6.3.1.1.5.4");
    private static final OID[] OTHERS = {new OID("1.3.6.1.6.3.1.1.5.1"), new OID("1.3.6.1.6.3.1.1.5.5"),
            new OID("1.3.6.1.4.1.99999.0.1")};
    private static final OID SNMP_TRAP_ADDRESS = new OID("1.3.6.1.6.3.18.1.3.0");

    private TrapDatagrams() {
    }

    /** {@code count} datagrams from {@code devices} devices, each a random trap of the mix. */
    public static List<byte[]> mix(String community, int count, int devices, long seed) {
        Random random = new Random(seed);
        List<byte[]> datagrams = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int device = random.nextInt(devices);
            int ifIndex = 1 + random.nextInt(48);
            int kind = random.nextInt(10);
            OID trap = kind < 4 ? LINK_DOWN : kind < 8 ? LINK_UP : OTHERS[random.nextInt(OTHERS.length)];
            PDU pdu = new PDU();
            pdu.setType(PDU.TRAP);
            pdu.setRequestID(new Integer32(i + 1));
            pdu.add(new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(1000L + i)));
            pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID, trap));
            if (trap.equals(LINK_DOWN) || trap.equals(LINK_UP)) {
                pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.1").append(ifIndex), new Integer32(ifIndex)));
                pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.7").append(ifIndex), new Integer32(1)));
                pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.8").append(ifIndex),
                        new Integer32(trap.equals(LINK_DOWN) ? 2 : 1)));
            }
            pdu.add(new VariableBinding(SNMP_TRAP_ADDRESS,
                    new IpAddress(new byte[] {10, (byte) (device >> 16), (byte) (device >> 8), (byte) device})));
            datagrams.add(v2c(community, pdu));
        }
        return datagrams;
    }

    /** A v2c message: SEQUENCE { version 1, community, PDU }. */
    public static byte[] v2c(String community, PDU pdu) {
        try {
            ByteArrayOutputStream pduBytes = new ByteArrayOutputStream();
            pdu.encodeBER(pduBytes);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            BER.encodeInteger(body, BER.INTEGER, SnmpConstants.version2c);
            new OctetString(community).encodeBER(body);
            body.write(pduBytes.toByteArray());
            BEROutputStream message = new BEROutputStream(ByteBuffer.allocate(body.size() + 8));
            BER.encodeHeader(message, BER.SEQUENCE, body.size());
            message.write(body.toByteArray());
            byte[] bytes = new byte[message.getBuffer().position()];
            message.getBuffer().flip();
            message.getBuffer().get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
    }
}
