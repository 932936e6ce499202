package noc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Durations in the journal's words, which customers read too. */
class DurationsTest {

    @Test
    void aDurationIsSaidInItsLargestWholeUnit() {
        assertThat(Durations.inWords(Duration.ofDays(1))).isEqualTo("1 day");
        assertThat(Durations.inWords(Duration.ofHours(48))).isEqualTo("2 days");
        assertThat(Durations.inWords(Duration.ofHours(4))).isEqualTo("4 hours");
        assertThat(Durations.inWords(Duration.ofMinutes(90))).isEqualTo("90 minutes");
        assertThat(Durations.inWords(Duration.ofSeconds(3))).isEqualTo("3 seconds");
        assertThat(Durations.inWords(Duration.ofSeconds(1))).isEqualTo("1 second");
    }
}
