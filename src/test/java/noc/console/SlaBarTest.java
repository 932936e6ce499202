package noc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaBarTest {

    @ParameterizedTest(name = "{1} min of {0} counted, breached {2}, waiting {3}: {4} at {5} %")
    @CsvSource({
            "PT4H, 0,   false, false, ON_TIME,  0.0000",
            "PT4H, 179, false, false, ON_TIME,  74.5833",
            "PT4H, 180, false, false, LATE,     75.0000",
            "PT4H, 239, false, false, LATE,     99.5833",
            "PT4H, 240, false, false, BREACHED, 100.0000",
            "PT4H, 300, false, false, BREACHED, 100.0000",
            "PT4H, 10,  true,  false, BREACHED, 4.1667",
            "PT4H, 200, false, true,  FROZEN,   83.3333",
            "PT4H, 300, true,  true,  FROZEN,   100.0000"})
    void theBarIsAmberFromThreeQuartersRedWhenBreachedAndFrozenWhileWaiting(Duration objective, long minutes,
                                                                           boolean breached, boolean waiting,
                                                                           SlaBar.State state, String width) {
        SlaBar bar = SlaBar.of(objective, Duration.ofMinutes(minutes), breached, waiting);
        assertThat(bar.state()).isEqualTo(state);
        assertThat(bar.width()).isEqualTo(width);
    }

    @ParameterizedTest
    @CsvSource({"0, 0 min", "59, 59 min", "60, 1 h 00", "125, 2 h 05", "1510, 25 h 10"})
    void durationsReadAsASupportCentreWritesThem(long minutes, String text) {
        assertThat(SlaBar.text(Duration.ofMinutes(minutes))).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(value = {"null", "PT0S"}, nullValues = "null")
    void aPriorityWithoutObjectiveHasNoBar(Duration objective) {
        SlaBar bar = SlaBar.of(objective, Duration.ofMinutes(5), false, false);
        assertThat(bar.state()).isEqualTo(SlaBar.State.NONE);
        assertThat(bar.css()).isEqualTo("sla-none");
    }
}
