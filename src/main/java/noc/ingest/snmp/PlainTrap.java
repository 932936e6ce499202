package noc.ingest.snmp;

import java.util.ArrayList;
import java.util.List;

/**
 * A v1 or v2c trap read straight from its datagram: the listener's short path for the traffic a
 * storm is made of, which skips SNMP4J's message dispatcher and its objects (a third of the
 * listener's CPU and most of its allocation at 30,000 traps/s: bench/README.md).
 *
 * <p>It reads only what it understands entirely: a message of version 1 carrying a Trap-PDU, or of
 * version 2c carrying an SNMPv2-Trap-PDU, with definite lengths that add up, no byte left over, and
 * varbind values of the usual types (INTEGER, OCTET STRING, OBJECT IDENTIFIER, IpAddress, Counter32,
 * Gauge32, TimeTicks, Counter64). For anything else, informs and v3 included, {@link #read} answers
 * null and the datagram takes SNMP4J's path, which decodes it or counts what is wrong with it as
 * before. What it reads decodes to the alarm SNMP4J's PDU decodes to ({@code PlainTrapTest} compares
 * the two on generated and on damaged datagrams).
 *
 * @param version     0 for SNMPv1, 1 for SNMPv2c (the message's own number)
 * @param community   the community string's bytes
 * @param enterprise  v1 only: the enterprise OID; null for v2c
 * @param agent       v1 only: the agent address (4 bytes); null for v2c
 * @param generic     v1 only: the generic trap number
 * @param specific    v1 only: the specific trap number
 * @param bindings    the varbinds, in their order
 */
record PlainTrap(int version, byte[] community, int[] enterprise, byte[] agent, int generic, int specific,
                 List<Binding> bindings) {

    static final int VERSION_1 = 0;
    static final int VERSION_2C = 1;

    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int OBJECT_IDENTIFIER = 0x06;
    static final int IP_ADDRESS = 0x40;
    static final int COUNTER32 = 0x41;
    static final int GAUGE32 = 0x42;
    static final int TIMETICKS = 0x43;
    static final int COUNTER64 = 0x46;

    private static final int SEQUENCE = 0x30;
    private static final int V1_TRAP = 0xA4;
    private static final int V2_TRAP = 0xA7;
    /** SNMP4J's longest OID. */
    private static final int MAX_OID_LENGTH = 128;
    private static final long MAX_SUBIDENTIFIER = 0xFFFF_FFFFL;

    /**
     * One varbind.
     *
     * @param oid    its name
     * @param type   its value's BER tag, one of the constants above
     * @param number the value of an INTEGER (signed), Counter32, Gauge32, TimeTicks (unsigned) or
     *               Counter64 (unsigned, in a long's 64 bits)
     * @param bytes  the value of an OCTET STRING or an IpAddress
     * @param value  the value of an OBJECT IDENTIFIER
     */
    record Binding(int[] oid, int type, long number, byte[] bytes, int[] value) {
    }

    /** The trap in {@code datagram}, or null when it is not one this path reads (SNMP4J then does). */
    static PlainTrap read(byte[] datagram) {
        try {
            return new Reader(datagram).message();
        } catch (Declined | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Thrown where the short path stops reading; never seen outside {@link #read}. */
    private static final class Declined extends RuntimeException {
        private static final Declined INSTANCE = new Declined();

        private Declined() {
            super(null, null, false, false);
        }
    }

    private static final class Reader {
        private final byte[] in;
        private int at;

        Reader(byte[] in) {
            this.in = in;
        }

        PlainTrap message() {
            int end = open(SEQUENCE);
            if (end != in.length) {
                throw Declined.INSTANCE;
            }
            int version = (int) integer();
            byte[] community = octets(open(OCTET_STRING));
            int tag = in[at] & 0xFF;
            if (version == VERSION_1 && tag == V1_TRAP) {
                int pduEnd = open(V1_TRAP);
                int[] enterprise = oid(open(OBJECT_IDENTIFIER));
                int agentEnd = open(IP_ADDRESS);
                if (agentEnd - at != 4) {
                    throw Declined.INSTANCE;
                }
                byte[] agent = octets(agentEnd);
                int generic = (int) integer();
                int specific = (int) integer();
                unsigned(open(TIMETICKS), 4);
                return new PlainTrap(version, community, enterprise, agent, generic, specific, bindings(pduEnd, false));
            }
            if (version == VERSION_2C && tag == V2_TRAP) {
                int pduEnd = open(V2_TRAP);
                integer(); // request-id
                integer(); // error-status
                integer(); // error-index
                return new PlainTrap(version, community, null, null, 0, 0, bindings(pduEnd, true));
            }
            throw Declined.INSTANCE;
        }

        /** The VarBindList that ends the PDU, which ends the message (Counter64 only in v2c: RFC 3584 4.1.2.1). */
        private List<Binding> bindings(int pduEnd, boolean counter64) {
            int end = open(SEQUENCE);
            if (end != pduEnd || end != in.length) {
                throw Declined.INSTANCE;
            }
            List<Binding> bindings = new ArrayList<>(8);
            while (at < end) {
                int bindingEnd = open(SEQUENCE);
                int[] oid = oid(open(OBJECT_IDENTIFIER));
                int type = in[at] & 0xFF;
                int valueEnd = open(type);
                Binding binding = switch (type) {
                    case INTEGER -> new Binding(oid, type, signed(valueEnd), null, null);
                    case OCTET_STRING -> new Binding(oid, type, 0, octets(valueEnd), null);
                    case OBJECT_IDENTIFIER -> new Binding(oid, type, 0, null, oid(valueEnd));
                    case IP_ADDRESS -> {
                        if (valueEnd - at != 4) {
                            throw Declined.INSTANCE;
                        }
                        yield new Binding(oid, type, 0, octets(valueEnd), null);
                    }
                    case COUNTER32, GAUGE32, TIMETICKS -> new Binding(oid, type, unsigned(valueEnd, 4), null, null);
                    case COUNTER64 -> {
                        if (!counter64) {
                            throw Declined.INSTANCE;
                        }
                        yield new Binding(oid, type, unsigned(valueEnd, 8), null, null);
                    }
                    default -> throw Declined.INSTANCE;
                };
                if (at != bindingEnd) {
                    throw Declined.INSTANCE;
                }
                bindings.add(binding);
            }
            return bindings;
        }

        /** Reads a tag and a definite length; answers where the contents end. */
        private int open(int tag) {
            if ((in[at++] & 0xFF) != tag) {
                throw Declined.INSTANCE;
            }
            int first = in[at++] & 0xFF;
            int length;
            if (first < 0x80) {
                length = first;
            } else {
                int count = first & 0x7F;
                if (count == 0 || count > 3) { // indefinite, or beyond any datagram
                    throw Declined.INSTANCE;
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | (in[at++] & 0xFF);
                }
            }
            if (length > in.length - at) {
                throw Declined.INSTANCE;
            }
            return at + length;
        }

        private long integer() {
            return signed(open(INTEGER));
        }

        /** A two's complement integer of 1 to 4 bytes, as SNMP4J reads an INTEGER. */
        private long signed(int end) {
            int length = end - at;
            if (length < 1 || length > 4) {
                throw Declined.INSTANCE;
            }
            int value = in[at++]; // sign-extended
            while (at < end) {
                value = (value << 8) | (in[at++] & 0xFF);
            }
            return value;
        }

        /** An unsigned integer of at most {@code size} bytes, with one leading zero byte allowed beyond. */
        private long unsigned(int end, int size) {
            int length = end - at;
            if (length < 1 || length > size + 1 || (length == size + 1 && in[at] != 0)) {
                throw Declined.INSTANCE;
            }
            long value = 0;
            while (at < end) {
                value = (value << 8) | (in[at++] & 0xFF);
            }
            return value;
        }

        private byte[] octets(int end) {
            byte[] bytes = new byte[end - at];
            System.arraycopy(in, at, bytes, 0, bytes.length);
            at = end;
            return bytes;
        }

        /** An OID whose first byte holds its first two arcs (below 2), as RFC 2578 allows. */
        private int[] oid(int end) {
            if (end == at || (in[at] & 0xFF) >= 80) {
                throw Declined.INSTANCE; // empty, or arc 2: left to SNMP4J
            }
            int[] arcs = new int[Math.min(end - at + 1, MAX_OID_LENGTH + 1)];
            int first = in[at++];
            arcs[0] = first / 40;
            arcs[1] = first % 40;
            int count = 2;
            while (at < end) {
                long arc = 0;
                int b;
                do {
                    if (at == end) {
                        throw Declined.INSTANCE; // the last byte still says "more"
                    }
                    b = in[at++] & 0xFF;
                    arc = (arc << 7) | (b & 0x7F);
                    if (arc > MAX_SUBIDENTIFIER) {
                        throw Declined.INSTANCE;
                    }
                } while ((b & 0x80) != 0);
                if (count == MAX_OID_LENGTH) {
                    throw Declined.INSTANCE;
                }
                arcs[count++] = (int) arc;
            }
            return count == arcs.length ? arcs : java.util.Arrays.copyOf(arcs, count);
        }
    }
}
