package noc.engine;

import static noc.support.Events.linkDown;
import static noc.support.Events.linkUp;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.alarm.Alarm;
import noc.domain.SessionState;
import noc.alarm.AlarmState;
import noc.ticket.JournalAction;
import noc.ticket.JournalEntry;
import noc.ticket.Ticket;
import noc.ticket.TicketStatus;

/** The shipped rules read their figures from the Policy fact: a changed value changes what they do. */
class PolicyRulesTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final String SOURCE = "192.0.2.5";
    private static CompiledRules rules;

    private Correlation correlation;
    private final List<JournalEntry> journal = new ArrayList<>();

    @BeforeAll
    static void compileShippedRules() throws RuleBuildException {
        rules = new RuleCompiler().compile(Path.of("rules"));
    }

    @AfterEach
    void closeSession() {
        correlation.close();
    }

    private void start(Policy policy) {
        correlation = new Correlation(rules, START, SessionState.empty().withPolicy(policy));
    }

    private void at(Duration offset, Object... inputs) {
        CycleChanges changes = correlation.cycle(START.plus(offset), List.of(inputs), (input, e) -> {
            throw new AssertionError("rule failed on " + input, e);
        });
        journal.addAll(noc.ticket.TicketChanges.in(changes).journal());
    }

    /** The interface goes down {@code times} times, a minute apart, coming up in between. */
    private void flap(int times) {
        for (int i = 0; i < times; i++) {
            Duration down = Duration.ofMinutes(2L * i);
            at(down, linkDown(SOURCE, 4, START.plus(down)));
            if (i < times - 1) {
                Duration up = down.plusMinutes(1);
                at(up, linkUp(SOURCE, 4, START.plus(up)));
            }
        }
    }

    private Optional<Alarm> alarmNamed(String name) {
        return correlation.facts(Alarm.class).stream().filter(a -> a.name().equals(name)).findFirst();
    }

    private static Policy with(int flappingCount, Duration stormQuietPeriod, Duration autoResolveHoldDown) {
        Policy shipped = Policy.defaults();
        return new Policy(shipped.majorIncidentCustomers(), shipped.serviceMergeWindow(),
                shipped.redundantAccessesDown(), shipped.stormCount(), shipped.stormWindow(), stormQuietPeriod,
                flappingCount, shipped.flappingWindow(), shipped.flappingQuietPeriod(), autoResolveHoldDown);
    }

    @Test
    void withTheShippedPolicyThreeRaisesAreNotFlapping() {
        start(Policy.defaults());

        flap(3);

        assertThat(alarmNamed("NOC::flapping")).isEmpty();
    }

    @Test
    void aFlappingCountOfThreeMakesThreeRaisesFlappingAndTheJournalSaysTheConfiguredWindow() {
        start(with(3, Duration.ofMinutes(5), Duration.ofMinutes(15)));

        flap(3);

        assertThat(alarmNamed("NOC::flapping")).get().extracting(Alarm::state).isEqualTo(AlarmState.RAISED);
        assertThat(alarmNamed("NOC::flapping").get().attributes().get("reason"))
                .isEqualTo("IF-MIB::linkDown was raised 3 times within 10 minutes");
    }

    @Test
    void aShorterStormQuietPeriodClearsTheStormAlarmSooner() {
        start(with(5, Duration.ofMinutes(2), Duration.ofMinutes(15)));
        at(Duration.ZERO, StormRulesTest.storm(START));

        at(Duration.ofMinutes(1));
        assertThat(alarmNamed(noc.ingest.snmp.TrapListener.STORM_ALARM)).get().extracting(Alarm::state)
                .isEqualTo(AlarmState.RAISED);
        at(Duration.ofMinutes(2));
        assertThat(alarmNamed(noc.ingest.snmp.TrapListener.STORM_ALARM)).get().extracting(Alarm::state)
                .isEqualTo(AlarmState.CLEARED);
    }

    @Test
    void aShorterHoldDownResolvesSoonerAndTheJournalSaysTheConfiguredFigure() {
        start(with(5, Duration.ofMinutes(5), Duration.ofMinutes(3)));
        at(Duration.ZERO, linkDown(SOURCE, 4, START));
        at(Duration.ofMinutes(1), linkUp(SOURCE, 4, START.plus(Duration.ofMinutes(1))));

        at(Duration.ofMinutes(3).plusSeconds(59));
        assertThat(correlation.facts(Ticket.class)).singleElement().extracting(Ticket::status)
                .isEqualTo(TicketStatus.OPEN);
        at(Duration.ofMinutes(4));
        assertThat(correlation.facts(Ticket.class)).singleElement().extracting(Ticket::status)
                .isEqualTo(TicketStatus.RESOLVED);
        assertThat(journal).filteredOn(e -> e.action() == JournalAction.RESOLVED).singleElement()
                .extracting(JournalEntry::text).asString().contains("stayed cleared for 3 minutes");
    }
}
