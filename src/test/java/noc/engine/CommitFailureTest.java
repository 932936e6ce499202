package noc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which commit failures the engine gives up on (the data) and which it retries (the connection). */
class CommitFailureTest {

    @ParameterizedTest(name = "SQL state {0}: permanent {1}")
    @CsvSource({"22001, true", "23000, true", "22007, true", "08S01, false", "40001, false", "HY000, false"})
    void dataErrorsArePermanentAndConnectionErrorsAreRetried(String state, boolean permanent) {
        RuntimeException wrapped = new IllegalStateException("commit failed", new SQLException("boom", state));

        assertThat(Engine.isPermanent(wrapped)).isEqualTo(permanent);
    }

    @Test
    void aFailureWithoutSqlStateIsRetried() {
        assertThat(Engine.isPermanent(new RuntimeException(new SQLTransientConnectionException("down")))).isFalse();
    }
}
