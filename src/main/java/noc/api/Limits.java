package noc.api;

/**
 * The messages of the constraints on request bodies, and the sizes of the columns they guard that
 * more than one body shares (see the Flyway migrations).
 */
public final class Limits {

    public static final String REQUIRED = "is required";
    public static final String AT_MOST = "must be at most {max} characters";
    public static final String AT_MOST_ITEMS = "must hold at most {max} items";
    public static final String EMAIL_ADDRESS = "must be an email address";
    public static final String PHONE_NUMBER = "must be a phone number such as +33 1 41 58 22 50";

    /** Names of inventory items, customers, contacts (VARCHAR(255)). */
    public static final int NAME = 255;
    /** A service's reference (VARCHAR(128)). */
    public static final int SERVICE_REFERENCE = 128;
    /** A contact's role (VARCHAR(64)). */
    public static final int ROLE = 64;
    /** A contact's phone (VARCHAR(64)). */
    public static final int PHONE = 64;
    /** A site's postal address (VARCHAR(1000)). */
    public static final int ADDRESS = 1000;
    /** A journal entry's text (VARCHAR(4000)). */
    public static final int JOURNAL_TEXT = 4000;

    private Limits() {
    }
}
