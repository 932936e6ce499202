package noc.ticket;

import java.time.LocalDateTime;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code ticket_journal}. */
@MappedEntity("ticket_journal")
public record JournalRow(
        @Id @GeneratedValue Long id,
        String ticketReference,
        LocalDateTime at,
        String authorKind,
        String author,
        String action,
        String text,
        String facts,
        String visibility,
        long repeatCount,
        @io.micronaut.core.annotation.Nullable LocalDateTime lastAt,
        @io.micronaut.core.annotation.Nullable String wording,
        @io.micronaut.core.annotation.Nullable String note) {
}
