package noc.shadow;

import static noc.support.Events.linkDown;
import static noc.support.Events.linkUp;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.alarm.AlarmEvent;
import noc.alarm.EventState;
import noc.alarm.Severity;
import noc.alarm.SourceKind;
import noc.engine.CompiledRules;
import noc.engine.RuleBuildException;
import noc.engine.RuleCompiler;
import noc.domain.SessionState;
import noc.inventory.Device;

/** The shipped rules against candidates, in two sessions without a database, on a simulated clock. */
class ShadowPairTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final String UNKNOWN_DEVICE_RULE = "A link down on a device the inventory does not know opens a P2 ticket";
    private static CompiledRules live;

    @BeforeAll
    static void compileShippedRules() throws RuleBuildException {
        live = new RuleCompiler().compile(Path.of("rules"));
    }

    @Test
    void aCandidateThatMakesAnUnknownDeviceLinkDownP3ShowsThePriorityWithTheRulesOfEachSide() throws Exception {
        try (ShadowPair pair = ShadowPair.open(live, p3ForUnknownDevices(), START, SessionState.empty())) {
            List<Difference> differences = pair.cycle(START, List.of(linkDown("192.0.2.1", 3, START)));

            assertThat(differences).singleElement().satisfies(difference -> {
                assertThat(difference.input()).isEqualTo(1);
                assertThat(difference.cause()).isEqualTo("IF-MIB::linkDown from 192.0.2.1 ifIndex.3");
                assertThat(difference.subject()).isEqualTo("alarm 192.0.2.1|IF-MIB::linkDown|ifIndex.3");
                assertThat(difference.decision()).isEqualTo(DecisionKind.PRIORITY);
                assertThat(difference.live()).isEqualTo(new Decision("P2", List.of(UNKNOWN_DEVICE_RULE)));
                assertThat(difference.candidate()).isEqualTo(new Decision("P3",
                        List.of("A link down on a device the inventory does not know opens a P3 ticket")));
            });
            // A second link down of the same device joins its ticket on both sides: nothing new differs.
            assertThat(pair.cycle(START.plusSeconds(10), List.of(linkDown("192.0.2.1", 4, START.plusSeconds(10)))))
                    .isEmpty();
            assertThat(pair.inputs()).isEqualTo(2);
        }
    }

    @Test
    void aCandidateIdenticalToTheLiveRulesDiffersInNothing() throws Exception {
        CompiledRules same = new RuleCompiler().compile(Path.of("rules"), Map.of("20-links.drl",
                Files.readString(Path.of("rules/20-links.drl"))));
        assertThat(run(same)).isEmpty();
        assertThat(run(p3ForUnknownDevices())).as("the same inputs on a candidate that differs").isNotEmpty();
    }

    @Test
    void whatTheClockAloneDecidesIsPutDownToTheClock() throws Exception {
        CompiledRules neverResolves = candidate("70-auto-resolve.drl", text -> text.replace(
                "rule \"A ticket whose alarms all stayed cleared for the hold-down time is resolved\"",
                "rule \"A ticket whose alarms all stayed cleared for the hold-down time is resolved\"\n    enabled false"));
        try (ShadowPair pair = ShadowPair.open(live, neverResolves, START, SessionState.empty())) {
            pair.cycle(START, List.of(linkDown("192.0.2.1", 3, START)));
            Instant up = START.plusSeconds(60);
            assertThat(pair.cycle(up, List.of(linkUp("192.0.2.1", 3, up)))).isEmpty();

            List<Difference> differences = pair.cycle(up.plus(Duration.ofMinutes(16)), List.of());

            assertThat(differences).singleElement().satisfies(difference -> {
                assertThat(difference.input()).isZero();
                assertThat(difference.cause()).isEqualTo("the clock");
                assertThat(difference.subject()).isEqualTo("ticket of 192.0.2.1");
                assertThat(difference.decision()).isEqualTo(DecisionKind.STATUS);
                assertThat(difference.live()).isEqualTo(new Decision("RESOLVED",
                        List.of("A ticket whose alarms all stayed cleared for the hold-down time is resolved")));
                assertThat(difference.candidate()).isEqualTo(Decision.NOTHING);
            });
        }
    }

    @Test
    void aCandidateThatNoLongerSuppressesAChildsAlarmShowsTheSuppressionAndTheTicket() throws Exception {
        CompiledRules noSuppression = candidate("60-root-cause.drl", text -> text.replace(
                "rule \"An alarm of a device hanging off a device that is down is suppressed\"",
                "rule \"An alarm of a device hanging off a device that is down is suppressed\"\n    enabled false"));
        SessionState state = SessionState.empty().withInventory(List.of(
                new Device("pe-paris-1", null, null, List.of("192.0.2.1"), List.of()),
                new Device("cpe-1", null, "pe-paris-1", List.of("192.0.2.10"), List.of())));
        try (ShadowPair pair = ShadowPair.open(live, noSuppression, START, state)) {
            assertThat(pair.cycle(START, List.of(deviceDown("pe-paris-1")))).isEmpty();

            List<Difference> differences = pair.cycle(START.plusSeconds(60),
                    List.of(linkDown("192.0.2.10", 1, START.plusSeconds(60))));

            String subject = "alarm 192.0.2.10|IF-MIB::linkDown|ifIndex.1";
            assertThat(differences).extracting(Difference::subject, Difference::decision,
                    d -> d.live().value(), d -> d.candidate().value()).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(subject, DecisionKind.SUPPRESSION, "suppressed", "nothing"),
                    org.assertj.core.groups.Tuple.tuple(subject, DecisionKind.TICKET,
                            "joined the ticket of pe-paris-1", "opened a ticket of device:cpe-1"),
                    org.assertj.core.groups.Tuple.tuple(subject, DecisionKind.PRIORITY, "nothing", "P3"));
        }
    }

    /** Link downs on two unknown devices, a repeat, a clear, and an hour of the clock, minute by minute. */
    private static List<Difference> run(CompiledRules candidate) {
        List<Difference> differences = new ArrayList<>();
        try (ShadowPair pair = ShadowPair.open(live, candidate, START, SessionState.empty())) {
            differences.addAll(pair.cycle(START, List.of(linkDown("192.0.2.1", 3, START),
                    linkDown("192.0.2.2", 1, START))));
            Instant later = START.plusSeconds(30);
            differences.addAll(pair.cycle(later, List.of(linkDown("192.0.2.1", 3, later), linkUp("192.0.2.2", 1,
                    later))));
            for (int minute = 1; minute <= 60; minute++) {
                differences.addAll(pair.cycle(START.plus(Duration.ofMinutes(minute)), List.of()));
            }
        }
        return differences;
    }

    private static CompiledRules p3ForUnknownDevices() throws IOException, RuleBuildException {
        return candidate("20-links.drl", text -> text.replace(UNKNOWN_DEVICE_RULE,
                        "A link down on a device the inventory does not know opens a P3 ticket")
                .replace("Priority.P2, \"Link down on \" + $source,", "Priority.P3, \"Link down on \" + $source,"));
    }

    private static CompiledRules candidate(String file, UnaryOperator<String> edit)
            throws IOException, RuleBuildException {
        String shipped = Files.readString(Path.of("rules").resolve(file));
        String edited = edit.apply(shipped);
        assertThat(edited).as("the edit of " + file).isNotEqualTo(shipped);
        return new RuleCompiler().compile(Path.of("rules"), Map.of(file, edited));
    }

    private static AlarmEvent deviceDown(String device) {
        return new AlarmEvent(SourceKind.GENERIC, device, "Device down", "", "",
                AlarmEvent.defaultReductionKey(device, "Device down", ""), EventState.RAISE, Severity.CRITICAL, Map.of(),
                START, START);
    }
}
