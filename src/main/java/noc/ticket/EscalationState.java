package noc.ticket;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Where a ticket stands on the escalation ladder (PROCEDURE.md P-5.3): level 0 (not escalated), 1
 * the support-centre supervisor, 2 its director, 3 the technical director (the top). Deadlines are
 * data, so that a restart keeps them.
 *
 * @param acknowledgementDue when the current level must have acknowledged, else the next is asked
 *                           (P-5.4); null once acknowledged or when not escalated
 * @param breachEscalated    whether the missed restore objective already escalated the ticket
 */
@Serdeable
public record EscalationState(int level, @Nullable Instant escalatedAt, @Nullable Instant acknowledgementDue,
                              @Nullable String acknowledgedBy, boolean breachEscalated) {

    public static final int TOP = 3;

    public static EscalationState none() {
        return new EscalationState(0, null, null, null, false);
    }

    public EscalationState next(Instant now, Instant acknowledgementDeadline) {
        return new EscalationState(Math.min(TOP, level + 1), now, acknowledgementDeadline, null, breachEscalated);
    }

    public EscalationState acknowledged(String by) {
        return new EscalationState(level, escalatedAt, null, by, breachEscalated);
    }

    public EscalationState forBreach() {
        return new EscalationState(level, escalatedAt, acknowledgementDue, acknowledgedBy, true);
    }

    /** Who a level is (P-5.3). */
    public static String levelName(int level) {
        return switch (level) {
            case 1 -> "support-centre supervisor";
            case 2 -> "support-centre director";
            case 3 -> "technical director";
            default -> "none";
        };
    }

    public boolean isAtTop() {
        return level >= TOP;
    }

    /** Whether the current level let its acknowledgement deadline pass at {@code now}. */
    public boolean isUnacknowledgedAt(Instant now) {
        return acknowledgementDue != null && !now.isBefore(acknowledgementDue);
    }

    public int getLevel() { return level; }
    public boolean isBreachEscalated() { return breachEscalated; }
}
