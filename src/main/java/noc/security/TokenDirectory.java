package noc.security;

import java.util.Optional;

/**
 * Where {@link ApiTokenValidator} finds an API token by the hash of its secret: the {@link Directory}
 * read from MariaDB on a node that owns the database, the directory topic on a collector.
 */
public interface TokenDirectory {

    /** The token whose secret hashes to {@code hash}, noting its use where uses are kept. */
    Optional<ApiToken> useToken(String hash);
}
