package noc.security;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;

/**
 * The key that signs login tokens (HS256): made at the first start and kept in MariaDB, so that it
 * survives restarts and every instance on the same database accepts the others' tokens.
 */
@Factory
public class JwtKeyFactory {

    @Singleton
    @Named("generator")
    SecretSignature loginTokenSignature(TransactionOperations<Connection> transactions) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        configuration.setBase64(true);
        configuration.setSecret(storedKey(transactions));
        return new SecretSignature(configuration);
    }

    private static String storedKey(TransactionOperations<Connection> transactions) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try {
                byte[] fresh = new byte[64];
                new SecureRandom().nextBytes(fresh);
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT IGNORE INTO app_secret (name, value) VALUES ('login-tokens', ?)")) {
                    insert.setString(1, Base64.getEncoder().encodeToString(fresh));
                    insert.executeUpdate();
                }
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT value FROM app_secret WHERE name = 'login-tokens'");
                     ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the login token key: SQL state " + e.getSQLState(), e);
            }
        });
    }
}
