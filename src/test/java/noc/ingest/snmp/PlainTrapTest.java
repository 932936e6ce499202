package noc.ingest.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.PDUv1;
import org.snmp4j.TransportStateReference;
import org.snmp4j.asn1.BER;
import org.snmp4j.asn1.BEROutputStream;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Opaque;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DummyTransport;

import noc.alarm.AlarmEvent;
import noc.ingest.mib.MibRegistry;

/**
 * The listener's short path ({@link PlainTrap}) against SNMP4J's own: every datagram the short path
 * reads must decode to the alarm SNMP4J's PDU of the same bytes decodes to, or fail the same way;
 * the traffic devices send must take the short path; damaged datagrams it reads must be ones SNMP4J
 * reads alike.
 */
class PlainTrapTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private static final OID[] NAMES = {new OID("1.3.6.1.2.1.2.2.1.1.7"), new OID("1.3.6.1.2.1.2.2.1.7.7"),
            new OID("1.3.6.1.2.1.2.2.1.8.7"), new OID("1.3.6.1.2.1.31.1.1.1.1.7"), new OID("1.3.6.1.2.1.1.5.0"),
            new OID("1.3.6.1.4.1.9.9.41.1.2.3.1.5.12"), new OID("1.3.6.1.4.1.99999.1.4294967295.2"),
            new OID("1.3.6.1.6.3.18.1.3.0")};
    private static TrapDecoder decoder;
    private static InetAddress peer;

    @BeforeAll
    static void setUp() throws Exception {
        decoder = new TrapDecoder(MibRegistry.load(List.of()));
        peer = InetAddress.getByName("198.51.100.7");
    }

    @Test
    void generatedV2cAndV1TrapsTakeTheShortPathAndDecodeAsThroughSnmp4j() throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < 3_000; i++) {
            byte[] datagram = i % 3 == 0 ? v1(random) : TrapDatagrams.v2c(community(random), v2(random));
            PlainTrap plain = PlainTrap.read(datagram);
            assertThat(plain).as("datagram %d read by the short path", i).isNotNull();
            assertSameAlarm(datagram, plain, i);
        }
    }

    @Test
    void theLoadGeneratorsMixTakesTheShortPath() throws Exception {
        for (byte[] datagram : TrapDatagrams.mix("public", 500, 100, 3)) {
            PlainTrap plain = PlainTrap.read(datagram);
            assertThat(plain).isNotNull();
            assertSameAlarm(datagram, plain, 0);
        }
    }

    @Test
    void damagedDatagramsAreReadOnlyWhereSnmp4jReadsThemAlike() throws Exception {
        Random random = new Random(5);
        int read = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] datagram = damaged(i % 3 == 0 ? v1(random) : TrapDatagrams.v2c(community(random), v2(random)), random);
            PlainTrap plain = PlainTrap.read(datagram);
            if (plain != null) {
                read++;
                assertSameAlarm(datagram, plain, i);
            }
        }
        assertThat(read).as("damaged datagrams still read (a change of a value's byte)").isGreaterThan(1_000);
    }

    @Test
    void whatTheShortPathDoesNotReadIsLeftToSnmp4j() {
        PDU inform = v2(new Random(1));
        inform.setType(PDU.INFORM);
        PDU get = v2(new Random(2));
        get.setType(PDU.GET);
        PDU withNull = v2(new Random(3));
        withNull.add(new VariableBinding(NAMES[4], new Null()));
        PDU withOpaque = v2(new Random(4));
        withOpaque.add(new VariableBinding(NAMES[4], new Opaque(new byte[] {1, 2})));
        PDU arcTwo = v2(new Random(5));
        arcTwo.add(new VariableBinding(new OID("2.999.1"), new Integer32(1)));
        byte[] trap = TrapDatagrams.v2c("public", v2(new Random(6)));

        assertThat(PlainTrap.read(TrapDatagrams.v2c("public", inform))).isNull();
        assertThat(PlainTrap.read(TrapDatagrams.v2c("public", get))).isNull();
        assertThat(PlainTrap.read(TrapDatagrams.v2c("public", withNull))).isNull();
        assertThat(PlainTrap.read(TrapDatagrams.v2c("public", withOpaque))).isNull();
        assertThat(PlainTrap.read(TrapDatagrams.v2c("public", arcTwo))).isNull();
        assertThat(PlainTrap.read(Arrays.copyOf(trap, trap.length + 1))).as("a byte left over").isNull();
        assertThat(PlainTrap.read(Arrays.copyOf(trap, trap.length - 1))).as("cut short").isNull();
        assertThat(PlainTrap.read(new byte[0])).isNull();
        byte[] v3 = trap.clone();
        v3[4] = 3; // version 3 with a v2c body
        assertThat(PlainTrap.read(v3)).isNull();
    }

    /** The short path's alarm equals SNMP4J's, or both fail with the same reason. */
    private static void assertSameAlarm(byte[] datagram, PlainTrap plain, int index) throws Exception {
        PDU pdu = snmp4j(datagram);
        assertThat(pdu).as("datagram %d (%s) read by SNMP4J too", index, hex(datagram)).isNotNull();
        String expected;
        try {
            expected = describe(decoder.decode(pdu, peer, NOW));
        } catch (MalformedTrapException e) {
            expected = "malformed: " + e.getMessage();
        }
        String actual;
        try {
            actual = describe(decoder.decode(plain, peer, NOW));
        } catch (MalformedTrapException e) {
            actual = "malformed: " + e.getMessage();
        }
        assertThat(actual).as("datagram %d (%s)", index, hex(datagram)).isEqualTo(expected);
    }

    private static String describe(AlarmEvent event) {
        return event + " " + event.attributes();
    }

    /** The PDU SNMP4J's dispatcher hands the listener for {@code datagram}, or null when it refuses it. */
    private static PDU snmp4j(byte[] datagram) {
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv1());
        dispatcher.addMessageProcessingModel(new MPv2c());
        List<PDU> received = new ArrayList<>();
        dispatcher.addCommandResponder(new org.snmp4j.CommandResponder() {
            @Override
            public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> event) {
                received.add(event.getPDU());
                event.setProcessed(true);
            }
        });
        DummyTransport<UdpAddress> transport = new DummyTransport<>(new UdpAddress("127.0.0.1/162"));
        dispatcher.processMessage(transport, new UdpAddress(peer, 40000), ByteBuffer.wrap(datagram),
                new TransportStateReference(transport, new UdpAddress(peer, 40000), null, SecurityLevel.undefined,
                        SecurityLevel.undefined, false, null));
        return received.isEmpty() ? null : received.get(0);
    }

    private static PDU v2(Random random) {
        PDU pdu = new PDU();
        pdu.setType(PDU.TRAP);
        pdu.setRequestID(new Integer32(random.nextInt()));
        int shape = random.nextInt(20);
        if (shape != 0) {
            pdu.add(new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(random.nextInt() & 0xFFFF_FFFFL)));
        }
        if (shape != 1) {
            pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID,
                    shape == 2 ? new Integer32(3) : random.nextBoolean() ? new OID("1.3.6.1.6.3.1.1.5." + (1 + random.nextInt(6)))
                            : new OID(new int[] {1, 3, 6, 1, 4, 1, random.nextInt(), 0, random.nextInt(100)})));
        }
        addBindings(pdu, random);
        return pdu;
    }

    private static void addBindings(PDU pdu, Random random) {
        int count = random.nextInt(7);
        for (int i = 0; i < count; i++) {
            // SNMPv1 has no Counter64 (RFC 3584 4.1.2.1)
            pdu.add(new VariableBinding(NAMES[random.nextInt(NAMES.length)], value(random, pdu instanceof PDUv1 ? 9 : 10)));
        }
    }

    private static Variable value(Random random, int kinds) {
        return switch (random.nextInt(kinds)) {
            case 0 -> new Integer32(random.nextInt());
            case 1 -> new Integer32(random.nextInt(8) - 2);
            case 2 -> new OctetString(random.nextBoolean() ? "ge-0/0/" + random.nextInt(48) : "");
            case 3 -> {
                byte[] bytes = new byte[random.nextInt(9)];
                random.nextBytes(bytes);
                yield new OctetString(bytes);
            }
            case 4 -> new OctetString("line one\r\n\tline two " + (char) (0x20 + random.nextInt(95)));
            case 5 -> new OID(new int[] {1, 3, 6, 1, random.nextInt(), random.nextInt(1000)});
            case 6 -> new IpAddress(new byte[] {10, (byte) random.nextInt(), (byte) random.nextInt(), (byte) random.nextInt()});
            case 7 -> random.nextBoolean() ? new Counter32(random.nextInt() & 0xFFFF_FFFFL)
                    : new Gauge32(random.nextInt() & 0xFFFF_FFFFL);
            case 8 -> new TimeTicks(random.nextInt() & 0xFFFF_FFFFL);
            default -> new Counter64(random.nextInt(3) == 0 ? 0 : random.nextLong());
        };
    }

    private static String community(Random random) {
        return random.nextInt(4) == 0 ? "n0c-rw-" + random.nextInt(100) : "public";
    }

    /** A v1 message: SEQUENCE { version 0, community, Trap-PDU }, of a generic or enterprise trap. */
    private static byte[] v1(Random random) {
        PDUv1 pdu = new PDUv1();
        pdu.setType(PDU.V1TRAP);
        pdu.setEnterprise(new OID(new int[] {1, 3, 6, 1, 4, 1, 1 + random.nextInt(50_000), 1 + random.nextInt(5)}));
        pdu.setAgentAddress(random.nextInt(4) == 0 ? new IpAddress("0.0.0.0")
                : new IpAddress(new byte[] {(byte) 192, 0, 2, (byte) random.nextInt()}));
        int generic = random.nextInt(8) == 0 ? 9 : random.nextInt(7);
        pdu.setGenericTrap(generic);
        pdu.setSpecificTrap(generic == 6 ? random.nextInt(100) : 0);
        pdu.setTimestamp(random.nextInt() & 0xFFFF_FFFFL);
        addBindings(pdu, random);
        return message(0, community(random), pdu);
    }

    private static byte[] message(int version, String community, PDU pdu) {
        try {
            ByteArrayOutputStream pduBytes = new ByteArrayOutputStream();
            pdu.encodeBER(pduBytes);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            BER.encodeInteger(body, BER.INTEGER, version);
            new OctetString(community).encodeBER(body);
            body.write(pduBytes.toByteArray());
            BEROutputStream out = new BEROutputStream(ByteBuffer.allocate(body.size() + 8));
            BER.encodeHeader(out, BER.SEQUENCE, body.size());
            out.write(body.toByteArray());
            return Arrays.copyOf(out.getBuffer().array(), out.getBuffer().position());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One damage: a byte changed, cut short, a byte added, or a length made longer. */
    private static byte[] damaged(byte[] datagram, Random random) {
        int at = random.nextInt(datagram.length);
        return switch (random.nextInt(4)) {
            case 0, 1 -> {
                byte[] copy = datagram.clone();
                copy[at] = (byte) (random.nextBoolean() ? random.nextInt() : copy[at] ^ (1 << random.nextInt(8)));
                yield copy;
            }
            case 2 -> Arrays.copyOf(datagram, at);
            default -> {
                byte[] copy = new byte[datagram.length + 1];
                System.arraycopy(datagram, 0, copy, 0, at);
                copy[at] = (byte) random.nextInt();
                System.arraycopy(datagram, at, copy, at + 1, datagram.length - at);
                yield copy;
            }
        };
    }

    private static String hex(byte[] bytes) {
        return new BigInteger(1, bytes).toString(16);
    }
}
