package noc.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import noc.support.Await;

/**
 * When the engine thread waits on the database for a ticket number. The reservations stand in for
 * MariaDB's counter row (ReservedTicketNumbersIT runs the real one); here they fail on demand.
 */
class ReservedTicketNumbersTest {

    private final AtomicLong counter = new AtomicLong();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final List<String> reservedOn = new CopyOnWriteArrayList<>();

    private final ReservedTicketNumbers.Reservations database = (year, count) -> {
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("MariaDB is away");
        }
        reservedOn.add(Thread.currentThread().getName());
        return counter.addAndGet(count);
    };

    @Test
    void theNextBlockIsReservedAheadOnAThreadOfItsOwn() {
        try (ReservedTicketNumbers numbers = new ReservedTicketNumbers(database, 10)) {
            for (int i = 0; i < 6; i++) {
                numbers.next(2026);
            }
            Await.until(Duration.ofSeconds(10), "the spare block", () -> reservedOn.size() == 2);
            List<Long> rest = LongStream.range(0, 4).map(i -> numbers.next(2026)).boxed().toList();
            long eleventh = numbers.next(2026);

            assertThat(rest).containsExactly(7L, 8L, 9L, 10L);
            assertThat(eleventh).isEqualTo(11L); // from the spare: no wait on the database
            assertThat(reservedOn.get(0)).isEqualTo(Thread.currentThread().getName());
            assertThat(reservedOn.get(1)).isEqualTo("ticket-numbers");
        }
    }

    @Test
    void aRuleIsNeverToldNoNumberWhileTheDatabaseIsAway() {
        try (ReservedTicketNumbers numbers = new ReservedTicketNumbers(database, 10)) {
            failuresLeft.set(3); // 100 + 200 + 400 ms of back-off

            assertThat(numbers.next(2026)).isEqualTo(1L);
            assertThat(failuresLeft).hasValue(0);
        }
    }

    @Test
    void onceClosedAFailingReservationFails() {
        ReservedTicketNumbers numbers = new ReservedTicketNumbers(database, 10);
        numbers.close();
        failuresLeft.set(1);

        assertThatThrownBy(() -> numbers.next(2026)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopping");
    }
}
