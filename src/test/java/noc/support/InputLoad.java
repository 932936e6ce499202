package noc.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Inputs sent to a running correlator from several threads until {@link #close()}: informs, traps or
 * HTTP alarms. Each input has a source of its own (informs, HTTP alarms) so that it is one alarm of
 * count 1 once committed; an input is {@link #acknowledged()} when its sender got the answer that
 * means committed (an inform's response, a 2xx). Traps have no answer: they are only counted.
 * A load stops by itself after 120 s, so that a test failing before {@link #close()}
 * leaves no sender running against the next tests.
 */
public final class InputLoad implements AutoCloseable {

    private static final long LONGEST = 120_000_000_000L;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final long stopBy = System.nanoTime() + LONGEST;
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();

    private InputLoad() {
    }

    /**
     * Informs (SNMP v2c linkDown, no retry, 2 s timeout) to {@code port}, one device address per
     * inform: {@code 10.<network>.<thread>.<n>}, then on through the next third octets.
     */
    public static InputLoad informs(int port, int threads, int network) {
        InputLoad load = new InputLoad();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            load.run("informs-" + t, () -> {
                try (TrapSender sender = new TrapSender(port)) {
                    for (int n = 0; load.sending(); n++) {
                        String device = "10." + network + "." + (thread * 40 + n / 250) + "." + (n % 250 + 1);
                        load.sent.add(device);
                        boolean answered = sender.informLinkDown(device, 1, n + 1);
                        load.count(answered ? "answered" : "unanswered");
                        if (answered) {
                            load.acknowledged.add(device);
                        }
                    }
                }
            });
        }
        return load;
    }

    /**
     * Traps (SNMP v2c linkDown) to {@code port}, about {@code perSecond} in all, about {@code devices}
     * device addresses {@code 10.<network>.<thread>.<k>} in turn, so that alarms repeat and counts grow.
     */
    public static InputLoad traps(int port, int threads, int perSecond, int devices, int network) {
        InputLoad load = new InputLoad();
        long pauseNanos = 1_000_000_000L * threads / perSecond;
        int perThread = Math.max(1, devices / threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            load.run("traps-" + t, () -> {
                try (TrapSender sender = new TrapSender(port)) {
                    long next = System.nanoTime();
                    for (int n = 0; load.sending(); n++) {
                        sender.link(TrapSender.LINK_DOWN, "10." + network + "." + thread + "." + (n % perThread + 1), 1);
                        load.count("sent");
                        next += pauseNanos;
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    }
                }
            });
        }
        return load;
    }

    /**
     * Generic alarms, one per request, POSTed to {@code alarms} with {@code bearer}: severity major, source
     * {@code <prefix>-<thread>-<n>}; a request waits at most 90 s for its answer.
     */
    public static InputLoad httpAlarms(URI alarms, String bearer, int threads, String prefix) {
        InputLoad load = new InputLoad();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            load.run("http-" + t, () -> {
                for (int n = 0; load.sending(); n++) {
                    String source = prefix + "-" + thread + "-" + n;
                    load.sent.add(source);
                    HttpRequest request = HttpRequest.newBuilder(alarms).timeout(Duration.ofSeconds(90))
                            .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"source\":\"" + source
                                    + "\",\"name\":\"Fault under test\",\"severity\":\"major\",\"resource\":\"r\"}"))
                            .build();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        load.count("http " + status);
                        if (status / 100 == 2) {
                            load.acknowledged.add(source);
                        } else if (status == 503) {
                            Thread.sleep(200); // as a sender honouring Retry-After would, in short
                        }
                    } catch (IOException e) {
                        load.count("no answer");
                        Thread.sleep(50); // not a busy loop against a closed port
                    }
                }
            });
        }
        return load;
    }

    private boolean sending() {
        return running.get() && System.nanoTime() - stopBy < 0;
    }

    private interface Body {
        void run() throws Exception;
    }

    private void run(String name, Body body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                count("sender failed: " + e);
            }
        }, "load-" + name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet();
    }

    /** Every input sent (informs and HTTP alarms: their source). */
    public Set<String> sent() {
        return Set.copyOf(sent);
    }

    /** The inputs whose sender was told they are committed. */
    public Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /** How many inputs ended how: {@code answered}, {@code unanswered}, {@code http 200}, {@code sent} … */
    public Map<String, Long> outcomes() {
        Map<String, Long> copy = new TreeMap<>();
        outcomes.forEach((outcome, count) -> copy.put(outcome, count.get()));
        return copy;
    }

    public long outcome(String name) {
        AtomicLong count = outcomes.get(name);
        return count == null ? 0 : count.get();
    }

    /** Stops sending new inputs, without waiting for the answers of those in flight. */
    public void stopSending() {
        running.set(false);
    }

    /** Stops sending and waits (at most 100 s) for the answers of the inputs in flight. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(100_000);
            if (thread.isAlive()) {
                throw new AssertionError(thread.getName() + " still waits for an answer after 100 s");
            }
        }
        if (outcomes.keySet().stream().anyMatch(o -> o.startsWith("sender failed"))) {
            throw new AssertionError("a sender failed: " + outcomes());
        }
    }
}
