package noc.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.inject.Singleton;

/**
 * Webhooks: a JSON POST each, with an {@code Idempotency-Key} header that stays the same across
 * retries, so that a receiver can drop a repeat. Any 2xx answer is a delivery.
 */
@Singleton
class WebhookSender implements OutboxDeliverer.ChannelSender {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    @Override
    public Duration longestSend() {
        return CONNECT_TIMEOUT.plus(ANSWER_TIMEOUT);
    }

    @Override
    public void send(Outbox.Pending pending) throws OutboxDeliverer.DeliveryException {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(pending.recipient()))
                    .timeout(ANSWER_TIMEOUT).header("Content-Type", "application/json")
                    .header("Idempotency-Key", "noc-outbox-" + pending.id())
                    .POST(HttpRequest.BodyPublishers.ofString(pending.body())).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new OutboxDeliverer.DeliveryException("HTTP " + response.statusCode());
            }
        } catch (IOException | IllegalArgumentException e) {
            // the URL may carry its key: the message names it as the logs do
            throw new OutboxDeliverer.DeliveryException(e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).replace(pending.recipient(), Outbox.shown(pending)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxDeliverer.DeliveryException("interrupted");
        }
    }
}
