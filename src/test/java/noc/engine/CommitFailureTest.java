package noc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which commit failures are a refusal of the data (isolated) and which pass (retried). */
class CommitFailureTest {

    @ParameterizedTest(name = "SQL state {0}, error {1}: data refusal {2}")
    @CsvSource({
            "22001, 1406, true",   // data too long
            "23000, 1452, true",   // foreign key
            "22007, 1292, true",   // incorrect value
            "45000, 1644, true",   // a trigger's SIGNAL
            "44000, 1369, true",   // check option
            "HY000, 1366, true",   // incorrect string value
            "HY000, 3819, true",   // check constraint
            "08S01, 0, false",     // connection lost
            "40001, 1213, false",  // deadlock
            "HY000, 1205, false",  // lock wait timeout
            "HY000, 2013, false",  // lost connection during query
            "42S02, 1146, false",  // table missing: an operator's fix, not the input's fault
            "42000, 1142, false",  // privilege missing
            "70100, 1927, false"}) // connection killed
    void dataRefusalsAreIsolatedAndPassingFailuresRetried(String state, int error, boolean refusal) {
        RuntimeException wrapped = new IllegalStateException("commit failed", new SQLException("boom", state, error));

        assertThat(Committer.isDataRefusal(wrapped)).isEqualTo(refusal);
    }

    @Test
    void aFailureWithoutSqlStateIsRetried() {
        assertThat(Committer.isDataRefusal(new RuntimeException(new SQLTransientConnectionException("down"))))
                .isFalse();
    }
}
