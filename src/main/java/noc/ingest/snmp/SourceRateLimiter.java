package noc.ingest.snmp;

import java.util.HashMap;
import java.util.Map;

/**
 * A token bucket per source: each source may send {@code rate} traps a second, with bursts up to
 * {@code burst} more. Used by the listener thread only, so it needs no locking.
 */
final class SourceRateLimiter {

    /** Sources remembered at most; past this the idle state is forgotten (all sources start afresh). */
    private static final int MAX_SOURCES = 100_000;

    private final double ratePerNano;
    private final double capacity;
    private final Map<String, Bucket> buckets = new HashMap<>();

    SourceRateLimiter(int rate, int burst) {
        this.ratePerNano = rate / 1e9;
        this.capacity = Math.max(1, rate + burst);
    }

    /** Takes a token for {@code source} at {@code nanos}; false when the source is over its rate. */
    Decision take(String source, long nanos) {
        Bucket bucket = buckets.get(source);
        if (bucket == null) {
            if (buckets.size() >= MAX_SOURCES) {
                buckets.clear();
            }
            bucket = new Bucket(capacity, nanos);
            buckets.put(source, bucket);
        }
        bucket.tokens = Math.min(capacity, bucket.tokens + (nanos - bucket.updated) * ratePerNano);
        bucket.updated = nanos;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return Decision.ACCEPT;
        }
        // Tell the caller once per second of limiting, so that it can raise or refresh a storm alarm.
        if (nanos - bucket.lastStormNotice >= 1_000_000_000L || bucket.lastStormNotice == 0) {
            bucket.lastStormNotice = nanos == 0 ? 1 : nanos;
            return Decision.LIMIT_AND_NOTIFY;
        }
        return Decision.LIMIT;
    }

    enum Decision {
        ACCEPT, LIMIT, LIMIT_AND_NOTIFY
    }

    private static final class Bucket {
        double tokens;
        long updated;
        long lastStormNotice;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
