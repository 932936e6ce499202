package noc.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlarmEventTest {

    private static final AlarmEvent EVENT = new AlarmEvent(SourceKind.SNMP, "192.0.2.1", "IF-MIB::linkDown",
            "1.3.6.1.6.3.1.1.5.3", "ifIndex.3", "k", EventState.RAISE, Severity.INDETERMINATE,
            Map.of("ifName.3", "ge-0/0/3"), Instant.EPOCH, Instant.EPOCH);

    @ParameterizedTest(name = "{0} renders {1}")
    @CsvSource(delimiter = ';', value = {
            "{source}|device-restart; 192.0.2.1|device-restart",
            "{source}|{name}|{resource}; 192.0.2.1|IF-MIB::linkDown|ifIndex.3",
            "{oid}@{source}; 1.3.6.1.6.3.1.1.5.3@192.0.2.1",
            "{source}|{attribute:ifName.3}; 192.0.2.1|ge-0/0/3",
            "{source}|{attribute:missing}; 192.0.2.1|",
            "{unknown}|{source; {unknown}|{source",
            "plain; plain"})
    void reductionKeyTemplatesRenderTheEventsValues(String template, String key) {
        assertThat(EVENT.render(template)).isEqualTo(key);
    }
}
