package noc.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;

/**
 * Delivers what the outbox holds, oldest first, each by its channel: a failure is retried with
 * back-off (1 s, 2 s, 4 s ... up to {@code noc.notify.retry-max}); after {@code noc.notify.max-attempts}
 * it is given up and journaled on its ticket. A delivered row is marked so and never sent again.
 */
@Context
public class OutboxDeliverer {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDeliverer.class);
    /** The {@code result} labels of {@code noc_notify_deliveries_total}. */
    public static final List<String> RESULTS = List.of("delivered", "retried", "failed");

    private final Outbox outbox;
    private final NotifyConfiguration configuration;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<Notification.Channel, ChannelSender> senders = new EnumMap<>(Notification.Channel.class);
    /** One thread per channel, so that a slow SMTP server does not hold webhooks back; one to purge. */
    private final ScheduledExecutorService runner = Executors.newScheduledThreadPool(
            Notification.Channel.values().length + 1, new java.util.concurrent.ThreadFactory() {
                private final AtomicInteger count = new AtomicInteger();

                @Override
                public Thread newThread(Runnable runnable) {
                    Thread thread = new Thread(runnable, "notify-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }
            });

    public OutboxDeliverer(Outbox outbox, NotifyConfiguration configuration, Clock clock, MeterRegistry meters,
                           WebhookSender webhooks, EmailSender emails) {
        this.outbox = outbox;
        this.configuration = configuration;
        this.clock = clock;
        this.meters = meters;
        senders.put(Notification.Channel.WEBHOOK, webhooks);
        senders.put(Notification.Channel.EMAIL, emails);
        for (Notification.Channel channel : Notification.Channel.values()) {
            runner.scheduleWithFixedDelay(() -> deliverDue(channel), 500, 500, TimeUnit.MILLISECONDS);
        }
        runner.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
    }

    private void purge() {
        try {
            int purged = outbox.purge(clock.instant().minus(configuration.retention()));
            if (purged > 0) {
                LOG.info("Purged {} notifications older than {}", purged, configuration.retention());
            }
        } catch (RuntimeException e) {
            LOG.warn("Purging notifications failed: {}", e.getMessage());
        }
    }

    /** Sends one notification; a failure says why, for the retry and the journal. */
    interface ChannelSender {
        void send(Outbox.Pending pending) throws DeliveryException;
    }

    /** A delivery that did not happen. */
    static final class DeliveryException extends Exception {
        DeliveryException(String message) {
            super(message);
        }
    }

    private void deliverDue(Notification.Channel channel) {
        try {
            for (Outbox.Pending pending : outbox.due(clock.instant(), channel, 100)) {
                deliver(pending);
            }
        } catch (RuntimeException e) {
            LOG.warn("Delivering notifications failed: {}", e.getMessage());
        }
    }

    private void deliver(Outbox.Pending pending) {
        String channel = label(pending.channel());
        String error;
        try {
            senders.get(pending.channel()).send(pending);
            outbox.delivered(pending.id(), clock.instant());
            count(channel, "delivered");
            return;
        } catch (DeliveryException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        if (Thread.currentThread().isInterrupted()) {
            return; // stopping: the row stays due as it was
        }
        Instant now = clock.instant();
        if (pending.attempts() + 1 >= configuration.maxAttempts()) {
            outbox.failed(pending, now, error);
            count(channel, "failed");
            LOG.warn("Gave up the {} {} notification of {} to {}: {}", pending.event(), channel,
                    pending.ticketReference(), pending.recipient(), error);
        } else {
            Duration pause = Duration.ofSeconds(1L << Math.min(pending.attempts(), 20));
            outbox.scheduleRetry(pending.id(), now.plus(pause.compareTo(configuration.retryMax()) > 0
                    ? configuration.retryMax() : pause), error);
            count(channel, "retried");
        }
    }

    /** The {@code channel} label of {@code noc_notify_deliveries_total}. */
    public static String label(Notification.Channel channel) {
        return channel.name().toLowerCase(java.util.Locale.ROOT);
    }

    private void count(String channel, String result) {
        meters.counter("noc.notify.deliveries", "channel", channel, "result", result).increment();
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
