package noc.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads an RFC 3339 time to an instant, as {@code OffsetDateTime.parse(text).toInstant()} does and
 * with the same answers, but without the general formatter for the forms monitoring systems send
 * ({@code 2026-03-02T08:00:00Z}, {@code 2026-03-02T08:00:00.123456789+01:00}): Alertmanager
 * webhooks carry two times per alert, and the formatter was a fifth of the intake's decoding.
 * Anything else goes to {@code OffsetDateTime.parse}, which accepts it or says why not.
 */
final class Rfc3339 {

    private static final int SECONDS = "2026-03-02T08:00:00".length();

    private Rfc3339() {
    }

    /** The instant; a {@link DateTimeException} (from {@code OffsetDateTime.parse}) when the text is not one. */
    static Instant parse(String text) {
        Instant fast = fast(text);
        return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
    }

    /** The instant of the common forms; null for anything else, valid or not. */
    static Instant fast(String text) {
        int length = text.length();
        if (length < SECONDS + 1 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = SECONDS;
        int nanos = 0;
        if (text.charAt(i) == '.') {
            int start = ++i;
            while (i < length && i - start < 9 && isDigit(text.charAt(i))) {
                nanos = nanos * 10 + (text.charAt(i) - '0');
                i++;
            }
            int fractionDigits = i - start;
            if (fractionDigits == 0 || i < length && isDigit(text.charAt(i))) {
                return null;
            }
            for (int d = fractionDigits; d < 9; d++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == length - 1 && text.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == length - 6 && (text.charAt(i) == '+' || text.charAt(i) == '-') && text.charAt(i + 3) == ':') {
            int hours = digits(text, i + 1, 2);
            int minutes = digits(text, i + 4, 2);
            if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
                return null;
            }
            offsetSeconds = (text.charAt(i) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(LocalDate.of(year, month, day), LocalTime.of(hour, minute, second, nanos),
                    ZoneOffset.ofTotalSeconds(offsetSeconds)).toInstant();
        } catch (DateTimeException e) {
            return null; // out of range: the formatter says which field
        }
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
