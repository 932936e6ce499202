package noc.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;
import io.micronaut.context.annotation.Requires;
import noc.cluster.Roles;

/**
 * Slows down guessing: after {@code free-login-failures} failed logins for a user name from one
 * address (or ten times as many from an address, whatever the names, against spraying), each further
 * attempt must wait 1 s, then 2 s, 4 s ... up to {@code max-login-delay} after the last failure.
 * Attempts made during the wait are refused without checking the password. Keyed by name and address
 * together, a guesser elsewhere cannot lock a person out, nor one person the others behind the same
 * proxy. A success clears that name's failures from that address. The memory is bounded: the oldest
 * entries go first.
 */
@Singleton
@Requires(condition = Roles.OwnsDatabase.class)
public class LoginThrottle {

    private static final int MAX_KEYS = 20_000;
    private static final int ADDRESS_FACTOR = 10;

    private final SecurityConfiguration configuration;
    private final Map<String, Failures> failures = new LinkedHashMap<>(256, 0.75f, true);

    public LoginThrottle(SecurityConfiguration configuration) {
        this.configuration = configuration;
    }

    private static final class Failures {
        int count;
        Instant last;
        boolean refusalSeen;
    }

    /**
     * The answer to a login attempt before its password is checked: go on, or wait (and whether this
     * is the first refusal since the last failure, the one worth auditing).
     */
    public record Decision(Optional<Duration> delay, boolean firstRefusal) {
    }

    /**
     * Decides on an attempt and, when it may go on, counts it as a failure at once, so that attempts
     * made in parallel cannot all pass the check; {@link #succeeded} takes it back.
     */
    public synchronized Decision attempt(String username, String address, Instant now) {
        Optional<Duration> wait = wait(username, address, now);
        if (wait.isPresent()) {
            boolean first = false;
            for (String key : keys(username, address)) {
                Failures entry = failures.get(key);
                if (entry != null && !entry.refusalSeen) {
                    entry.refusalSeen = true;
                    first = true;
                }
            }
            return new Decision(wait, first);
        }
        failed(username, address, now);
        return new Decision(Optional.empty(), false);
    }

    /** How long the caller must still wait, if it must. */
    private Optional<Duration> wait(String username, String address, Instant now) {
        Duration longest = Duration.ZERO;
        for (String key : keys(username, address)) {
            Failures entry = failures.get(key);
            if (entry == null || entry.last.plus(configuration.loginFailureMemory()).isBefore(now)) {
                continue;
            }
            int free = key.startsWith("address:") ? ADDRESS_FACTOR * configuration.freeLoginFailures()
                    : configuration.freeLoginFailures();
            int over = entry.count - free;
            if (over < 0) {
                continue;
            }
            Duration delay = Duration.ofSeconds(1L << Math.min(over, 30));
            if (delay.compareTo(configuration.maxLoginDelay()) > 0) {
                delay = configuration.maxLoginDelay();
            }
            Duration left = Duration.between(now, entry.last.plus(delay));
            if (left.compareTo(longest) > 0) {
                longest = left;
            }
        }
        return longest.isZero() || longest.isNegative() ? Optional.empty() : Optional.of(longest);
    }

    private void failed(String username, String address, Instant now) {
        for (String key : keys(username, address)) {
            Failures entry = failures.computeIfAbsent(key, k -> new Failures());
            if (entry.last != null && entry.last.plus(configuration.loginFailureMemory()).isBefore(now)) {
                entry.count = 0;
            }
            entry.count++;
            entry.last = now;
            entry.refusalSeen = false;
        }
        Iterator<String> oldest = failures.keySet().iterator();
        while (failures.size() > MAX_KEYS && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    /** The attempt succeeded: the name's failures from that address are forgotten, the address's not counted. */
    public synchronized void succeeded(String username, String address) {
        String[] keys = keys(username, address);
        failures.remove(keys[0]);
        Failures byAddress = failures.get(keys[1]);
        if (byAddress != null && byAddress.count > 0) {
            byAddress.count--;
        }
    }

    private static String[] keys(String username, String address) {
        return new String[] {"user:" + address + "/" + username, "address:" + address};
    }
}
