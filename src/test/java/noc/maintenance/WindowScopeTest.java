package noc.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** When a session may forget a window another session holds: once no occurrence can be on again. */
class WindowScopeTest {

    private static final Instant START = Instant.parse("2026-12-02T01:00:00Z");
    private static final Instant END = Instant.parse("2026-12-02T03:00:00Z");

    private static WindowScope scope(Recurrence recurrence, Instant until) {
        return new WindowScope("MNT-1", "nice", "paris", START, END, recurrence, until, List.of("rtr-1"), List.of(),
                List.of());
    }

    @Test
    void aOneOffWindowIsOverAtItsEnd() {
        WindowScope window = scope(Recurrence.NONE, null);

        assertThat(window.isOverAt(END.minusSeconds(1))).isFalse();
        assertThat(window.isOverAt(END)).isTrue();
    }

    @Test
    void aRecurringWindowIsOverOnlyOnceItsLastOccurrenceEnded() {
        Instant until = Instant.parse("2026-12-09T01:00:00Z");
        WindowScope window = scope(Recurrence.DAILY, until);

        assertThat(window.isOverAt(END.plusSeconds(86_400))).isFalse();
        assertThat(window.isOverAt(until.plusSeconds(2 * 3600 - 1))).isFalse();
        assertThat(window.isOverAt(until.plusSeconds(2 * 3600))).isTrue();
        assertThat(scope(Recurrence.WEEKLY, null).isOverAt(END.plusSeconds(400 * 86_400L))).isFalse();
    }
}
