package noc.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.context.annotation.Context;
import io.micronaut.transaction.TransactionOperations;

/**
 * Checks at startup that the database is a MariaDB the correlator works on: 10.6 or later, for
 * {@code SELECT … FOR UPDATE SKIP LOCKED}, by which the outbox's delivery claims its rows. On an older
 * server every claim would fail, and no notification would ever be sent but a warning logged each
 * time: the start is refused instead, naming what is needed.
 */
@Context
public final class ServerVersion {

    private static final Logger LOG = LoggerFactory.getLogger(ServerVersion.class);
    private static final Pattern MARIADB = Pattern.compile("^(\\d+)\\.(\\d+)\\.\\d+.*MariaDB.*", Pattern.CASE_INSENSITIVE);

    public ServerVersion(TransactionOperations<Connection> transactions) {
        String version = transactions.executeRead(status -> {
            try (Statement statement = status.getConnection().createStatement();
                 ResultSet row = statement.executeQuery("SELECT VERSION()")) {
                row.next();
                return row.getString(1);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the database's version: " + e.getMessage(), e);
            }
        });
        if (!supported(version)) {
            throw new IllegalStateException("The database is " + version + ": the correlator needs MariaDB 10.6 or "
                    + "later (the outbox claims its rows with SELECT ... FOR UPDATE SKIP LOCKED)");
        }
        LOG.debug("Database server {}", version);
    }

    /** Whether {@code version}, as {@code SELECT VERSION()} answers it, is a MariaDB of 10.6 or later. */
    static boolean supported(String version) {
        Matcher matcher = MARIADB.matcher(version == null ? "" : version);
        if (!matcher.matches()) {
            return false;
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        return major > 10 || major == 10 && minor >= 6;
    }
}
