package noc.shadow;

import static noc.support.Events.linkDown;
import static noc.support.Events.linkUp;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import noc.engine.RuleCompiler;
import noc.domain.SessionState;

/** The decisions one session tells for each input, on the shipped rules. */
class ShadowSessionTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final String DOWN_3 = "alarm 192.0.2.1|IF-MIB::linkDown|ifIndex.3";
    private static final String DOWN_4 = "alarm 192.0.2.1|IF-MIB::linkDown|ifIndex.4";

    @Test
    void anAlarmThatOpensATicketTellsItsPriorityOneThatJoinsDoesNotAndAClearSaysWhichRuleCleared() throws Exception {
        try (ShadowSession session = ShadowSession.open(new RuleCompiler().compile(Path.of("rules")), START,
                SessionState.empty())) {
            Map<Comparison.Key, Decision> opened = session.cycle(START, linkDown("192.0.2.1", 3, START));
            assertThat(opened).containsOnlyKeys(key(DOWN_3, DecisionKind.CLEARING), key(DOWN_3, DecisionKind.TICKET),
                    key(DOWN_3, DecisionKind.PRIORITY));
            assertThat(opened.get(key(DOWN_3, DecisionKind.TICKET))).isEqualTo(new Decision("opened a ticket of 192.0.2.1",
                    List.of("A link down on a device the inventory does not know opens a P2 ticket")));
            assertThat(opened.get(key(DOWN_3, DecisionKind.PRIORITY)).value()).isEqualTo("P2");

            Map<Comparison.Key, Decision> joined = session.cycle(START, linkDown("192.0.2.1", 4, START));
            assertThat(joined).containsOnlyKeys(key(DOWN_4, DecisionKind.CLEARING), key(DOWN_4, DecisionKind.TICKET));
            assertThat(joined.get(key(DOWN_4, DecisionKind.TICKET))).isEqualTo(new Decision(
                    "joined the ticket of 192.0.2.1",
                    List.of("A link down from an address the inventory does not know joins the open ticket of that address")));

            Instant later = START.plusSeconds(60);
            assertThat(session.cycle(later, null)).as("the clock, a minute on").isEmpty();
            assertThat(session.cycle(later, linkUp("192.0.2.1", 3, later))).containsExactly(Map.entry(
                    key(DOWN_3, DecisionKind.CLEARING), new Decision("cleared",
                            List.of("A link coming up clears the link-down alarm of the same interface"))));
        }
    }

    private static Comparison.Key key(String subject, DecisionKind kind) {
        return new Comparison.Key(subject, kind);
    }
}
