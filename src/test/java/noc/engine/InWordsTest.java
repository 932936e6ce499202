package noc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Durations in the journal's words, which customers read too. */
class InWordsTest {

    @Test
    void aDurationIsSaidInItsLargestWholeUnit() {
        assertThat(Actions.inWords(Duration.ofDays(1))).isEqualTo("1 day");
        assertThat(Actions.inWords(Duration.ofHours(48))).isEqualTo("2 days");
        assertThat(Actions.inWords(Duration.ofHours(4))).isEqualTo("4 hours");
        assertThat(Actions.inWords(Duration.ofMinutes(90))).isEqualTo("90 minutes");
        assertThat(Actions.inWords(Duration.ofSeconds(3))).isEqualTo("3 seconds");
        assertThat(Actions.inWords(Duration.ofSeconds(1))).isEqualTo("1 second");
    }
}
