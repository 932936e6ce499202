package noc.database;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

import io.micronaut.transaction.TransactionOperations;

/**
 * Keys the service makes for itself at its first start and keeps in {@code app_secret}: the one that
 * signs email links, the one that signs login tokens. Whichever instance comes first makes a key;
 * every instance then reads the same one.
 */
public final class AppSecrets {

    private AppSecrets() {
    }

    /** The key {@code name}, in Base64: made of {@code bytes} random bytes when it does not exist yet. */
    public static String getOrCreate(TransactionOperations<Connection> transactions, String name, int bytes) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try {
                byte[] fresh = new byte[bytes];
                new SecureRandom().nextBytes(fresh);
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT IGNORE INTO app_secret (name, value) VALUES (?, ?)")) {
                    insert.setString(1, name);
                    insert.setString(2, Base64.getEncoder().encodeToString(fresh));
                    insert.executeUpdate();
                }
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT value FROM app_secret WHERE name = ?")) {
                    select.setString(1, name);
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        return row.getString(1);
                    }
                }
            } catch (SQLException e) {
                // the state only: the message could carry SQL
                throw new IllegalStateException("cannot read the key '" + name + "': SQL state " + e.getSQLState(), e);
            }
        });
    }
}
