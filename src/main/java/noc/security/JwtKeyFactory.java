package noc.security;

import java.sql.Connection;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.transaction.TransactionOperations;
import noc.database.AppSecrets;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import io.micronaut.context.annotation.Requires;
import noc.cluster.Roles;

/**
 * The key that signs login tokens (HS256): made at the first start and kept in MariaDB, so that it
 * survives restarts and every instance on the same database accepts the others' tokens.
 */
@Factory
@Requires(condition = Roles.OwnsDatabase.class)
public class JwtKeyFactory {

    /**
     * Typed as the interface on purpose: {@link SecretSignature} is annotated {@code @EachBean} (one per
     * configured secret), and a factory method returning it inherits that, makes no bean, and leaves
     * the tokens unsigned ({@code alg: none}), which the validator then accepts.
     */
    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration loginTokenSignature(TransactionOperations<Connection> transactions) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        configuration.setBase64(true);
        configuration.setSecret(AppSecrets.getOrCreate(transactions, "login-tokens", 64));
        return new SecretSignature(configuration);
    }
}
