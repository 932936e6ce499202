package noc.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import noc.support.MetricsReader;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TrapSender;

/** Ticket events reach webhooks after the commit, retried on failure, given up and journaled at last. */
class WebhookIT {

    record Received(String idempotencyKey, String body) {
    }

    @Test
    void aTicketEventReachesTheWebhookAfterARetryAndAnUnreachableOneIsJournaled() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            // The first call fails, as a busy chat service would.
            int status = calls.incrementAndGet() == 1 ? 500 : 204;
            if (status == 204) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        new String(body, StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        hook.start();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String good = "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook";
        String unreachable = "http://127.0.0.1:" + closedPort + "/hook";
        try (TestApplication app = TestApplication.start(TestDatabase.fresh("webhook"), Map.of(
                "noc.notify.webhooks", List.of(good, unreachable), "noc.notify.max-attempts", 2))) {
            try (TrapSender sender = new TrapSender(app.snmpPort())) {
                sender.link(TrapSender.LINK_DOWN, "192.0.2.88", 1);
            }
            String reference = app.awaitList("/api/v1/tickets", list -> list.size() == 1).get(0).get("reference")
                    .toString();

            Instant deadline = Instant.now().plusSeconds(20);
            while (received.stream().noneMatch(r -> r.body().contains("\"event\":\"OPENED\""))
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(received).filteredOn(r -> r.body().contains("\"event\":\"OPENED\"")).singleElement()
                    .satisfies(r -> {
                        assertThat(r.body()).contains("\"ticket\":\"" + reference + "\"");
                        assertThat(r.idempotencyKey()).startsWith("noc-outbox-");
                    });
            assertThat(calls.get()).as("the failed first call was retried").isGreaterThanOrEqualTo(2);

            List<Map<String, Object>> journal = awaitJournal(app, reference, "DELIVERY_FAILED");
            assertThat(journal).filteredOn(e -> e.get("action").equals("DELIVERY_FAILED"))
                    .allSatisfy(e -> assertThat(e.get("text").toString()).contains(unreachable)
                            .contains("after 2 attempts"));
            assertThat(MetricsReader.value(app, "noc_notify_deliveries_total",
                    "channel=\"webhook\",result=\"failed\"")).isGreaterThanOrEqualTo(1);
        } finally {
            hook.stop(0);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> awaitJournal(TestApplication app, String reference, String action)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        List<Map<String, Object>> journal = List.of();
        while (Instant.now().isBefore(deadline)) {
            journal = (List<Map<String, Object>>) app.getObject("/api/v1/tickets/" + reference).get("journal");
            if (journal.stream().anyMatch(e -> e.get("action").equals(action))) {
                return journal;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + action + " in " + journal);
    }
}
