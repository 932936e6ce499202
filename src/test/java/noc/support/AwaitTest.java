package noc.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The waits of every other test: they return what they waited for, and fail saying what it was. */
class AwaitTest {

    @Test
    void valueReturnsTheFirstValueAccepted() {
        AtomicInteger reads = new AtomicInteger();

        int value = Await.value(Duration.ofSeconds(10), "the third read", reads::incrementAndGet, n -> n >= 3);

        assertThat(value).isEqualTo(3);
        assertThat(reads).hasValue(3);
    }

    @Test
    void aValueNeverAcceptedFailsNamingWhatWasAwaitedAndTheLastValueReadAtTheDeadline() {
        AtomicInteger reads = new AtomicInteger();

        assertThatThrownBy(() -> Await.value(Duration.ofMillis(200), "a negative count",
                reads::incrementAndGet, n -> n < 0))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("awaited a negative count for PT0.2S; last value: ")
                .hasMessageEndingWith("last value: " + reads.get());
        assertThat(reads.get()).as("read at the start and again at the deadline").isGreaterThanOrEqualTo(2);
    }

    @Test
    void untilFailsNamingTheCondition() {
        assertThatThrownBy(() -> Await.until(Duration.ofMillis(50), "the engine to stop", () -> false))
                .isInstanceOf(AssertionError.class).hasMessageContaining("awaited the engine to stop for PT0.05S");
    }

    @Test
    void aCheckedExceptionOfTheReadFailsTheWaitAtOnce() {
        AtomicInteger reads = new AtomicInteger();

        assertThatThrownBy(() -> Await.until(Duration.ofSeconds(10), "the status", () -> {
            reads.incrementAndGet();
            throw new IOException("connection refused");
        })).isInstanceOf(AssertionError.class).hasMessageContaining("reading the status failed")
                .hasCauseInstanceOf(IOException.class);
        assertThat(reads).hasValue(1);
    }

    @Test
    void anAssertionOfTheReadFailsTheWaitAtOnce() {
        assertThatThrownBy(() -> Await.until(Duration.ofSeconds(10), "a healthy process", () -> {
            throw new AssertionError("the process exited");
        })).isInstanceOf(AssertionError.class).hasMessage("the process exited");
    }
}
