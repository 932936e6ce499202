package noc.security;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;

/** Argon2id password hashes (OWASP's minimum: 19 MiB, 2 passes, 1 lane), in the PHC string format. */
public final class Passwords {

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
    /** A hash of a random password, checked when the user does not exist, so that both cost the same. */
    private static final String DECOY = ARGON2ID.hash(java.util.UUID.randomUUID().toString()).getResult();

    private Passwords() {
    }

    public static String hash(String password) {
        return ARGON2ID.hash(password).getResult();
    }

    public static boolean matches(String password, String hash) {
        try {
            return Argon2Function.getInstanceFromHash(hash).check(password, hash);
        } catch (RuntimeException e) {
            return false; // not an Argon2 hash: never a match
        }
    }

    /** Spends the time of a check, for a user that does not exist. */
    public static void checkDecoy(String password) {
        matches(password, DECOY);
    }

    /** A random password of {@code length} letters and digits, for the first admin. */
    public static String random(int length) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
