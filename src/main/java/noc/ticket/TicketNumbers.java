package noc.ticket;

import java.util.HashMap;
import java.util.Map;

/**
 * Where ticket numbers come from: for a year, a number never handed out before. The engine takes them
 * from blocks reserved in MariaDB ({@link ReservedTicketNumbers}), so that several engines sharing one
 * database never give the same; scenarios, shadow runs and the warm-up count in memory on from the
 * counters they were given, so that their references are the same at every run and take nothing
 * from the database.
 */
public interface TicketNumbers {

    /** The next number of {@code year}. */
    long next(int year);

    /** Counts on in memory from {@code lastByYear}, the last number given per year. */
    static TicketNumbers counting(Map<Integer, Long> lastByYear) {
        Map<Integer, Long> last = new HashMap<>(lastByYear);
        return year -> last.merge(year, 1L, Long::sum);
    }
}
