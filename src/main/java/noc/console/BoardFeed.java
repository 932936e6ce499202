package noc.console;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.http.sse.Event;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import noc.domain.CycleCommitted;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the browsers that follow the board when committed alarms changed, as a server-sent event
 * {@code alarms}; each browser then reads its rows again with its own filters. A committed cycle
 * only raises a flag (the commit thread returns at once); a thread of its own turns the flag into at
 * most one event per {@code noc.console.live-interval} for everyone, so a storm of cycles is one
 * refresh. Each browser has a buffer of {@code noc.console.live-buffer} events: one that lets it fill
 * is dropped (its EventSource reconnects) and counted in {@code noc_console_live_dropped_total}.
 */
@Singleton
public class BoardFeed implements ApplicationEventListener<CycleCommitted> {

    private static final Logger LOG = LoggerFactory.getLogger(BoardFeed.class);

    /** The event's name, which the board's table listens for. */
    static final String EVENT = "alarms";
    /** A comment now and then shows a dead connection, and keeps proxies from closing a live one. */
    private static final Duration KEEPALIVE = Duration.ofSeconds(20);

    private final ConsoleConfiguration configuration;
    private final Set<Sinks.Many<Event<String>>> browsers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean changed = new AtomicBoolean();
    private final Counter dropped;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "console-live");
        thread.setDaemon(true);
        return thread;
    });
    private long sinceKeepalive;

    public BoardFeed(ConsoleConfiguration configuration, MeterRegistry meters) {
        this.configuration = configuration;
        this.dropped = meters.counter("noc.console.live.dropped");
        long interval = configuration.liveInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tell, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onApplicationEvent(CycleCommitted event) {
        if (!event.alarms().isEmpty() || !event.tickets().isEmpty()) {
            changed.set(true);
        }
    }

    /** Another engine node committed a cycle (role {@code engine}): the board refreshes as for one of ours. */
    public void changedElsewhere() {
        changed.set(true);
    }

    /** A new browser's stream, or empty when {@code noc.console.live-clients} already follow. */
    public Optional<Flux<Event<String>>> follow() {
        if (browsers.size() >= configuration.liveClients()) {
            return Optional.empty();
        }
        Sinks.Many<Event<String>> sink = Sinks.many().unicast()
                .onBackpressureBuffer(new ArrayBlockingQueue<>(configuration.liveBuffer()));
        // At once, a first refresh: it sends the answer's headers (the browser knows it is connected)
        // and fills in what a reconnecting browser missed.
        sink.tryEmitNext(changedEvent());
        browsers.add(sink);
        return Optional.of(sink.asFlux().doFinally(signal -> browsers.remove(sink)));
    }

    /** How many browsers follow now. */
    public int following() {
        return browsers.size();
    }

    private void tell() {
        try {
            tellBrowsers();
        } catch (RuntimeException e) {
            // A failure must not end the schedule: the next tick tries again.
            LOG.error("Telling the board's browsers failed", e);
        }
    }

    private void tellBrowsers() {
        if (browsers.isEmpty()) {
            return; // a browser that connects gets its first refresh at once (follow)
        }
        sinceKeepalive += configuration.liveInterval().toMillis();
        Event<String> event = null;
        if (changed.getAndSet(false)) {
            event = changedEvent();
        } else if (sinceKeepalive >= KEEPALIVE.toMillis()) {
            event = Event.of("").comment("keepalive");
        }
        if (event == null) {
            return;
        }
        sinceKeepalive = 0;
        for (Sinks.Many<Event<String>> browser : browsers) {
            Sinks.EmitResult result = browser.tryEmitNext(event);
            if (result.isFailure()) {
                browsers.remove(browser);
                if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
                    dropped.increment();
                    browser.tryEmitComplete();
                }
            }
        }
    }

    private static Event<String> changedEvent() {
        return Event.of("changed").name(EVENT);
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        browsers.forEach(Sinks.Many::tryEmitComplete);
        browsers.clear();
    }
}
