package noc.ingest.snmp;

import java.util.List;
import java.util.Locale;

import org.snmp4j.security.AuthHMAC128SHA224;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;

/** Builds the USM of the listener from the configured users, refusing a bad one by its key. */
final class UsmUsers {

    private UsmUsers() {
    }

    /** The protocols the listener accepts: SHA-1 must be added by hand since SNMP4J 3.x. */
    static SecurityProtocols protocols() {
        SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.defaultSecurity);
        protocols.addAuthenticationProtocol(new AuthSHA());
        return protocols;
    }

    static void addAll(USM usm, List<UsmUserConfiguration> users) {
        for (UsmUserConfiguration user : users) {
            String key = "noc.snmp.usm-users[" + user.index() + "]";
            OctetString name = new OctetString(user.name());
            OID auth = authProtocol(key, user.authProtocol());
            if (user.authPassphrase().length() < 8) {
                throw new IllegalArgumentException(key + ".auth-passphrase must have at least 8 characters");
            }
            OID priv = null;
            OctetString privPassphrase = null;
            if (user.privProtocol() != null && !user.privProtocol().isBlank()) {
                priv = privProtocol(key, user.privProtocol());
                if (user.privPassphrase() == null || user.privPassphrase().length() < 8) {
                    throw new IllegalArgumentException(key + ".priv-passphrase must have at least 8 characters");
                }
                privPassphrase = new OctetString(user.privPassphrase());
            }
            UsmUser usmUser = new UsmUser(name, auth, new OctetString(user.authPassphrase()), priv, privPassphrase);
            if (user.engineId() != null && !user.engineId().isBlank()) {
                usm.addUser(name, engineId(key, user.engineId()), usmUser);
            }
            // Without an engine ID the user is localised for whichever engine sends (informs, and
            // traps from engines not listed).
            usm.addUser(name, usmUser);
        }
    }

    static OID authProtocol(String key, String text) {
        return switch (normalise(text)) {
            case "SHA", "SHA1" -> AuthSHA.ID;
            case "SHA224" -> AuthHMAC128SHA224.ID;
            case "SHA256" -> AuthHMAC192SHA256.ID;
            case "SHA384" -> AuthHMAC256SHA384.ID;
            case "SHA512" -> AuthHMAC384SHA512.ID;
            default -> throw new IllegalArgumentException(key + ".auth-protocol must be SHA-1, SHA-224, SHA-256, "
                    + "SHA-384 or SHA-512, not " + text);
        };
    }

    static OID privProtocol(String key, String text) {
        return switch (normalise(text)) {
            case "AES", "AES128" -> PrivAES128.ID;
            case "AES192" -> PrivAES192.ID;
            case "AES256" -> PrivAES256.ID;
            default -> throw new IllegalArgumentException(key + ".priv-protocol must be AES-128, AES-192 or AES-256, "
                    + "not " + text);
        };
    }

    static OctetString engineId(String key, String hex) {
        String digits = hex.strip().replaceFirst("^0[xX]", "").replace(":", "");
        if (!digits.matches("([0-9a-fA-F]{2}){5,32}")) {
            throw new IllegalArgumentException(key + ".engine-id must be 5 to 32 bytes in hex, not " + hex);
        }
        return OctetString.fromHexStringPairs(digits.toLowerCase(Locale.ROOT));
    }

    private static String normalise(String text) {
        return text.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "").strip();
    }
}
