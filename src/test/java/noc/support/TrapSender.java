package noc.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.Arrays;

import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.GenericAddress;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/** Sends real SNMP v2c traps over UDP to 127.0.0.1. */
public final class TrapSender implements AutoCloseable {

    public static final OID LINK_DOWN = new OID("1.3.6.1.6.3.1.1.5.3");
    public static final OID LINK_UP = new OID("1.3.6.1.6.3.1.1.5.4");
    private static final OID SNMP_TRAP_ADDRESS = new OID("1.3.6.1.6.3.18.1.3.0");
    private static final OID IF_INDEX = new OID("1.3.6.1.2.1.2.2.1.1");
    private static final OID IF_ADMIN_STATUS = new OID("1.3.6.1.2.1.2.2.1.7");
    private static final OID IF_OPER_STATUS = new OID("1.3.6.1.2.1.2.2.1.8");

    private final Snmp snmp;
    private final CommunityTarget<org.snmp4j.smi.Address> target;

    public TrapSender(int port) {
        try {
            snmp = new Snmp(new DefaultUdpTransportMapping());
            snmp.listen();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        target = new CommunityTarget<>(GenericAddress.parse("udp:127.0.0.1/" + port), new OctetString("public"));
        target.setVersion(SnmpConstants.version2c);
    }

    /** A link trap about {@code device}, as a proxy forwards it (RFC 3584 snmpTrapAddress.0). */
    public void link(OID trap, String device, int ifIndex) {
        PDU pdu = linkPdu(trap, ifIndex);
        pdu.add(new VariableBinding(SNMP_TRAP_ADDRESS, new IpAddress(device)));
        send(pdu);
    }

    /** A link trap about the sender itself (127.0.0.1). */
    public void link(OID trap, int ifIndex) {
        send(linkPdu(trap, ifIndex));
    }

    /** The bytes of a link trap about the sender itself as they leave a sender, caught on 127.0.0.1. */
    public static byte[] linkDatagram(OID trap, int ifIndex) {
        try (DatagramSocket capture = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             TrapSender sender = new TrapSender(capture.getLocalPort())) {
            capture.setSoTimeout(5000);
            sender.link(trap, ifIndex);
            DatagramPacket packet = new DatagramPacket(new byte[65535], 65535);
            capture.receive(packet);
            return Arrays.copyOf(packet.getData(), packet.getLength());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDU linkPdu(OID trap, int ifIndex) {
        PDU pdu = new PDU();
        pdu.setType(PDU.TRAP);
        pdu.add(new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(12345)));
        pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID, trap));
        pdu.add(new VariableBinding(new OID(IF_INDEX).append(ifIndex), new Integer32(ifIndex)));
        pdu.add(new VariableBinding(new OID(IF_ADMIN_STATUS).append(ifIndex), new Integer32(1)));
        pdu.add(new VariableBinding(new OID(IF_OPER_STATUS).append(ifIndex),
                new Integer32(trap.equals(LINK_DOWN) ? 2 : 1)));
        return pdu;
    }

    /**
     * Sends a linkDown as a v2c inform with the given request ID, as a sender resending it would,
     * and says whether an answer came within two seconds.
     */
    public boolean informLinkDown(String device, int ifIndex, int requestId) {
        PDU pdu = linkPdu(LINK_DOWN, ifIndex);
        pdu.add(new VariableBinding(SNMP_TRAP_ADDRESS, new IpAddress(device)));
        pdu.setType(PDU.INFORM);
        pdu.setRequestID(new Integer32(requestId));
        target.setTimeout(2000);
        target.setRetries(0);
        try {
            var response = snmp.send(pdu, target);
            return response != null && response.getResponse() != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(PDU pdu) {
        try {
            snmp.send(pdu, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        snmp.close();
    }
}
