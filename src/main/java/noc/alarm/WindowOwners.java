package noc.alarm;

/**
 * The maintenance windows of other sessions that cover devices of this one (role {@code engine};
 * docs/correlation-domains.md, "50-maintenance.drl"): an alarm first raised under one is sent to the
 * session that holds it, and follows the tickets that session gives it until that session lets it go.
 * One process has none ({@link #NONE}).
 */
public interface WindowOwners {

    WindowOwners NONE = new WindowOwners() {
        @Override
        public String ownerOf(String source) {
            return null;
        }
    };

    /** The domain of the session holding an active window of another session that covers {@code source}, or null. */
    String ownerOf(String source);
}
