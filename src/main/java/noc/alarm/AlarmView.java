package noc.alarm;

import java.time.Instant;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** An alarm as the REST API shows it. */
@Serdeable
public record AlarmView(
        String reductionKey,
        String name,
        String oid,
        String source,
        String sourceKind,
        String resource,
        String severity,
        String state,
        long count,
        Instant firstSeen,
        Instant lastSeen,
        @Nullable Instant clearedAt,
        @Nullable String ticketReference,
        Map<String, String> varbinds) {

    public static AlarmView of(Alarm alarm) {
        return new AlarmView(alarm.reductionKey(), alarm.name(), alarm.oid(), alarm.source(),
                alarm.sourceKind().label(), alarm.resource(), alarm.severity().name(), alarm.state().name(),
                alarm.count(), alarm.firstSeen(), alarm.lastSeen(), alarm.clearedAt(), alarm.ticketReference(),
                alarm.attributes());
    }
}
