package noc.ingest.snmp;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A token bucket per source: each source may send {@code rate} traps a second, with bursts up to
 * {@code burst} more. Used by the listener thread only, so it needs no locking.
 *
 * <p>It remembers {@code maxSources} sources at most. When a new one comes and the table is full,
 * the sources whose buckets have refilled are forgotten (a fresh bucket is the same); a source that
 * is being limited is never forgotten, so that sending from many spoofed addresses cannot reset its
 * limit. If no source can be forgotten, new sources share one overflow bucket until some can; its
 * limiting is told apart ({@link Decision#OVERFLOW_LIMIT_AND_NOTIFY}), so that no storm is pinned on
 * whichever address happened to hit it.
 */
final class SourceRateLimiter {

    static final int MAX_SOURCES = 100_000;
    private static final long SECOND = 1_000_000_000L;

    private final double ratePerNano;
    private final double capacity;
    private final int maxSources;
    private final Map<String, Bucket> buckets = new HashMap<>();
    private final Bucket overflow;
    private long lastEviction = Long.MIN_VALUE;

    SourceRateLimiter(int rate, int burst) {
        this(rate, burst, MAX_SOURCES);
    }

    SourceRateLimiter(int rate, int burst, int maxSources) {
        this.ratePerNano = rate / 1e9;
        this.capacity = Math.max(1, rate + burst);
        this.maxSources = maxSources;
        this.overflow = new Bucket(capacity, 0);
    }

    /** Takes a token for {@code source} at {@code nanos}; false when the source is over its rate. */
    synchronized Decision take(String source, long nanos) {
        Bucket bucket = buckets.get(source);
        if (bucket == null) {
            if (buckets.size() >= maxSources) {
                evictRefilled(nanos);
            }
            if (buckets.size() >= maxSources) {
                bucket = overflow;
            } else {
                bucket = new Bucket(capacity, nanos);
                buckets.put(source, bucket);
            }
        }
        refill(bucket, nanos);
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return Decision.ACCEPT;
        }
        // Tell the caller once per second of limiting, so that it can raise or refresh a storm alarm.
        if (nanos - bucket.lastStormNotice >= SECOND || bucket.lastStormNotice == 0) {
            bucket.lastStormNotice = nanos == 0 ? 1 : nanos;
            return bucket == overflow ? Decision.OVERFLOW_LIMIT_AND_NOTIFY : Decision.LIMIT_AND_NOTIFY;
        }
        return Decision.LIMIT;
    }

    /** How many sources are remembered. */
    int sources() {
        return buckets.size();
    }

    private void refill(Bucket bucket, long nanos) {
        bucket.tokens = Math.min(capacity, bucket.tokens + (nanos - bucket.updated) * ratePerNano);
        bucket.updated = nanos;
    }

    /** Forgets the sources whose buckets are full again; scans at most once a second. */
    private void evictRefilled(long nanos) {
        if (lastEviction != Long.MIN_VALUE && nanos - lastEviction < SECOND) {
            return;
        }
        lastEviction = nanos;
        for (Iterator<Bucket> iterator = buckets.values().iterator(); iterator.hasNext(); ) {
            Bucket bucket = iterator.next();
            refill(bucket, nanos);
            if (bucket.tokens >= capacity) {
                iterator.remove();
            }
        }
    }

    enum Decision {
        ACCEPT, LIMIT, LIMIT_AND_NOTIFY, OVERFLOW_LIMIT_AND_NOTIFY
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
