package noc.ticket;

import java.time.LocalDateTime;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code ticket}. */
@MappedEntity("ticket")
public record TicketRow(
        @Id String reference,
        String status,
        String priority,
        String title,
        String priorityReason,
        String groupKey,
        LocalDateTime openedAt,
        LocalDateTime updatedAt,
        @Nullable String linkedTo,
        boolean major,
        @Nullable Long restoreObjectiveMs,
        long pausedMs,
        @Nullable LocalDateTime waitingSince,
        boolean breached,
        @Nullable LocalDateTime questionAskedAt,
        int escalationLevel,
        @Nullable LocalDateTime escalatedAt,
        @Nullable LocalDateTime escalationAcknowledgementDue,
        @Nullable String escalationAcknowledgedBy,
        boolean escalationBreachEscalated,
        @Nullable LocalDateTime resolvedAt,
        String customers,
        String watchers) {
}
