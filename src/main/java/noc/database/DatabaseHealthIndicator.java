package noc.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

/**
 * {@code /health} shows whether MariaDB answers, without its URL or user name (Micronaut's JDBC
 * indicator, turned off, would show both to anyone).
 */
@Singleton
public class DatabaseHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final TransactionOperations<Connection> transactions;

    public DatabaseHealthIndicator(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        try {
            boolean valid = transactions.executeRead(status -> {
                try {
                    return status.getConnection().isValid(2);
                } catch (SQLException e) {
                    return false;
                }
            });
            healthStatus = valid ? HealthStatus.UP : HealthStatus.DOWN;
            return Map.of("answers", valid);
        } catch (RuntimeException e) {
            healthStatus = HealthStatus.DOWN;
            return Map.of("answers", false);
        }
    }

    @Override
    protected String getName() {
        return "database";
    }
}
