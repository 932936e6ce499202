package noc.support;

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
        String body = app.get("/prometheus").body();
        String series = labels.isEmpty() ? name : name + "{" + labels + "}";
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE)
                .matcher(body);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    /** Waits, for at most 20 s, until {@code name} (no labels) has grown by {@code by}; its value then. */
    public static double awaitIncrease(TestApplication app, String name, double by) throws InterruptedException {
        double target = value(app, name, "") + by;
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
        double value;
        while ((value = value(app, name, "")) < target && java.time.Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        if (value < target) {
            throw new AssertionError(name + " did not grow by " + by + " in 20 s: " + value);
        }
        return value;
    }

    /** Waits, for at most 20 s, until the series (name and labels, as {@link #value}) sum to {@code total}. */
    public static void awaitSum(TestApplication app, double total, String[]... series) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
        double sum;
        do {
            sum = 0;
            for (String[] one : series) {
                sum += value(app, one[0], one[1]);
            }
            if (sum == total) {
                return;
            }
            Thread.sleep(50);
        } while (java.time.Instant.now().isBefore(deadline));
        throw new AssertionError("the series summed to " + sum + ", not " + total);
    }

    /**
     * Waits, for at most {@code timeout}, until the series (name and labels, as {@link #value}) equals
     * {@code expected}; fails with its last value otherwise.
     */
    public static void awaitValue(TestApplication app, String name, String labels, double expected,
                                  java.time.Duration timeout) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plus(timeout);
        double value;
        while ((value = value(app, name, labels)) != expected && java.time.Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        if (value != expected) {
            throw new AssertionError(name + "{" + labels + "} is " + value + ", not " + expected + ", after " + timeout);
        }
    }
}
