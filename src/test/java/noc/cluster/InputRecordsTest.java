package noc.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

import io.micronaut.json.JsonMapper;
import noc.alarm.AlarmEvent;
import noc.support.Events;

class InputRecordsTest {

    private static final Instant AT = Instant.parse("2026-12-02T08:15:30.123Z");
    private final InputRecords records = new InputRecords(JsonMapper.createDefault());

    @Test
    void anAlarmComesBackAsItWasSent() {
        AlarmEvent event = Events.linkDown("10.0.0.7", 3, AT);
        assertEquals(event, records.read(records.alarm(event)));
    }

    @Test
    void theAlarmsOfOneRequestComeBackTogetherInOrder() {
        List<AlarmEvent> events = List.of(Events.linkDown("r1", 1, AT), Events.linkUp("r2", 2, AT.plusSeconds(1)));
        assertEquals(events, records.read(records.alarms(events)));
    }

    @Test
    void aRecordOfAnotherTypeOrANewerVersionIsRefusedByReason() {
        assertEquals("unknown_type", refusal("{\"type\":\"telepathy\",\"version\":1}"));
        assertEquals("unknown_version", refusal("{\"type\":\"alarm\",\"version\":2,\"alarm\":null}"));
        assertEquals("no_type", refusal("{\"version\":1}"));
        assertEquals("no_alarm", refusal("{\"type\":\"alarm\",\"version\":1}"));
        assertEquals("no_alarm", refusal("{\"type\":\"alarms\",\"version\":1,\"alarms\":[]}"));
        assertEquals("unreadable", refusal("not json"));
        assertEquals("empty", assertThrows(InputRecords.RefusedRecordException.class, () -> records.read(null))
                .reason());
    }

    @Test
    void aDomainGoesToThePartitionKafkaSendsItsKeyTo() {
        for (String domain : List.of("paris-pop", "address:10.0.0.7", "customer:ACME", "é-site", "")) {
            for (int partitions : new int[] {1, 3, 12, 100}) {
                assertEquals(BuiltInPartitioner.partitionForKey(domain.getBytes(StandardCharsets.UTF_8), partitions),
                        Partitions.of(domain, partitions), domain + " over " + partitions);
            }
        }
    }

    private String refusal(String json) {
        return assertThrows(InputRecords.RefusedRecordException.class,
                () -> records.read(json.getBytes(StandardCharsets.UTF_8))).reason();
    }
}
