package noc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.OffsetDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The quick reader of RFC 3339 times answers exactly as {@code OffsetDateTime.parse} does. */
class Rfc3339Test {

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-02T08:00:00Z", "2026-03-02T08:00:00.5Z", "2026-03-02T08:00:00.123Z",
            "2026-03-02T08:00:00.123456789Z", "2026-03-02T08:00:00.000000001+01:00", "2026-03-02T23:59:59-05:30",
            "2024-02-29T12:00:00+18:00", "2026-12-31T23:59:59.999999999-18:00", "0001-01-01T00:00:00Z",
            "2026-03-02T08:00:00+00:00", "2026-03-02T08:00:00-00:00", "2026-03-02t08:00:00z", "2026-03-02T08:00Z",
            "2026-03-02T08:00:00+01:00:30", "+12026-03-02T08:00:00Z", "2026-03-02T08:00:00.Z", "2026-03-02T08:00:00+01"})
    void readsAValidTimeAsTheFormatterDoes(String text) {
        assertThat(Rfc3339.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-02T08:00:00Z", "2026-03-02T08:00:00.123456789Z",
            "2026-03-02T08:00:00.25-05:30"})
    void takesTheCommonFormsWithoutTheFormatter(String text) {
        assertThat(Rfc3339.fast(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-03-02", "2026-03-02T08:00:00", "2026-02-30T08:00:00Z", "2026-13-02T08:00:00Z",
            "2026-03-02T24:00:00Z", "2026-03-02T23:59:60Z", "2026-03-02T08:60:00Z", "2026-03-02T08:00:00.1234567890Z",
            "2026-03-02T08:00:00+19:00", "2026-03-02T08:00:00+01:60", "2026-03-02T08:00:00+0100",
            "2026-03-02 08:00:00Z", "2026-03-02T08:00:00ZZ", "2026-3-02T08:00:00Z", "2026-03-02T08:00:0xZ",
            "yesterday", "2026-03-02T08:00:00.12345678901Z"})
    void refusesWhatTheFormatterRefusesWithItsMessage(String text) {
        String expected = messageOf(text);
        assertThatThrownBy(() -> Rfc3339.parse(text)).isInstanceOf(DateTimeException.class).hasMessage(expected);
    }

    private static String messageOf(String text) {
        try {
            OffsetDateTime.parse(text);
        } catch (DateTimeException e) {
            return e.getMessage();
        }
        throw new AssertionError(text + " is valid");
    }
}
