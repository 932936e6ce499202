package noc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import noc.domain.SessionState;
import noc.domain.SessionStateLoader;
import noc.alarm.Alarm;
import noc.alarm.AlarmEvent;
import noc.alarm.AlarmState;
import noc.alarm.EventState;
import noc.alarm.Severity;
import noc.alarm.SourceKind;
import noc.ingest.snmp.TrapListener;

/** The trap-storm alarm clears itself once its source has been quiet for five minutes. */
class StormRulesTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private Correlation correlation;

    @BeforeEach
    void start() throws RuleBuildException {
        correlation = new Correlation(new RuleCompiler().compile(Path.of("rules")), START, SessionState.empty());
    }

    @AfterEach
    void close() {
        correlation.close();
    }

    private void at(Duration offset, Object... inputs) {
        correlation.cycle(START.plus(offset), List.of(inputs), (input, e) -> {
            throw new AssertionError(e);
        });
    }

    static AlarmEvent storm(Instant at) {
        return new AlarmEvent(SourceKind.CORRELATOR, "192.0.2.7", TrapListener.STORM_ALARM, "", "",
                AlarmEvent.defaultReductionKey("192.0.2.7", TrapListener.STORM_ALARM, ""), EventState.RAISE,
                Severity.MAJOR, Map.of(), at, at);
    }

    private Alarm stormAlarm() {
        return correlation.facts(Alarm.class).stream().filter(a -> a.name().equals(TrapListener.STORM_ALARM))
                .findFirst().orElseThrow();
    }

    @Test
    void aStormStaysRaisedWhileItGoesOnAndClearsFiveQuietMinutesAfterItsLastNotice() {
        at(Duration.ZERO, storm(START));
        at(Duration.ofMinutes(3), storm(START.plus(Duration.ofMinutes(3))));
        at(Duration.ofMinutes(7));
        assertThat(stormAlarm().state()).isEqualTo(AlarmState.RAISED);
        assertThat(stormAlarm().count()).isEqualTo(2);

        at(Duration.ofMinutes(8));
        assertThat(stormAlarm().state()).isEqualTo(AlarmState.CLEARED);
        assertThat(stormAlarm().clearedAt()).isEqualTo(START.plus(Duration.ofMinutes(8)));
    }
}
