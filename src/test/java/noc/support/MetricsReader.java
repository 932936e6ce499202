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
}
