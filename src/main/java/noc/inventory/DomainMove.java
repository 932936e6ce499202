package noc.inventory;

import static java.util.Objects.requireNonNull;

/**
 * An alarm source whose correlation domain changed with the inventory ({@link CorrelationDomains#movesSince}):
 * its next inputs go to {@code to}, while what it raised so far lives with {@code from}.
 *
 * @param source a device address or name, as alarms carry it
 */
public record DomainMove(String source, String from, String to) {

    public DomainMove {
        requireNonNull(source, "source is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
    }
}
