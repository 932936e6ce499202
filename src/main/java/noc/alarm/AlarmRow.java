package noc.alarm;

import java.time.LocalDateTime;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code alarm}, as the read side sees it. */
@MappedEntity("alarm")
public record AlarmRow(
        @Id @GeneratedValue Long id,
        String reductionKey,
        String sourceKind,
        String source,
        String name,
        String oid,
        String resource,
        String severity,
        String state,
        long occurrences,
        LocalDateTime firstSeen,
        LocalDateTime lastSeen,
        @Nullable LocalDateTime clearedAt,
        @Nullable String ticketReference,
        String attributes,
        String raises) {
}
