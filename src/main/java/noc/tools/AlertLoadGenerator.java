package noc.tools;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends Prometheus Alertmanager webhooks (version 4) to {@code POST /api/v1/alertmanager}, for
 * benchmarks: {@code java -jar noc-correlator.jar loadgen-alerts --target 127.0.0.1:8080 --token T
 * --connections 2 --seconds 10}. Like Alertmanager's webhook sender, each connection is one
 * keep-alive HTTP/1.1 connection with one thread that sends a request and waits for its answer
 * before sending the next. The bodies (100 alerts each by default) are encoded beforehand from a
 * pool of distinct alert series spread over the sources, so that the generator spends its time
 * sending. Loopback targets only; every wait is bounded.
 */
public final class AlertLoadGenerator {

    private AlertLoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        AlertLoadOptions options = AlertLoadOptions.parse(args);
        InetSocketAddress target = new InetSocketAddress(InetAddress.getByName(options.host()), options.port());
        if (!target.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("--target must be a loopback address, not " + target.getAddress());
        }
        List<byte[]> requests = AlertBodies.encode(options).stream()
                .map(body -> HttpConnection.request(options, body)).toList();

        AtomicLong remaining = new AtomicLong(options.requests() > 0 ? options.requests() : Long.MAX_VALUE);
        long start = System.nanoTime();
        long deadline = start + options.seconds() * 1_000_000_000L;
        List<Sender> senders = new ArrayList<>();
        for (int i = 0; i < options.connections(); i++) {
            senders.add(new Sender(i, target, requests, options, remaining, deadline));
        }
        senders.forEach(Thread::start);
        for (Sender sender : senders) {
            sender.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        print(options, senders, seconds);
    }

    private static void print(AlertLoadOptions options, List<Sender> senders, double seconds) {
        long sent = 0;
        long answered2xx = 0;
        long errors = 0;
        Map<Integer, Long> statuses = new TreeMap<>();
        long[] latencies = new long[0];
        for (Sender sender : senders) {
            sent += sender.sent;
            errors += sender.errors;
            sender.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
            latencies = concat(latencies, Arrays.copyOf(sender.latencies, sender.answered));
        }
        for (Map.Entry<Integer, Long> entry : statuses.entrySet()) {
            if (entry.getKey() / 100 == 2) {
                answered2xx += entry.getValue();
            }
        }
        long alertsOk = answered2xx * options.batch();
        StringBuilder byStatus = new StringBuilder();
        statuses.forEach((status, count) -> byStatus.append(byStatus.isEmpty() ? "" : ",").append(status)
                .append(':').append(count));
        System.out.printf(Locale.ROOT, "requests %d alerts %d answered-2xx %d alerts-2xx %d seconds %.2f alerts/s %.0f "
                        + "statuses %s errors %d connections %d batch %d%n",
                sent, sent * options.batch(), answered2xx, alertsOk, seconds, alertsOk / seconds,
                byStatus.isEmpty() ? "-" : byStatus, errors, options.connections(), options.batch());
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "latency-ms p50 %.1f p90 %.1f p99 %.1f p99.9 %.1f max %.1f%n",
                percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
                percentile(latencies, 99.9), latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
        for (Sender sender : senders) {
            if (sender.firstError != null) {
                System.out.println("connection " + sender.index + ": " + sender.firstError);
            }
        }
    }

    private static double percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** One connection and its thread: send, wait for the answer, send the next. */
    private static final class Sender extends Thread {

        private final int index;
        private final InetSocketAddress target;
        private final List<byte[]> requests;
        private final AlertLoadOptions options;
        private final AtomicLong remaining;
        private final long deadline;
        private final Map<Integer, Long> statuses = new TreeMap<>();
        private long[] latencies = new long[4096];
        private int answered;
        private long sent;
        private long errors;
        private String firstError;

        Sender(int index, InetSocketAddress target, List<byte[]> requests, AlertLoadOptions options,
               AtomicLong remaining, long deadline) {
            super("alert-sender-" + index);
            this.index = index;
            this.target = target;
            this.requests = requests;
            this.options = options;
            this.remaining = remaining;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            // Each connection starts at a different body, so that connections do not send the same alerts together.
            int next = (int) ((long) index * requests.size() / options.connections());
            HttpConnection connection = null;
            while (System.nanoTime() < deadline && remaining.getAndDecrement() > 0) {
                try {
                    if (connection == null) {
                        connection = HttpConnection.open(target, options.timeoutSeconds());
                    }
                    long begin = System.nanoTime();
                    sent++;
                    int status = connection.exchange(requests.get(next));
                    record(System.nanoTime() - begin);
                    statuses.merge(status, 1L, Long::sum);
                    if (!connection.keepAlive()) {
                        connection.close();
                        connection = null;
                    }
                } catch (IOException e) {
                    errors++;
                    if (firstError == null) {
                        firstError = e.toString();
                    }
                    if (connection != null) {
                        connection.close();
                        connection = null;
                    }
                    pause(); // a refused connection must not spin
                }
                next = next + 1 == requests.size() ? 0 : next + 1;
            }
            if (connection != null) {
                connection.close();
            }
        }

        private static void pause() {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void record(long nanos) {
            if (answered == latencies.length) {
                latencies = Arrays.copyOf(latencies, latencies.length * 2);
            }
            latencies[answered++] = nanos;
        }
    }
}
