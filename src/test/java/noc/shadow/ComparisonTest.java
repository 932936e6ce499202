package noc.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What counts as a difference between the live and the candidate decisions of one input. */
class ComparisonTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");
    private static final Comparison.Key PRIORITY = new Comparison.Key("alarm a|b|c", DecisionKind.PRIORITY);
    private static final Comparison.Key TICKET = new Comparison.Key("alarm a|b|c", DecisionKind.TICKET);

    @Test
    void theSameValuesByOtherRulesAreNoDifference() {
        assertThat(Comparison.differences(1, AT, () -> "x", Map.of(PRIORITY, new Decision("P2", List.of("old name"))),
                Map.of(PRIORITY, new Decision("P2", List.of("new name"))))).isEmpty();
    }

    @Test
    void anotherValueIsADifferenceWithBothSidesAndTheirRules() {
        Decision live = new Decision("P2", List.of("live rule"));
        Decision candidate = new Decision("P3", List.of("candidate rule"));
        assertThat(Comparison.differences(7, AT, () -> "a trap", Map.of(PRIORITY, live), Map.of(PRIORITY, candidate)))
                .containsExactly(new Difference(7, AT, "a trap", "alarm a|b|c", DecisionKind.PRIORITY, live, candidate));
    }

    @Test
    void aDecisionOnlyOneSideTookIsADifferenceWithNothingOnTheOther() {
        Decision opened = new Decision("opened a ticket of a", List.of("rule"));
        assertThat(Comparison.differences(1, AT, () -> "x", Map.of(), Map.of(TICKET, opened)))
                .extracting(Difference::live, Difference::candidate).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Decision.NOTHING, opened));
        assertThat(Comparison.differences(1, AT, () -> "x", Map.of(TICKET, opened), Map.of()))
                .extracting(Difference::live, Difference::candidate).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(opened, Decision.NOTHING));
    }
}
