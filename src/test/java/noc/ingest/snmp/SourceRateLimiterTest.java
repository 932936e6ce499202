package noc.ingest.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import noc.ingest.snmp.SourceRateLimiter.Decision;

/** Per-source limits that many other (spoofed) sources cannot reset. */
class SourceRateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aSourceGetsItsRateAndBurstThenIsLimitedAndToldOncePerSecond() {
        SourceRateLimiter limiter = new SourceRateLimiter(10, 5);
        for (int i = 0; i < 15; i++) {
            assertThat(limiter.take("192.0.2.1", 0)).isEqualTo(Decision.ACCEPT);
        }
        assertThat(limiter.take("192.0.2.1", 0)).isEqualTo(Decision.LIMIT_AND_NOTIFY);
        assertThat(limiter.take("192.0.2.1", 1)).isEqualTo(Decision.LIMIT);
        assertThat(limiter.take("192.0.2.2", 1)).isEqualTo(Decision.ACCEPT);
        // A tenth of a second later, one token is back.
        assertThat(limiter.take("192.0.2.1", SECOND / 10 + 1)).isEqualTo(Decision.ACCEPT);
    }

    @Test
    void manyNewSourcesForgetTheIdleOnesButNeverOneBeingLimited() {
        SourceRateLimiter limiter = new SourceRateLimiter(10, 0, 100);
        for (int i = 0; i < 100; i++) {
            limiter.take("198.51.100." + i, 0);
        }
        assertThat(limiter.sources()).isEqualTo(100);

        // Two seconds on, every bucket has refilled; one source floods again and is limited.
        long now = 2 * SECOND;
        while (limiter.take("198.51.100.7", now) == Decision.ACCEPT) {
            // drain
        }
        // A thousand newcomers: the refilled sources are forgotten to make room, the flooding one is not...
        for (int i = 0; i < 1000; i++) {
            limiter.take("203.0.113." + i, now);
        }
        assertThat(limiter.sources()).isLessThanOrEqualTo(100);
        // ...so it is still limited: a forgotten source would start afresh with a full bucket.
        assertThat(limiter.take("198.51.100.7", now)).isNotEqualTo(Decision.ACCEPT);
    }

    @Test
    void whenNoSourceCanBeForgottenNewcomersShareOneOverflowBucket() {
        SourceRateLimiter limiter = new SourceRateLimiter(10, 0, 3);
        for (String busy : new String[] {"a", "b", "c"}) {
            while (limiter.take(busy, 0) == Decision.ACCEPT) {
                // drain
            }
        }
        java.util.List<Decision> decisions = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            decisions.add(limiter.take("spoofed-" + i, 1));
        }
        assertThat(decisions).filteredOn(d -> d == Decision.ACCEPT).hasSize(10);
        // The overflow's limiting is told apart, once a second, not pinned on one of the newcomers.
        assertThat(decisions).filteredOn(d -> d == Decision.OVERFLOW_LIMIT_AND_NOTIFY).hasSize(1);
        assertThat(decisions).doesNotContain(Decision.LIMIT_AND_NOTIFY);
        assertThat(limiter.sources()).isEqualTo(3);
    }
}
