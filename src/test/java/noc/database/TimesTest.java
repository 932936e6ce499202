package noc.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/** Instants to UTC DATETIME values and back, nanoseconds and instants before 1970 included. */
class TimesTest {

    @Test
    void anInstantIsItsUtcDateTimeAndComesBackUnchanged() {
        for (String text : new String[] {"2026-12-02T06:20:31.123Z", "1969-12-31T23:59:59.123456789Z",
                "2100-01-01T00:00:00Z", "1970-01-01T00:00:00.000000001Z"}) {
            Instant instant = Instant.parse(text);
            LocalDateTime column = Times.toColumn(instant);
            assertThat(column).isEqualTo(LocalDateTime.parse(text.substring(0, text.length() - 1)));
            assertThat(Times.fromColumn(column)).isEqualTo(instant);
        }
        assertThat(Times.toColumn(null)).isNull();
        assertThat(Times.fromColumn((LocalDateTime) null)).isNull();
    }
}
