package noc.ingest.snmp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The informs seen lately, by sender and request ID: a sender that gets no answer in time sends the
 * same inform again, which must not become a second occurrence. A resend of one still waiting for
 * its commit is dropped; a resend of one already committed is answered again at once.
 */
final class InformMemory {

    private static final int SIZE = 10_000;
    private static final long KEEP_NANOS = 5L * 60 * 1_000_000_000;

    enum Seen {
        NEW, PENDING, COMMITTED
    }

    private final Map<String, long[]> informs = new LinkedHashMap<>(SIZE, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > SIZE;
        }
    };

    /** Records an inform if new; says what was known of it. {@code entry[0]}: seen at, [1]: committed. */
    synchronized Seen see(String key, long nanos) {
        long[] entry = informs.get(key);
        if (entry != null && nanos - entry[0] < KEEP_NANOS) {
            return entry[1] == 1 ? Seen.COMMITTED : Seen.PENDING;
        }
        informs.put(key, new long[] {nanos, 0});
        return Seen.NEW;
    }

    synchronized void committed(String key) {
        long[] entry = informs.get(key);
        if (entry != null) {
            entry[1] = 1;
        }
    }

    synchronized void forget(String key) {
        informs.remove(key);
    }
}
