package noc.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

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
 * Sends SNMP v2c traps at a steady rate from simulated devices, for benchmarks:
 * {@code java -jar noc-correlator.jar loadgen --rate 20000 --seconds 10 --devices 500}.
 * Each device is named by the RFC 3584 snmpTrapAddress varbind, as if a proxy forwarded its traps;
 * the mix is 40% linkDown, 40% linkUp, 20% other notifications. The datagrams are encoded once
 * beforehand, so that the generator spends its time sending.
 */
public final class LoadGenerator {

    private static final OID LINK_DOWN = new OID("1.3.6.1.6.3.1.1.5.3");
    private static final OID LINK_UP = new OID("1.3.6.1.6.3.1.1.5.4");
    private static final OID[] OTHERS = {new OID("1.3.6.1.6.3.1.1.5.1"), new OID("1.3.6.1.6.3.1.1.5.5"),
            new OID("1.3.6.1.4.1.99999.0.1")};
    private static final OID SNMP_TRAP_ADDRESS = new OID("1.3.6.1.6.3.18.1.3.0");

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        List<ByteBuffer> datagrams = encode(options);
        InetSocketAddress target = new InetSocketAddress(options.host, options.port);
        long total = (long) options.rate * options.seconds;
        long sent = 0;
        try (DatagramChannel channel = DatagramChannel.open()) {
            long start = System.nanoTime();
            int next = 0;
            while (sent < total) {
                long due = Math.min(total, (System.nanoTime() - start) * options.rate / 1_000_000_000L + 1);
                if (sent >= due) {
                    LockSupport.parkNanos(100_000);
                    continue;
                }
                while (sent < due) {
                    channel.send(datagrams.get(next).duplicate(), target);
                    next = next + 1 == datagrams.size() ? 0 : next + 1;
                    sent++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "sent %d traps in %.2f s (%.0f/s) from %d devices to %s:%d%n",
                    sent, seconds, sent / seconds, options.devices, options.host, options.port);
        }
    }

    private static List<ByteBuffer> encode(Options options) throws IOException {
        Random random = new Random(options.seed);
        int count = Math.max(1, Math.min(options.distinct, options.rate * options.seconds));
        List<ByteBuffer> datagrams = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int device = random.nextInt(options.devices);
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
            datagrams.add(ByteBuffer.wrap(message(options.community, pdu)).asReadOnlyBuffer());
        }
        return datagrams;
    }

    /** A v2c message: SEQUENCE { version 1, community, PDU }. */
    private static byte[] message(String community, PDU pdu) throws IOException {
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
    }

    private record Options(String host, int port, int rate, int seconds, int devices, int distinct, String community,
                           long seed) {

        static Options parse(String[] args) {
            String host = "127.0.0.1";
            int port = 1162;
            int rate = 10_000;
            int seconds = 10;
            int devices = 500;
            int distinct = 20_000;
            String community = "public";
            long seed = 1;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--target" -> {
                        int colon = value.lastIndexOf(':');
                        host = colon < 0 ? value : value.substring(0, colon);
                        port = colon < 0 ? port : Integer.parseInt(value.substring(colon + 1));
                        i++;
                    }
                    case "--rate" -> { rate = Integer.parseInt(value); i++; }
                    case "--seconds" -> { seconds = Integer.parseInt(value); i++; }
                    case "--devices" -> { devices = Integer.parseInt(value); i++; }
                    case "--distinct" -> { distinct = Integer.parseInt(value); i++; }
                    case "--community" -> { community = value; i++; }
                    case "--seed" -> { seed = Long.parseLong(value); i++; }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: "
                            + "--target host:port --rate traps/s --seconds N --devices N --distinct N "
                            + "--community C --seed N");
                }
            }
            if (rate < 1 || seconds < 1 || devices < 1 || devices > 1 << 24) {
                throw new IllegalArgumentException("--rate, --seconds and --devices must be positive");
            }
            return new Options(host, port, rate, seconds, devices, distinct, community, seed);
        }
    }
}
