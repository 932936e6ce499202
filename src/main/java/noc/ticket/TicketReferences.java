package noc.ticket;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Hands out ticket references {@code INC-2026-000001}: numbered per year, never reused, the numbers
 * taken from {@link TicketNumbers}. Only the engine thread calls it. A reference goes with its ticket
 * into the cycle's changes, so that a failed commit is retried with the same references.
 */
public final class TicketReferences {

    private static final String PREFIX = "INC";

    private final TicketNumbers numbers;

    public TicketReferences(TicketNumbers numbers) {
        this.numbers = numbers;
    }

    public String next(Instant at) {
        int year = at.atZone(ZoneOffset.UTC).getYear();
        return format(year, numbers.next(year));
    }

    public static String format(int year, long value) {
        return String.format("%s-%04d-%06d", PREFIX, year, value);
    }
}
