package noc.support;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * The one way a test waits for something another thread or process does: it reads a value until the
 * value is acceptable or the timeout has passed, and then fails with an {@link AssertionError} that
 * says what was awaited, for how long, and the last value read. Polling starts at 10 ms, so a
 * condition that is nearly met costs little, and slows to 100 ms, so a long wait does not keep a
 * busy application (and its two cores) answering a test; the value is read once more at the
 * deadline. What the read throws, other than an interruption, is the test's failure and passes through
 * (a checked exception wrapped in an {@link AssertionError}).
 */
public final class Await {

    private static final Duration FIRST_INTERVAL = Duration.ofMillis(10);
    private static final Duration LONGEST_INTERVAL = Duration.ofMillis(100);

    /** A read that may throw, as JDBC and HTTP reads do. */
    @FunctionalInterface
    public interface Probe<T> {
        T read() throws Exception;
    }

    /** A condition that may throw, as JDBC and HTTP reads do. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    /** Waits, for at most {@code timeout}, until {@code condition} holds; {@code what} names it in the failure. */
    public static void until(Duration timeout, String what, Condition condition) {
        value(timeout, what, condition::holds, Boolean::booleanValue);
    }

    /**
     * Reads {@code probe} until {@code accepted} takes its value, for at most {@code timeout}; that value.
     * Fails naming {@code what} and the last value read otherwise.
     */
    public static <T> T value(Duration timeout, String what, Probe<T> probe, Predicate<? super T> accepted) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long interval = FIRST_INTERVAL.toNanos();
        while (true) {
            T value = read(what, probe);
            if (accepted.test(value)) {
                return value;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new AssertionError("awaited " + what + " for " + timeout + "; last value: " + value);
            }
            sleep(what, Math.min(interval, remaining));
            interval = Math.min(interval * 2, LONGEST_INTERVAL.toNanos());
        }
    }

    private static <T> T read(String what, Probe<T> probe) {
        try {
            return probe.read();
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while awaiting " + what, e);
        } catch (Exception e) {
            throw new AssertionError("reading " + what + " failed: " + e, e);
        }
    }

    private static void sleep(String what, long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while awaiting " + what, e);
        }
    }
}
