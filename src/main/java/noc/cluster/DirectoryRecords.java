package noc.cluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import noc.security.ApiToken;
import noc.security.Role;

/**
 * The records of the directory topic ({@link ClusterConfiguration#directoryTopic()}): what a collector
 * routes and authenticates by without a database, which engines publish from MariaDB. The topic is
 * compacted, so its latest record per key is the entry; a record without a value (a tombstone)
 * removes it.
 *
 * <ul>
 *   <li>{@code address:<source>}: the correlation domain of a source the inventory knows (a device's
 *       address or name, {@code CorrelationDomains.sources()}), as UTF-8 text;</li>
 *   <li>{@code token:<sha-256>}: an API token, known by the hash of its secret as in MariaDB, as JSON:
 *       its name, roles, who made it and when. The secret itself never travels.</li>
 * </ul>
 *
 * A key of another kind (a later version's) is read as {@link Entry.Other} and left alone.
 */
@Singleton
public final class DirectoryRecords {

    /** What the key of a source's entry starts with. */
    public static final String ADDRESS = "address:";
    /** What the key of a token's entry starts with. */
    public static final String TOKEN = "token:";

    private final JsonMapper json;

    public DirectoryRecords(JsonMapper json) {
        this.json = json;
    }

    public static String addressKey(String source) {
        return ADDRESS + source;
    }

    public static String tokenKey(String hash) {
        return TOKEN + hash;
    }

    /** The value of a source's entry: its domain. */
    public static byte[] domain(String domain) {
        return domain.getBytes(StandardCharsets.UTF_8);
    }

    /** The value of a token's entry. */
    public byte[] token(ApiToken token) {
        try {
            return json.writeValueAsBytes(new TokenValue(token.name(), token.roles().stream().map(Role::id).sorted()
                    .toList(), token.createdBy(), token.createdAt()));
        } catch (IOException e) {
            throw new IllegalStateException("a token could not be written as a directory record", e);
        }
    }

    /**
     * The entry a record sets or removes.
     *
     * @throws IllegalArgumentException naming the key, when its value cannot be read
     */
    public Entry read(String key, byte[] value) {
        if (key == null) {
            return new Entry.Other("(no key)");
        }
        if (key.startsWith(ADDRESS)) {
            String source = key.substring(ADDRESS.length());
            return new Entry.Address(source, value == null ? null : new String(value, StandardCharsets.UTF_8));
        }
        if (key.startsWith(TOKEN)) {
            String hash = key.substring(TOKEN.length());
            return new Entry.Token(hash, value == null ? null : token(key, hash, value));
        }
        return new Entry.Other(key);
    }

    private ApiToken token(String key, String hash, byte[] value) {
        TokenValue read;
        try {
            read = json.readValue(value, Argument.of(TokenValue.class));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the directory entry " + key + " is not a token's JSON");
        }
        if (read == null || read.name() == null || read.roles() == null || read.createdBy() == null
                || read.createdAt() == null) {
            throw new IllegalArgumentException("the directory entry " + key + " lacks a token's name, roles or "
                    + "maker");
        }
        // a role this version does not know grants nothing here
        return new ApiToken(read.name(), hash, read.roles().stream().map(Role::of).flatMap(java.util.Optional::stream)
                .collect(java.util.stream.Collectors.toSet()), read.createdBy(), read.createdAt(), null);
    }

    /** A token's entry as it travels. */
    @Serdeable
    record TokenValue(String name, List<String> roles, String createdBy, Instant createdAt) {
    }

    /** What one record of the directory says. */
    public sealed interface Entry {

        /** A source's domain; null removes it. */
        record Address(String source, String domain) implements Entry {
            public Address {
                requireNonNull(source, "source is null");
            }
        }

        /** A token, by the hash of its secret; null removes it (revoked). */
        record Token(String hash, ApiToken token) implements Entry {
            public Token {
                requireNonNull(hash, "hash is null");
            }
        }

        /** A key of a kind this version does not read. */
        record Other(String key) implements Entry {
        }
    }
}
