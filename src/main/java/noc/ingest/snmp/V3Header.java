package noc.ingest.snmp;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.snmp4j.asn1.BER;
import org.snmp4j.asn1.BERInputStream;

/** Reads just enough of a message to tell an SNMPv3 message with privacy (encryption) on. */
final class V3Header {

    private static final int VERSION_3 = 3;
    private static final int PRIVACY_FLAG = 0x02;

    private V3Header() {
    }

    static boolean isEncrypted(ByteBuffer message) {
        ByteBuffer bytes = message.duplicate();
        bytes.position(0);
        try {
            BERInputStream in = new BERInputStream(bytes);
            BER.MutableByte type = new BER.MutableByte();
            BER.decodeHeader(in, type);
            if (BER.decodeInteger(in, type) != VERSION_3) {
                return false;
            }
            BER.decodeHeader(in, type); // msgGlobalData
            BER.decodeInteger(in, type); // msgID
            BER.decodeInteger(in, type); // msgMaxSize
            byte[] flags = BER.decodeString(in, type);
            return flags.length == 1 && (flags[0] & PRIVACY_FLAG) != 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
