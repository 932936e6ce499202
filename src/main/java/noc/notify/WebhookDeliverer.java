package noc.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;

/**
 * Delivers the outbox's webhook notifications: a JSON POST each, with an {@code Idempotency-Key}
 * header so that a receiver can drop a repeat; a failure is retried with back-off up to
 * {@code noc.notify.max-attempts}, then given up and journaled on its ticket.
 */
@Context
public class WebhookDeliverer {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliverer.class);

    private final Outbox outbox;
    private final NotifyConfiguration configuration;
    private final Clock clock;
    private final MeterRegistry meters;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "notify");
        thread.setDaemon(true);
        return thread;
    });

    public WebhookDeliverer(Outbox outbox, NotifyConfiguration configuration, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.configuration = configuration;
        this.clock = clock;
        this.meters = meters;
        if (!configuration.webhooks().isEmpty()) {
            runner.scheduleWithFixedDelay(this::deliverDue, 500, 500, TimeUnit.MILLISECONDS);
        }
    }

    private void deliverDue() {
        try {
            for (Outbox.Pending pending : outbox.due(clock.instant(), 100)) {
                deliver(pending);
            }
        } catch (RuntimeException e) {
            LOG.warn("Delivering notifications failed: {}", e.getMessage());
        }
    }

    private void deliver(Outbox.Pending pending) {
        String error;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(pending.recipient()))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .header("Idempotency-Key", "noc-outbox-" + pending.id())
                    .POST(HttpRequest.BodyPublishers.ofString(pending.body())).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                outbox.delivered(pending.id(), clock.instant());
                count("delivered");
                return;
            }
            error = "HTTP " + response.statusCode();
        } catch (java.io.IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Instant now = clock.instant();
        if (pending.attempts() + 1 >= configuration.maxAttempts()) {
            outbox.failed(pending, now, error);
            count("failed");
            LOG.warn("Gave up the {} notification of {} to {}: {}", pending.event(), pending.ticketReference(),
                    pending.recipient(), error);
        } else {
            Duration pause = Duration.ofSeconds(1L << Math.min(pending.attempts(), 20));
            outbox.retry(pending.id(), now.plus(pause.compareTo(configuration.retryMax()) > 0
                    ? configuration.retryMax() : pause), error);
            count("retried");
        }
    }

    private void count(String result) {
        meters.counter("noc.notify.deliveries", "channel", "webhook", "result", result).increment();
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
