package noc.engine;

import static noc.support.Events.linkDown;
import static noc.support.Events.linkUp;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import noc.domain.SessionState;
import noc.domain.SessionStateLoader;
import noc.alarm.Alarm;
import noc.alarm.AlarmState;
import noc.ticket.JournalAction;
import noc.ticket.JournalEntry;
import noc.ticket.Priority;
import noc.ticket.Ticket;

/** The shipped de-duplication and link rules, on a simulated clock, without a database. */
class LinkRulesTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static CompiledRules rules;

    private Correlation correlation;
    private Instant now;
    private final List<JournalEntry> journal = new ArrayList<>();

    @BeforeAll
    static void compileShippedRules() throws RuleBuildException {
        rules = new RuleCompiler().compile(Path.of("rules"));
    }

    @BeforeEach
    void startSession() {
        correlation = new Correlation(rules, START, SessionState.empty());
        now = START;
    }

    @AfterEach
    void closeSession() {
        correlation.close();
    }

    private CycleChanges at(Duration offset, Object... inputs) {
        now = START.plus(offset);
        CycleChanges changes = correlation.cycle(now, List.of(inputs), (input, e) -> {
            throw new AssertionError("rule failed on " + input, e);
        });
        journal.addAll(noc.ticket.TicketChanges.in(changes).journal());
        return changes;
    }

    private Alarm alarm(String source, int ifIndex) {
        return correlation.facts(Alarm.class).stream()
                .filter(a -> a.source().equals(source) && a.resource().equals("ifIndex." + ifIndex)
                        && a.name().equals("IF-MIB::linkDown"))
                .findFirst().orElseThrow();
    }

    @Test
    void aLinkDownOpensAP2TicketWithItsReasonAndTheRuleThatOpenedIt() {
        CycleChanges changes = at(Duration.ZERO, linkDown("192.0.2.1", 3, START));

        assertThat(changes.rows(Ticket.class)).singleElement().satisfies(ticket -> {
            assertThat(ticket.reference()).isEqualTo("INC-2026-000001");
            assertThat(ticket.priority()).isEqualTo(Priority.P2);
            assertThat(ticket.priorityReason()).contains("192.0.2.1").contains("ifIndex.3");
        });
        assertThat(alarm("192.0.2.1", 3).ticketReference()).isEqualTo("INC-2026-000001");
        assertThat(journal).extracting(JournalEntry::action)
                .containsExactly(JournalAction.OPENED, JournalAction.ALARM_ATTACHED);
        assertThat(journal.get(0).author())
                .isEqualTo("A link down on a device the inventory does not know opens a P2 ticket");
        assertThat(journal.get(0).facts()).contains("alarm:192.0.2.1|IF-MIB::linkDown|ifIndex.3");
    }

    @Test
    void repeatedLinkDownsCountOnOneAlarmAndOneTicket() {
        at(Duration.ZERO, linkDown("192.0.2.1", 3, START));
        at(Duration.ofMinutes(1), linkDown("192.0.2.1", 3, START.plusSeconds(60)),
                linkDown("192.0.2.1", 3, START.plusSeconds(61)));

        Alarm alarm = alarm("192.0.2.1", 3);
        assertThat(alarm.count()).isEqualTo(3);
        assertThat(alarm.firstSeen()).isEqualTo(START);
        assertThat(alarm.lastSeen()).isEqualTo(START.plusSeconds(61));
        assertThat(correlation.facts(Ticket.class)).hasSize(1);
        assertThat(correlation.facts(noc.alarm.AlarmEvent.class)).isEmpty();
    }

    @Test
    void aLinkUpClearsTheAlarmOfTheSameInterfaceAndTellsItsTicket() {
        at(Duration.ZERO, linkDown("192.0.2.1", 3, START), linkDown("192.0.2.1", 4, START));
        at(Duration.ofMinutes(5), linkUp("192.0.2.1", 3, START.plusSeconds(300)));

        assertThat(alarm("192.0.2.1", 3).state()).isEqualTo(AlarmState.CLEARED);
        assertThat(alarm("192.0.2.1", 3).clearedAt()).isEqualTo(START.plusSeconds(300));
        assertThat(alarm("192.0.2.1", 4).state()).isEqualTo(AlarmState.RAISED);
        assertThat(journal).filteredOn(e -> e.action() == JournalAction.ALARM_CLEARED).singleElement()
                .satisfies(e -> assertThat(e.author())
                        .isEqualTo("A link coming up clears the link-down alarm of the same interface"));
        assertThat(correlation.facts(Alarm.class)).noneMatch(a -> a.name().equals("IF-MIB::linkUp"));
    }

    @Test
    void aSecondInterfaceDownOnTheSameDeviceJoinsItsOpenTicket() {
        at(Duration.ZERO, linkDown("192.0.2.1", 3, START));
        at(Duration.ofMinutes(2), linkDown("192.0.2.1", 7, START.plusSeconds(120)));
        at(Duration.ofMinutes(3), linkDown("198.51.100.9", 1, START.plusSeconds(180)));

        assertThat(alarm("192.0.2.1", 7).ticketReference()).isEqualTo("INC-2026-000001");
        assertThat(alarm("198.51.100.9", 1).ticketReference()).isEqualTo("INC-2026-000002");
        assertThat(correlation.facts(Ticket.class)).hasSize(2);
    }

    @Test
    void aDownThenUpInOneBatchEndsCleared() {
        at(Duration.ZERO, linkDown("192.0.2.1", 3, START), linkUp("192.0.2.1", 3, START.plusMillis(5)));

        assertThat(alarm("192.0.2.1", 3).state()).isEqualTo(AlarmState.CLEARED);
    }

    @Test
    void aLinkDownBackAfterItsClearIsRaisedAgainOnItsTicket() {
        at(Duration.ZERO, linkDown("192.0.2.1", 3, START));
        at(Duration.ofMinutes(1), linkUp("192.0.2.1", 3, START.plusSeconds(60)));
        at(Duration.ofMinutes(2), linkDown("192.0.2.1", 3, START.plusSeconds(120)));

        Alarm alarm = alarm("192.0.2.1", 3);
        assertThat(alarm.state()).isEqualTo(AlarmState.RAISED);
        assertThat(alarm.count()).isEqualTo(2);
        assertThat(journal).extracting(JournalEntry::action).containsSubsequence(JournalAction.ALARM_CLEARED,
                JournalAction.ALARM_REPEATED_AFTER_CLEAR);
        assertThat(correlation.facts(Ticket.class)).hasSize(1);
    }

    @Test
    void ticketNumbersContinueFromTheCommittedCounterOfTheYear() {
        correlation.close();
        correlation = new Correlation(rules, START,
                SessionState.empty().withReferenceCounters(Map.of(2026, 41L, 2025, 900L)));

        CycleChanges changes = at(Duration.ZERO, linkDown("192.0.2.1", 3, START));

        assertThat(changes.rows(Ticket.class)).extracting(Ticket::reference).containsExactly("INC-2026-000042");
    }
}
