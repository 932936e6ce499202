package noc.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample from the Prometheus text the application serves. */
public final class MetricsReader {

    private MetricsReader() {
    }

    /**
     * The value of {@code name} with exactly {@code labels} (as written, {@code reason="malformed"}),
     * or 0 when the series does not exist yet.
     */
    public static double value(TestApplication app, String name, String labels) {
        return value(app.admin(), name, labels);
    }

    /** The same, scraped by {@code scraper} (a caller with the metrics role: a collector has no admin). */
    public static double value(ApiClient scraper, String name, String labels) {
        String body = scraper.get("/prometheus").body();
        String series = labels.isEmpty() ? name : name + "{" + labels + "}";
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE)
                .matcher(body);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    /** Waits, for at most 20 s, until {@code name} (no labels) has grown by {@code by}; its value then. */
    public static double awaitIncrease(TestApplication app, String name, double by) {
        double target = value(app, name, "") + by;
        return Await.value(Duration.ofSeconds(20), name + " grown by " + by + " to " + target,
                () -> value(app, name, ""), value -> value >= target);
    }

    /** Waits, for at most 20 s, until the series (name and labels, as {@link #value}) sum to {@code total}. */
    public static void awaitSum(TestApplication app, double total, String[]... series) {
        Await.value(Duration.ofSeconds(20), "the series " + Arrays.deepToString(series) + " summing to " + total,
                () -> {
                    double sum = 0;
                    for (String[] one : series) {
                        sum += value(app, one[0], one[1]);
                    }
                    return sum;
                }, sum -> sum == total);
    }

    /**
     * Waits, for at most {@code timeout}, until the series (name and labels, as {@link #value}) equals
     * {@code expected}; fails with its last value otherwise.
     */
    public static void awaitValue(TestApplication app, String name, String labels, double expected,
                                  Duration timeout) {
        Await.value(timeout, name + "{" + labels + "} at " + expected, () -> value(app, name, labels),
                value -> value == expected);
    }
}
