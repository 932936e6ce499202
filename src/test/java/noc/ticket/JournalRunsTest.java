package noc.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class JournalRunsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private final JournalRuns runs = new JournalRuns();

    private static JournalEntry line(JournalAction action, int minute, String text) {
        return new JournalEntry("INC-2026-000001", T0.plusSeconds(60L * minute), JournalEntry.AuthorKind.RULE,
                "a rule", action, text, List.of("alarm:a"));
    }

    @Test
    void clearsAndReturnsOfOneAlarmAreCountedOnTheFirstLineOfEachAction() {
        assertThat(runs.counted(line(JournalAction.ALARM_CLEARED, 1, "cleared 1"), "a")).isNull();
        assertThat(runs.counted(line(JournalAction.ALARM_REPEATED_AFTER_CLEAR, 2, "back 1"), "a")).isNull();
        JournalEntry cleared = runs.counted(line(JournalAction.ALARM_CLEARED, 3, "cleared 2"), "a");
        JournalEntry back = runs.counted(line(JournalAction.ALARM_REPEATED_AFTER_CLEAR, 4, "back 2"), "a");

        assertThat(cleared.count()).isEqualTo(2);
        assertThat(cleared.at()).isEqualTo(T0.plusSeconds(60));
        assertThat(cleared.lastAt()).isEqualTo(T0.plusSeconds(180));
        assertThat(cleared.text()).isEqualTo("cleared 2");
        assertThat(back.count()).isEqualTo(2);
        assertThat(back.author()).isEqualTo("a rule");
    }

    @Test
    void anotherAlarmOrAnotherLineStartsANewLine() {
        runs.counted(line(JournalAction.ALARM_CLEARED, 1, "a cleared"), "a");
        assertThat(runs.counted(line(JournalAction.ALARM_CLEARED, 2, "b cleared"), "b")).isNull();
        assertThat(runs.counted(line(JournalAction.ALARM_CLEARED, 3, "b cleared again"), "b").count()).isEqualTo(2);

        runs.interrupted("INC-2026-000001");

        assertThat(runs.counted(line(JournalAction.ALARM_CLEARED, 4, "b cleared after a comment"), "b")).isNull();
    }
}
