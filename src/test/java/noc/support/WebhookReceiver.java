package noc.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The far end of a webhook, as a chat service would be, in the test JVM: {@link #url()} on a free port
 * of 127.0.0.1 takes POSTs, answers each with the status chosen for its call number, and records it.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A request received: its call number (from 1), the status answered, its idempotency key and body. */
    public record Request(int call, int status, String idempotencyKey, String body) {
    }

    private final HttpServer server;
    private final IntUnaryOperator statusOfCall;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** Answers every call 204. */
    public WebhookReceiver() {
        this(call -> 204);
    }

    /** Answers call {@code n} (from 1) with {@code statusOfCall.applyAsInt(n)}, as a failing service would. */
    public WebhookReceiver(IntUnaryOperator statusOfCall) {
        this.statusOfCall = statusOfCall;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", this::receive);
        server.start();
    }

    private synchronized void receive(HttpExchange exchange) throws IOException {
        int call = requests.size() + 1;
        int status = statusOfCall.applyAsInt(call);
        requests.add(new Request(call, status, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Where to send: {@code http://127.0.0.1:<port>/hook}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Every request received so far, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Waits, for at most 20 s, for a request that {@code wanted} takes; {@code what} names it in the failure. */
    public Request await(String what, Predicate<Request> wanted) {
        return Await.value(Duration.ofSeconds(20), what + " received by the webhook", this::requests,
                received -> received.stream().anyMatch(wanted)).stream().filter(wanted).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
