package noc.tools;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Alertmanager webhook bodies (version 4) for {@link AlertLoadGenerator}, as Alertmanager writes
 * them: a group's fields, then its alerts with labels, annotations, times, generator URL and
 * fingerprint. Each series is one label set on one source ({@code instance} {@code 10.x.y.z}, the
 * address of device i in bench/lib.sh's inventory); a body carries distinct series, some firing,
 * some resolved.
 */
final class AlertBodies {

    /** Alert names with their severity label, as a Prometheus rule set might have them. */
    private static final String[][] RULES = {
            {"InstanceDown", "critical"}, {"HostHighCpuLoad", "warning"}, {"HostOutOfMemory", "warning"},
            {"HostDiskWillFillIn24Hours", "warning"}, {"HostOutOfDiskSpace", "critical"},
            {"HostNetworkReceiveErrors", "warning"}, {"HostClockSkew", "warning"}, {"BlackboxProbeFailed", "critical"},
            {"BlackboxSlowProbe", "warning"}, {"InterfaceErrorsHigh", "major"}, {"HighLatency", "minor"},
            {"TargetScrapeSlow", "info"}};
    private static final String[] JOBS = {"node", "blackbox", "snmp"};

    private AlertBodies() {
    }

    static List<byte[]> encode(AlertLoadOptions options) {
        Random random = new Random(options.seed());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<byte[]> bodies = new ArrayList<>(options.bodies());
        int[] order = new int[options.series()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int position = order.length;
        for (int b = 0; b < options.bodies(); b++) {
            StringBuilder json = new StringBuilder(options.batch() * 700);
            json.append("{\"receiver\":\"noc-correlator\",\"status\":\"firing\",\"alerts\":[");
            for (int a = 0; a < options.batch(); a++) {
                if (position == order.length) { // a new shuffled pass: distinct series in a body
                    shuffle(order, random);
                    position = 0;
                }
                boolean resolved = random.nextInt(100) < options.resolvedPercent();
                appendAlert(json.append(a == 0 ? "" : ","), order[position++], resolved, options, now, random);
            }
            json.append("],\"groupLabels\":{},\"commonLabels\":{},\"commonAnnotations\":{},")
                    .append("\"externalURL\":\"http://alertmanager.example:9093\",\"version\":\"4\",")
                    .append("\"groupKey\":\"{}:{}\",\"truncatedAlerts\":0}");
            bodies.add(json.toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    private static void appendAlert(StringBuilder json, int series, boolean resolved, AlertLoadOptions options,
                                    Instant now, Random random) {
        int source = series % options.sources();
        int round = series / options.sources();
        // sources do not all have the same alerts: the rule is shifted by the source
        String[] rule = RULES[(int) ((round + 7L * source) % RULES.length)];
        int variant = round / RULES.length;
        String instance = "10." + ((source >> 16) & 255) + "." + ((source >> 8) & 255) + "." + (source & 255);
        String job = JOBS[source % JOBS.length];
        Instant startsAt = now.minusSeconds(60 + random.nextInt(3600));
        json.append("{\"status\":\"").append(resolved ? "resolved" : "firing").append("\",\"labels\":{")
                .append("\"alertname\":\"").append(rule[0]).append("\",\"instance\":\"").append(instance)
                .append("\",\"job\":\"").append(job).append("\",\"severity\":\"")
                .append(options.severity().isEmpty() ? rule[1] : options.severity()).append('"');
        if (variant > 0) {
            json.append(",\"device\":\"eth").append(variant).append('"');
        }
        json.append("},\"annotations\":{\"summary\":\"").append(rule[0]).append(" on ").append(instance)
                .append("\",\"description\":\"").append(rule[0]).append(" has held on ").append(instance)
                .append(" (job ").append(job).append(") for more than 5 minutes.\"},")
                .append("\"startsAt\":\"").append(startsAt).append("\",\"endsAt\":\"")
                .append(resolved ? now.toString() : "0001-01-01T00:00:00Z").append("\",")
                .append("\"generatorURL\":\"http://prometheus.example:9090/graph?g0.expr=up%3D%3D0&g0.tab=1\",")
                .append("\"fingerprint\":\"").append(fingerprint(series)).append("\"}");
    }

    /** Sixteen hex digits, distinct per series (Alertmanager's are a 64-bit hash of the label set). */
    private static String fingerprint(int series) {
        long mixed = (series + 1) * 0x9E3779B97F4A7C15L;
        mixed ^= mixed >>> 31;
        return HexFormat.of().toHexDigits(mixed);
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
