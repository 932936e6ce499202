package noc.ticket;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands out ticket references {@code INC-2026-000001}: one counter per year, never reused. Only the
 * engine thread calls it; the counters it advanced are written in the same transaction as the
 * tickets that got the references, and a failed commit is retried with the same references.
 */
public final class TicketReferences {

    private static final String PREFIX = "INC";

    private final Map<Integer, Long> lastByYear = new HashMap<>();
    private final Map<Integer, Long> advanced = new HashMap<>();

    public TicketReferences(Map<Integer, Long> committedLastByYear) {
        lastByYear.putAll(committedLastByYear);
    }

    public String next(Instant at) {
        int year = at.atZone(ZoneOffset.UTC).getYear();
        long value = lastByYear.merge(year, 1L, Long::sum);
        advanced.put(year, value);
        return format(year, value);
    }

    /** The counters advanced since the last call, to be written with the cycle. */
    public Map<Integer, Long> drainAdvanced() {
        Map<Integer, Long> copy = Map.copyOf(advanced);
        advanced.clear();
        return copy;
    }

    public static String format(int year, long value) {
        return String.format("%s-%04d-%06d", PREFIX, year, value);
    }
}
