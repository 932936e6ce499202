package noc.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The counted time of a ticket (P-3, P-4.3): waits and resolutions do not count. */
class SlaClockTest {

    private static final Instant OPENED = Instant.parse("2026-12-01T08:00:00Z");

    private static Instant at(Duration offset) {
        return OPENED.plus(offset);
    }

    @Test
    void theClockStopsAtTheResolutionAndRunsAgainFromTheDispute() {
        SlaClock clock = SlaClock.started(Duration.ofHours(4)).stopped(at(Duration.ofMinutes(50)));

        assertThat(clock.elapsedAt(OPENED, at(Duration.ofHours(23)))).isEqualTo(Duration.ofMinutes(50));

        SlaClock disputed = clock.restarted(at(Duration.ofHours(23)));
        assertThat(disputed.resolvedAt()).isNull();
        assertThat(disputed.elapsedAt(OPENED, at(Duration.ofHours(24)))).isEqualTo(Duration.ofMinutes(110));
        assertThat(disputed.restoreDueAt(OPENED, at(Duration.ofHours(24))))
                .isEqualTo(at(Duration.ofHours(23).plusMinutes(4 * 60 - 50)));
    }

    @Test
    void aResolutionEndsAWaitInProgress() {
        SlaClock waiting = SlaClock.started(Duration.ofHours(4)).waiting(at(Duration.ofMinutes(10)));

        SlaClock resolved = waiting.stopped(at(Duration.ofMinutes(40)));

        assertThat(resolved.waitingSince()).isNull();
        assertThat(resolved.paused()).isEqualTo(Duration.ofMinutes(30));
        assertThat(resolved.elapsedAt(OPENED, at(Duration.ofHours(5)))).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void restartingAClockThatRunsChangesNothing() {
        SlaClock running = SlaClock.started(Duration.ofHours(4));

        assertThat(running.restarted(at(Duration.ofHours(1)))).isEqualTo(running);
    }
}
