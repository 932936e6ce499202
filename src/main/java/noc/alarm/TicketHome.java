package noc.alarm;

import static java.util.Objects.requireNonNull;

/**
 * Reference data of a session that shares the work with others (role {@code engine}): the alarms from
 * {@code source} (an address or the name of device {@code device}), which this session holds, are
 * ticketed in the session of domain {@code home}, the home of the device's group: the devices linked
 * to it by shared customer services and parent links ({@code CorrelationDomains.ticketHomeOf}). The
 * rules that open or join a ticket for an alarm by its source then do not here; the session sends each
 * such alarm's state to its home as a {@link ServiceAccess}, and learns its ticket back as an
 * {@link AlarmTicket}. A single process has none of these facts.
 */
public record TicketHome(String source, String device, String home) {

    public TicketHome {
        requireNonNull(source, "source is null");
        requireNonNull(device, "device is null");
        requireNonNull(home, "home is null");
    }

    public String getSource() { return source; }
    public String getDevice() { return device; }
    public String getHome() { return home; }
}
