package noc.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.Await;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TrapSender;

/**
 * Issue #14, point 3: correlator processes that share one MariaDB never give the same ticket
 * reference. Two applications on one test database stand for two engine processes.
 */
class ReservedTicketNumbersIT {

    private static Map<String, Object> database;
    private static TestApplication first;
    private static TestApplication second;

    @BeforeAll
    static void start() {
        database = TestDatabase.fresh("ticket_numbers");
        first = TestApplication.start(database, Map.of());
        second = TestApplication.start(database, Map.of());
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void twoProcessesHandingOutAThousandNumbersAtOnceNeverGiveTheSameOne() throws Exception {
        int year = 2031;
        int perProcess = 10 * ReservedTicketNumbers.BLOCK;
        List<ReservedTicketNumbers> processes = List.of(first.context().getBean(ReservedTicketNumbers.class),
                second.context().getBean(ReservedTicketNumbers.class));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Long>>> takers = new ArrayList<>();
            for (ReservedTicketNumbers numbers : processes) {
                for (int thread = 0; thread < 2; thread++) {
                    takers.add(threads.submit(() -> {
                        go.await();
                        List<Long> taken = new ArrayList<>();
                        for (int i = 0; i < perProcess / 2; i++) {
                            taken.add(numbers.next(year));
                        }
                        return taken;
                    }));
                }
            }
            go.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> taker : takers) {
                List<Long> taken = taker.get();
                assertThat(taken).as("one thread's numbers, in the order it got them").isSorted();
                all.addAll(taken);
            }
            assertThat(all).hasSize(2 * perProcess).doesNotHaveDuplicates();
            // every number given was reserved; what is reserved and not given is at most each process's
            // spare block and the rest of its current one
            long reserved = counter(year);
            assertThat(all).allSatisfy(number -> assertThat(number).isBetween(1L, reserved));
            assertThat(reserved).isBetween(2L * perProcess, 2L * perProcess + 4L * ReservedTicketNumbers.BLOCK);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void oneProcessNumbersInOrderAndARestartGoesOnAfterTheBlockTheLastStartReserved() throws Exception {
        int year = 2032;
        TicketStore store = first.context().getBean(TicketStore.class);
        ReservedTicketNumbers running = new ReservedTicketNumbers(store);
        assertThat(List.of(running.next(year), running.next(year), running.next(year))).containsExactly(1L, 2L, 3L);

        ReservedTicketNumbers restarted = new ReservedTicketNumbers(store);
        assertThat(restarted.next(year)).as("after the block the first one holds: a gap, never a number again")
                .isEqualTo(ReservedTicketNumbers.BLOCK + 1L);
        assertThat(running.next(year)).as("the first one goes on with its block").isEqualTo(4L);
        assertThat(counter(year)).isEqualTo(2L * ReservedTicketNumbers.BLOCK);
    }

    @Test
    void twoEnginesOnOneDatabaseOpenEachTicketUnderAReferenceOfItsOwn() throws Exception {
        int perEngine = 30;
        Thread other = new Thread(() -> linkDowns(second, "198.51.100.", perEngine));
        other.start();
        linkDowns(first, "192.0.2.", perEngine);
        other.join();

        // Had both engines given the same references, their tickets would have overwritten each other.
        Map<String, String> ticketOfSource = Await.value(Duration.ofSeconds(30), "an alarm and a ticket per source",
                ReservedTicketNumbersIT::ticketOfSource, tickets -> tickets.size() == 2 * perEngine
                        && !tickets.containsValue(null));
        assertThat(ticketOfSource.values()).doesNotHaveDuplicates();
        assertThat(count("SELECT COUNT(*) FROM ticket WHERE reference LIKE 'INC-" + thisYear() + "-%'"))
                .isEqualTo(2L * perEngine);
        // each engine numbers its own tickets in a run of its block
        for (String prefix : List.of("192.0.2.", "198.51.100.")) {
            List<Long> numbers = ticketOfSource.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .map(e -> Long.parseLong(e.getValue().substring(e.getValue().lastIndexOf('-') + 1)))
                    .sorted().toList();
            assertThat(numbers.get(numbers.size() - 1) - numbers.get(0)).as(prefix + " tickets: " + numbers)
                    .isEqualTo(perEngine - 1L);
        }
    }

    private static void linkDowns(TestApplication app, String network, int count) {
        try (TrapSender sender = new TrapSender(app.snmpPort())) {
            for (int host = 1; host <= count; host++) {
                sender.link(TrapSender.LINK_DOWN, network + host, 1);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** For each source of a stored alarm, the reference of its ticket (null while it has none). */
    private static Map<String, String> ticketOfSource() throws Exception {
        Map<String, String> tickets = new HashMap<>();
        try (Connection connection = TestDatabase.connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT source, ticket_reference FROM alarm")) {
            while (rows.next()) {
                tickets.put(rows.getString(1), rows.getString(2));
            }
        }
        return tickets;
    }

    private static int thisYear() {
        return ZonedDateTime.now(ZoneOffset.UTC).getYear();
    }

    private static long counter(int year) throws Exception {
        return count("SELECT last_value FROM ticket_reference_counter WHERE year = " + year);
    }

    private static long count(String sql) throws Exception {
        return TestDatabase.count(database, sql);
    }
}
