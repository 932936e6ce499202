package noc.alarm;

import static java.util.Objects.requireNonNull;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The ticket the home session gave an alarm it holds as a mirror ({@link ServiceAccess}), told back to
 * the session that holds the alarm: written in the home's cycle (table {@code alarm_ticket}), published
 * keyed by {@code domain}, applied there in a cycle, so that the alarm's row, the board and the
 * alarm's returns name the same ticket as in one process. The latest one of an alarm wins.
 *
 * @param domain          the correlation domain of the alarm's source
 * @param home            the domain whose session gave the ticket
 * @param ticketReference the ticket, or null when the alarm left it
 */
@Serdeable
public record AlarmTicket(String reductionKey, String domain, String home, @Nullable String ticketReference) {

    public AlarmTicket {
        requireNonNull(reductionKey, "reductionKey is null");
        requireNonNull(domain, "domain is null");
        requireNonNull(home, "home is null");
    }
}
