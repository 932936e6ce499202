package noc.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which servers the correlator starts on (every integration test starts it on a real one). */
class ServerVersionTest {

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            10.11.19-MariaDB-0+deb12u1 | true
            10.11.5-MariaDB            | true
            10.6.0-MariaDB-log         | true
            11.4.2-MariaDB-ubu2404     | true
            10.5.23-MariaDB            | false
            10.3.39-MariaDB-0+deb10u2  | false
            8.0.36                     | false
            ''                         | false
            """)
    void mariaDbFromTenSixOn(String version, boolean supported) {
        assertThat(ServerVersion.supported(version)).isEqualTo(supported);
    }
}
