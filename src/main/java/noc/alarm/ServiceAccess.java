package noc.alarm;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The state of an alarm of a device whose alarms are ticketed in another session ({@link TicketHome}),
 * sent from the session that holds the alarm to its home: written in the cycle that changed the alarm
 * (table {@code service_access}), published keyed by {@code home}, applied by the home's session in a
 * cycle of its own. The home holds it as an {@link Alarm} fact of its own (a <em>mirror</em>), so that
 * the rules of 20, 22, 25, 30, 60, 70 and 80 decide over it as one session would; it never writes the mirror's
 * row, which the alarm's own session keeps writing. An access is applied only when newer than the
 * mirror held ({@link #isNewerThan}), so a repeat, or an older one replayed after a rebuild, changes nothing.
 *
 * @param domain the correlation domain of the alarm's source, where its ticket is told back ({@link AlarmTicket})
 * @param home   the domain whose session decides its ticket
 */
@Serdeable
public record ServiceAccess(String reductionKey, SourceKind sourceKind, String source, String name, String oid,
                            String resource, Severity severity, AlarmState state, long count, Instant firstSeen,
                            Instant lastSeen, @Nullable Instant clearedAt, Map<String, String> attributes,
                            List<Instant> raises, String domain, String home) {

    public ServiceAccess {
        requireNonNull(reductionKey, "reductionKey is null");
        requireNonNull(domain, "domain is null");
        requireNonNull(home, "home is null");
        attributes = Map.copyOf(requireNonNull(attributes, "attributes is null"));
        raises = List.copyOf(requireNonNull(raises, "raises is null"));
    }

    /** The state of {@code alarm}, held in {@code domain}, for its ticket home {@code home}. */
    public static ServiceAccess of(Alarm alarm, String domain, String home) {
        return new ServiceAccess(alarm.reductionKey(), alarm.sourceKind(), alarm.source(), alarm.name(), alarm.oid(),
                alarm.resource(), alarm.severity(), alarm.state(), alarm.count(), alarm.firstSeen(), alarm.lastSeen(),
                alarm.clearedAt(), alarm.attributes(), alarm.raises(), domain, home);
    }

    /** The mirror the home holds, attached to the ticket the home gave it ({@code ticketReference}, or null). */
    public Alarm mirror(String ticketReference) {
        return new Alarm(reductionKey, sourceKind, source, name, oid, resource, severity, state, count, firstSeen,
                lastSeen, clearedAt, ticketReference, attributes, raises);
    }

    /**
     * Whether this state of the alarm comes after {@code held}'s: a later first occurrence is a new alarm
     * of the same key (the old one was retired, noc.retention.cleared-alarms); for the same one, the
     * higher {@link #version}. First occurrences are compared to the millisecond, as MariaDB keeps them:
     * the alarm's session, rebuilt from its row, sends the time a little shorter than it first did.
     */
    public boolean isNewerThan(Alarm held) {
        int first = firstSeen.truncatedTo(ChronoUnit.MILLIS).compareTo(held.firstSeen().truncatedTo(ChronoUnit.MILLIS));
        return first != 0 ? first > 0 : version() > version(held);
    }

    /**
     * Orders the states of one alarm: every occurrence adds one to its count, and a clear comes after the
     * occurrences it clears, so {@code 2 × count}, plus one when cleared, only grows.
     */
    public long version() {
        return version(count, state);
    }

    public static long version(Alarm alarm) {
        return version(alarm.count(), alarm.state());
    }

    private static long version(long count, AlarmState state) {
        return 2 * count + (state == AlarmState.RAISED ? 0 : 1);
    }
}
