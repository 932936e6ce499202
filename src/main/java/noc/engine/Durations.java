package noc.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Durations as people say them, for the journal, which customers read too, and for rules whose text
 * names a configured figure ({@code "quiet for " + Durations.inWords($quiet)}).
 */
public final class Durations {

    private Durations() {
    }

    /** {@code 1 day}, {@code 4 hours}, {@code 90 minutes}, {@code 3 seconds}: the largest whole unit. */
    public static String inWords(Duration duration) {
        long seconds = duration.toSeconds();
        for (var unit : List.of(Map.entry(86_400L, "day"), Map.entry(3_600L, "hour"), Map.entry(60L, "minute"))) {
            if (seconds >= unit.getKey() && seconds % unit.getKey() == 0) {
                long count = seconds / unit.getKey();
                return count + " " + unit.getValue() + (count == 1 ? "" : "s");
            }
        }
        return seconds + (seconds == 1 ? " second" : " seconds");
    }
}
