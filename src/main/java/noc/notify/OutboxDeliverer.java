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
 *
 * <p>Several processes may deliver from one database: each attempt first claims its rows for a lease
 * ({@code noc.notify.claim-lease}), sends outside any transaction, and records the outcome only while
 * its claim holds. A process that dies mid-send leaves a claim that runs out, and the row is tried
 * again: delivery is at least once. So that a claimed row is not sent after its lease ran out (when
 * another process may have taken it over), a row is sent only while the lease left outlasts the
 * longest its send may take; the rest of the claim is given back and claimed afresh.
 */
@Context
public class OutboxDeliverer {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDeliverer.class);
    /** The {@code result} labels of {@code noc_notify_deliveries_total}. */
    public static final List<String> RESULTS = List.of("delivered", "retried", "failed");
    /** The lease of a claim unless configured, when the sends' timeouts allow. */
    static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);
    /** Rows claimed at a time. */
    private static final int CLAIM = 20;
    /** How many times a sent notification's delivery is recorded before the lease is left to run out. */
    private static final int RECORD_ATTEMPTS = 3;
    private static final Duration RECORD_PAUSE = Duration.ofSeconds(1);

    private final Outbox outbox;
    private final NotifyConfiguration configuration;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Duration lease;
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
        this.lease = lease(configuration.claimLease(), senders.values().stream().map(ChannelSender::longestSend)
                .max(Duration::compareTo).orElseThrow());
        LOG.info("Notifications are claimed as {} for {} s at a time", outbox.node(), lease.toSeconds());
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

    /**
     * The lease of a claim: the one configured, which must outlast the longest send; by default
     * {@link #DEFAULT_LEASE}, or twice the longest send when that is longer.
     */
    static Duration lease(Duration configured, Duration longestSend) {
        if (configured == null) {
            Duration twice = longestSend.multipliedBy(2);
            return twice.compareTo(DEFAULT_LEASE) > 0 ? twice : DEFAULT_LEASE;
        }
        if (configured.compareTo(longestSend) <= 0) {
            throw new IllegalArgumentException("noc.notify.claim-lease must be longer than a delivery may take ("
                    + longestSend.toSeconds() + " s: 15 s for a webhook, 6 times noc.notify.email.timeout for an "
                    + "email), not " + configured);
        }
        return configured;
    }

    /** Sends one notification; a failure says why, for the retry and the journal. */
    interface ChannelSender {
        void send(Outbox.Pending pending) throws DeliveryException;

        /** The longest one send may take before its timeouts end it (zero for a channel that is off). */
        Duration longestSend();
    }

    /** A delivery that did not happen. */
    static final class DeliveryException extends Exception {
        DeliveryException(String message) {
            super(message);
        }
    }

    /** Claims what is due of {@code channel} and sends it, a claim after another while claims come full. */
    private void deliverDue(Notification.Channel channel) {
        try {
            List<Outbox.Pending> claimed;
            do {
                claimed = outbox.claim(clock.instant(), channel, CLAIM, lease);
                deliver(claimed, senders.get(channel).longestSend());
            } while (claimed.size() == CLAIM && !Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            LOG.warn("Delivering notifications failed: {}", e.getMessage());
        }
    }

    /**
     * Sends the rows of a claim in turn, each while the lease left outlasts its longest send (the first
     * always: the lease outlasts one); gives the rest back when stopping or when the lease runs short.
     */
    private void deliver(List<Outbox.Pending> claimed, Duration longestSend) {
        for (int i = 0; i < claimed.size(); i++) {
            Outbox.Pending pending = claimed.get(i);
            boolean leaseShort = i > 0 && clock.instant().plus(longestSend).isAfter(pending.claimedUntil());
            if (leaseShort || Thread.currentThread().isInterrupted()) {
                release(claimed.subList(i, claimed.size()));
                return;
            }
            deliver(pending);
        }
    }

    private void deliver(Outbox.Pending pending) {
        String channel = label(pending.channel());
        String error;
        try {
            senders.get(pending.channel()).send(pending);
            recordDelivered(pending, channel);
            return;
        } catch (DeliveryException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        if (Thread.currentThread().isInterrupted()) {
            release(List.of(pending)); // stopping: the row is due again as it was
            return;
        }
        Instant now = clock.instant();
        if (pending.attempts() + 1 >= configuration.maxAttempts()) {
            if (!outbox.failed(pending, now, error)) {
                takenOver(pending, "failed");
                return;
            }
            count(channel, "failed");
            LOG.warn("Gave up the {} {} notification of {} to {}: {}", pending.event(), channel,
                    pending.ticketReference(), Outbox.shown(pending), error);
        } else {
            Duration pause = Duration.ofSeconds(1L << Math.min(pending.attempts(), 20));
            if (outbox.scheduleRetry(pending, now.plus(pause.compareTo(configuration.retryMax()) > 0
                    ? configuration.retryMax() : pause), error)) {
                count(channel, "retried");
            } else {
                takenOver(pending, "failed");
            }
        }
    }

    /**
     * Records a sent notification as delivered, tried a few times should the database fail: a sent
     * notification recorded as failed would be sent again. Should every try fail, the row stays
     * claimed, and is sent again once its lease runs out (at least once, as the README says).
     */
    private void recordDelivered(Outbox.Pending pending, String channel) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (outbox.delivered(pending, clock.instant())) {
                    count(channel, "delivered");
                } else {
                    takenOver(pending, "was delivered");
                }
                return;
            } catch (RuntimeException e) {
                if (attempt == RECORD_ATTEMPTS || Thread.currentThread().isInterrupted()) {
                    LOG.warn("The {} {} notification {} of {} to {} was sent, but recording it failed: it is sent "
                                    + "again when its claim runs out ({})", pending.event(), channel, pending.id(),
                            pending.ticketReference(), Outbox.shown(pending), e.getMessage());
                    return;
                }
                try {
                    Thread.sleep(RECORD_PAUSE.toMillis());
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The attempt outlived its lease and another process took the row over: its outcome is that one's. */
    private void takenOver(Outbox.Pending pending, String outcome) {
        LOG.warn("The {} {} notification {} of {} to {} {} after its claim ran out and another process took it "
                        + "over: that process records it (and may send it again)", pending.event(),
                label(pending.channel()), pending.id(), pending.ticketReference(), Outbox.shown(pending), outcome);
    }

    /** Gives claimed rows back, even while stopping (interrupted); should that fail, their lease runs out. */
    private void release(List<Outbox.Pending> claimed) {
        boolean interrupted = Thread.interrupted();
        try {
            outbox.release(claimed);
        } catch (RuntimeException e) {
            LOG.info("Giving back {} claimed notifications failed ({}); they are due again when the claim runs "
                    + "out", claimed.size(), e.getMessage());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
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
