package noc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.http.sse.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

import noc.alarm.Alarm;
import noc.alarm.AlarmState;
import noc.alarm.Severity;
import noc.alarm.SourceKind;
import noc.domain.CycleCommitted;
import noc.support.Await;

/** The board's live feed: one event per burst of commits, a bounded buffer per browser, a stuck browser dropped. */
class BoardFeedTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BoardFeed feed = new BoardFeed(new ConsoleConfiguration(false, 2, 3, Duration.ofMillis(20), 500),
            meters);

    @AfterEach
    void stop() {
        feed.stop();
    }

    @Test
    void aBurstOfCommittedCyclesIsOneRefresh() throws InterruptedException {
        List<String> received = new ArrayList<>();
        feed.follow().orElseThrow().subscribe(event -> received.add(event.getName()));
        Await.until(Duration.ofSeconds(2), "the first refresh", () -> received.size() == 1);
        for (int cycle = 0; cycle < 50; cycle++) {
            feed.onApplicationEvent(committedAlarm());
        }
        Await.until(Duration.ofSeconds(2), "a refresh after the burst", () -> received.size() == 2);
        // a burst told more than once would show a third refresh within a few ticks (of 20 ms)
        Thread.sleep(100);
        assertThat(received).containsExactly(BoardFeed.EVENT, BoardFeed.EVENT);
    }

    @Test
    void aBrowserThatReadsNothingIsDroppedOnceItsBufferIsFull() {
        feed.follow().orElseThrow().subscribe(new Stuck());
        // Each probe commits again, so that ticks apart each add an event to the stuck browser's buffer.
        Await.until(Duration.ofSeconds(5), "the stuck browser dropped", () -> {
            feed.onApplicationEvent(committedAlarm());
            return feed.following() == 0;
        });
        assertThat(meters.counter("noc.console.live.dropped").count()).isEqualTo(1.0);
    }

    @Test
    void browsersBeyondTheLimitAreRefused() {
        assertThat(feed.follow()).isPresent();
        assertThat(feed.follow()).isPresent();
        assertThat(feed.follow()).isEmpty();
    }

    private static CycleCommitted committedAlarm() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        return new CycleCommitted(List.of(new Alarm("192.0.2.1|IF-MIB::linkDown|ifIndex.3", SourceKind.SNMP,
                "192.0.2.1", "IF-MIB::linkDown", "1.3.6.1.6.3.1.1.5.3", "ifIndex.3", Severity.MAJOR, AlarmState.RAISED,
                1, now, now, null, null, Map.of(), List.of(now))), List.of());
    }

    /** A browser that asks for nothing: whatever is sent waits in its buffer. */
    private static final class Stuck extends BaseSubscriber<Event<String>> {
        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            // requests nothing
        }
    }
}
