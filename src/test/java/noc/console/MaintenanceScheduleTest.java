package noc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import noc.console.MaintenanceSchedule.Bar;
import noc.console.MaintenanceSchedule.State;
import noc.maintenance.MaintenanceStore.Overrun;
import noc.maintenance.MaintenanceWindow;
import noc.maintenance.Recurrence;

/** The timeline's bars: which occurrences meet a span, where they sit on it, and the state of each. */
class MaintenanceScheduleTest {

    private static final Instant FROM = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-09T00:00:00Z");

    @Test
    void aWindowThatBeganBeforeTheSpanIsClippedAtItsStart() {
        MaintenanceWindow window = window("2026-03-01T22:00:00Z", "2026-03-02T02:00:00Z", Recurrence.NONE, null);

        List<Bar> bars = MaintenanceSchedule.bars(window, List.of(), FROM, TO, Instant.parse("2026-03-05T00:00:00Z"));

        assertThat(bars).singleElement().satisfies(bar -> {
            assertThat(bar.left()).isEqualTo("0.000%");
            assertThat(bar.width()).isEqualTo("1.190%"); // 2 h of 168
            assertThat(bar.clippedStart()).isTrue();
            assertThat(bar.clippedEnd()).isFalse();
            assertThat(bar.state()).isEqualTo(State.ENDED);
        });
    }

    @Test
    void aDailyWindowHasABarADayUntilItsLastStart() {
        MaintenanceWindow window = window("2026-02-20T22:00:00Z", "2026-02-20T23:00:00Z", Recurrence.DAILY,
                "2026-03-06T22:00:00Z");

        List<Bar> bars = MaintenanceSchedule.bars(window, List.of(), FROM, TO, FROM);

        assertThat(bars).extracting(Bar::start).containsExactly(Instant.parse("2026-03-02T22:00:00Z"),
                Instant.parse("2026-03-03T22:00:00Z"), Instant.parse("2026-03-04T22:00:00Z"),
                Instant.parse("2026-03-05T22:00:00Z"), Instant.parse("2026-03-06T22:00:00Z"));
        assertThat(bars).allMatch(bar -> bar.state() == State.SCHEDULED);
        assertThat(bars.get(0).left()).isEqualTo("13.095%"); // 22 h of 168
    }

    @Test
    void anOverrunIncidentMarksTheOccurrenceWhoseEndItFollows() {
        MaintenanceWindow window = window("2026-03-01T22:00:00Z", "2026-03-01T23:00:00Z", Recurrence.DAILY, null);
        Overrun overrun = new Overrun("INC-2026-000009", Instant.parse("2026-03-03T23:00:01Z"), "OPEN");

        List<Bar> bars = MaintenanceSchedule.bars(window, List.of(overrun), FROM, TO,
                Instant.parse("2026-03-05T22:30:00Z"));

        assertThat(bars).extracting(Bar::state).containsExactly(State.ENDED, State.OVERRUN, State.ENDED, State.ACTIVE,
                State.SCHEDULED, State.SCHEDULED, State.SCHEDULED);
        assertThat(MaintenanceSchedule.state(window, List.of(overrun), Instant.parse("2026-03-05T12:00:00Z")))
                .as("between two occurrences, after one overran").isEqualTo(State.OVERRUN);
    }

    @Test
    void aWindowOutsideTheSpanHasNoBar() {
        MaintenanceWindow before = window("2026-02-01T22:00:00Z", "2026-02-01T23:00:00Z", Recurrence.WEEKLY,
                "2026-02-20T00:00:00Z");
        MaintenanceWindow after = window("2026-03-09T00:00:00Z", "2026-03-09T01:00:00Z", Recurrence.NONE, null);

        assertThat(MaintenanceSchedule.bars(before, List.of(), FROM, TO, FROM)).isEmpty();
        assertThat(MaintenanceSchedule.bars(after, List.of(), FROM, TO, FROM)).isEmpty();
    }

    private static MaintenanceWindow window(String start, String end, Recurrence recurrence, String until) {
        return new MaintenanceWindow("INC-2026-000001", "Upgrade", "", Instant.parse(start), Instant.parse(end),
                recurrence, until == null ? null : Instant.parse(until), List.of("rtr-acme"), List.of(), List.of(), true,
                null, List.of("Acme"), "olga");
    }
}
