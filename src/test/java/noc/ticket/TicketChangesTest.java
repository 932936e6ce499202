package noc.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;


/** Where a counted clear/return of a flapping alarm goes: into this cycle's line, or to the stored one. */
class TicketChangesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static JournalEntry cleared(String alarm) {
        return new JournalEntry("INC-2026-000001", NOW, JournalEntry.AuthorKind.RULE, "rule",
                JournalAction.ALARM_CLEARED, "cleared " + alarm, List.of("alarm:" + alarm));
    }

    @Test
    void aRepeatOfALineWrittenInTheSameCycleIsCountedInThatLineBeforeItIsInserted() {
        TicketChanges changes = new TicketChanges();
        JournalEntry first = cleared("a");
        changes.journal(first, null);

        changes.journalRepeat(first.repeated(NOW.plusSeconds(1), "cleared a again", List.of("alarm:a")));

        assertThat(changes.journal()).singleElement().satisfies(line -> {
            assertThat(line.count()).isEqualTo(2);
            assertThat(line.text()).isEqualTo("cleared a again");
        });
        assertThat(changes.journalRepeats()).isEmpty();
    }

    @Test
    void aRepeatOfAStoredLineIsKeptForTheStoredLineEvenWhenAnotherAlarmWritesALineAfterIt() {
        TicketChanges changes = new TicketChanges();
        // alarm a's line was stored by an earlier cycle; this cycle counts it, then alarm b writes its own
        changes.journalRepeat(cleared("a").repeated(NOW, "cleared a again", List.of("alarm:a")));
        changes.journal(cleared("b"), null);

        assertThat(changes.journalRepeats()).singleElement()
                .satisfies(repeat -> assertThat(repeat.text()).isEqualTo("cleared a again"));
        assertThat(changes.journal()).singleElement()
                .satisfies(line -> assertThat(line.count()).isEqualTo(1));
    }
}
