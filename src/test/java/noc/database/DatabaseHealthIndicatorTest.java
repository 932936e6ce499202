package noc.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

class DatabaseHealthIndicatorTest {

    @Test
    void theReasonGivesTheSqlStateAndNeverTheMessage() {
        RuntimeException failure = new RuntimeException("wrapped", new SQLTransientConnectionException(
                "Could not connect to jdbc:mariadb://db:3306/noc as user noc: SELECT 1", "08000"));

        assertThat(DatabaseHealthIndicator.unreachable(failure)).isEqualTo("database unreachable: SQL state 08000");
    }

    @Test
    void withoutASqlStateTheReasonNamesTheKindOfFailureOnly() {
        RuntimeException failure = new IllegalStateException("jdbc:mariadb://db:3306/noc user noc",
                new SQLException("no state here"));

        assertThat(DatabaseHealthIndicator.unreachable(failure)).isEqualTo("database unreachable: IllegalStateException");
    }
}
