package noc.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import noc.cluster.Roles;

/**
 * The users and API tokens, kept in memory so that checking a request's token never waits on
 * MariaDB (it runs on the event loop). Read again after every change made here, and every
 * {@code noc.security.directory-refresh} for changes made by another instance. Token uses are
 * noted here and written to MariaDB with the next refresh.
 */
@Singleton
@Requires(condition = Roles.OwnsDatabase.class)
public class Directory implements TokenDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(Directory.class);

    private final SecurityStore store;
    private final Clock clock;
    private volatile Map<String, User> users = Map.of();
    private volatile Map<String, ApiToken> tokensByHash = Map.of();
    private final Map<String, Instant> tokenUses = new ConcurrentHashMap<>();

    public Directory(SecurityStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Optional<User> user(String username) {
        return Optional.ofNullable(users.get(username));
    }

    /** The token whose secret hashes to {@code hash}, noting its use. */
    @Override
    public Optional<ApiToken> useToken(String hash) {
        ApiToken token = tokensByHash.get(hash);
        if (token != null) {
            tokenUses.put(token.name(), clock.instant());
        }
        return Optional.ofNullable(token);
    }

    /** When a token was last used, counting uses not yet written. */
    public Optional<Instant> lastUse(ApiToken token) {
        Instant pending = tokenUses.get(token.name());
        if (pending == null) {
            return Optional.ofNullable(token.lastUsedAt());
        }
        return Optional.of(token.lastUsedAt() == null || pending.isAfter(token.lastUsedAt()) ? pending
                : token.lastUsedAt());
    }

    /**
     * Every API token by the hash of its secret, as last read: a new map after each read, so that a
     * caller sees a change by the map it gets.
     */
    public Map<String, ApiToken> tokens() {
        return tokensByHash;
    }

    /** Whether an API token has the name {@code name}. */
    public boolean isTokenName(String name) {
        return tokensByHash.values().stream().anyMatch(token -> token.name().equals(name));
    }

    @Scheduled(fixedDelay = "${noc.security.directory-refresh:30s}", initialDelay = "${noc.security.directory-refresh:30s}")
    void scheduledRefresh() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("Users and tokens not read again: {}", e.toString());
        }
    }

    /** Writes the noted token uses and reads users and tokens again. */
    public synchronized void refresh() {
        for (Map.Entry<String, Instant> use : Map.copyOf(tokenUses).entrySet()) {
            store.tokenUsed(use.getKey(), use.getValue());
            tokenUses.remove(use.getKey(), use.getValue());
        }
        Map<String, User> freshUsers = new ConcurrentHashMap<>();
        store.allUsers().forEach(user -> freshUsers.put(user.username(), user));
        Map<String, ApiToken> freshTokens = new ConcurrentHashMap<>();
        store.allTokens().forEach(token -> freshTokens.put(token.tokenHash(), token));
        users = freshUsers;
        tokensByHash = Map.copyOf(freshTokens);
    }
}
