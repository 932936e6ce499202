package noc.alarm;

import static java.util.Objects.requireNonNull;

/**
 * Reference data of a session that shares the work with others (role {@code engine}): the link downs
 * of device {@code device}, which this session holds, are ticketed in the session of domain
 * {@code home}, the home of its customer services ({@code CorrelationDomains.ticketHomeOf}). The rules
 * of {@code 20-links.drl} and {@code 25-services.drl} then open or join no ticket for them here; the
 * session sends each such alarm's state to its home as a {@link ServiceAccess}, and learns its ticket
 * back as an {@link AlarmTicket}. A single process has none of these facts.
 */
public record TicketHome(String device, String home) {

    public TicketHome {
        requireNonNull(device, "device is null");
        requireNonNull(home, "home is null");
    }

    public String getDevice() { return device; }
    public String getHome() { return home; }
}
