package noc.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceAccessTest {

    private static final Instant FIRST = Instant.parse("2026-03-02T08:00:00.123456789Z");

    private static Alarm raisedAt(Instant time) {
        return Alarm.raisedBy(new AlarmEvent(SourceKind.SNMP, "192.0.2.52", "IF-MIB::linkDown", "", "ifIndex.1",
                "192.0.2.52|IF-MIB::linkDown|ifIndex.1", EventState.RAISE, Severity.INDETERMINATE, Map.of(), time,
                time));
    }

    @Test
    void theClearOfAnAlarmReadBackFromItsRowIsNewerThanTheMirrorOfItsFirstOccurrence() {
        Alarm mirror = raisedAt(FIRST);
        Alarm rebuilt = raisedAt(FIRST.truncatedTo(ChronoUnit.MILLIS)).cleared(FIRST.plusSeconds(60));

        assertThat(ServiceAccess.of(rebuilt, "nice", "lyon").isNewerThan(mirror)).isTrue();
        assertThat(ServiceAccess.of(raisedAt(FIRST.truncatedTo(ChronoUnit.MILLIS)), "nice", "lyon")
                .isNewerThan(mirror)).isFalse();
    }
}
