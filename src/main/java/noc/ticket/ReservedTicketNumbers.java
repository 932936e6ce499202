package noc.ticket;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The engine's ticket numbers: blocks of {@value #BLOCK} numbers per year reserved in MariaDB, each in
 * a short transaction of its own ({@link TicketStore#reserveNumbers}), and handed out from memory in
 * order. Several engines on one database each reserve their own blocks, so none gives a number another
 * gave. One process numbers its tickets without gaps; what is left of its blocks when it stops is
 * never given (the next start reserves a new block), nor are the numbers of a cycle the database
 * refused. It outlives the sessions: a rule reload or a rebuild goes on with the same block.
 *
 * <p>The engine thread does not wait on the database for a number while it can help it: once half a
 * block is handed out, the next block is reserved on a thread of its own and kept as the spare. A
 * block used up before its spare came (a storm of new tickets, or the database away) makes the engine
 * thread wait for that spare, or reserve one itself when none is on its way, so that a process's
 * numbers keep rising. Either tries again, with back-off, for as long as the database fails and the
 * application runs, as the engine's commits do: a rule is never told "no number", which would commit
 * its alarm without the ticket it opens.
 */
@Singleton
public final class ReservedTicketNumbers implements TicketNumbers, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReservedTicketNumbers.class);
    /** Numbers reserved at a time: one reservation per this many tickets. */
    static final int BLOCK = 50;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    /** Reserves {@code count} numbers of {@code year} and answers the last of them. */
    @FunctionalInterface
    interface Reservations {
        long reserve(int year, int count);
    }

    private final Reservations reservations;
    private final int blockSize;
    private final Map<Integer, Block> blocks = new HashMap<>();
    private final Map<Integer, Block> spares = new HashMap<>();
    /** The years whose spare is being reserved. */
    private final Set<Integer> reserving = new HashSet<>();
    private final ExecutorService ahead = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ticket-numbers");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    @Inject
    public ReservedTicketNumbers(TicketStore store) {
        this(store::reserveNumbers, BLOCK);
    }

    ReservedTicketNumbers(Reservations reservations, int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("a block of ticket numbers holds at least one, not " + blockSize);
        }
        this.reservations = reservations;
        this.blockSize = blockSize;
    }

    @Override
    public synchronized long next(int year) {
        while (true) {
            Block block = blocks.get(year);
            if (block != null && !block.used()) {
                long number = block.next++;
                reserveSpareIfHalfUsed(year, block);
                return number;
            }
            Block spare = spares.remove(year);
            if (spare != null) {
                blocks.put(year, spare);
            } else if (reserving.contains(year)) {
                awaitSpare(); // reserved after the block in use: the numbers keep rising
            } else {
                blocks.put(year, reserve(year));
            }
        }
    }

    private void reserveSpareIfHalfUsed(int year, Block block) {
        if (block.left() > blockSize / 2 || spares.containsKey(year) || closed || !reserving.add(year)) {
            return;
        }
        try {
            ahead.execute(() -> {
                Block spare = null;
                try {
                    spare = reserve(year);
                } catch (RuntimeException e) {
                    LOG.warn("No spare block of ticket numbers of {}: {}", year, e.getMessage());
                } finally {
                    synchronized (this) {
                        if (spare != null) {
                            spares.put(year, spare);
                        }
                        reserving.remove(year);
                        notifyAll();
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            reserving.remove(year); // closed meanwhile
        }
    }

    private void awaitSpare() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for ticket numbers", e);
        }
    }

    /** A new block of {@code year}, tried again with back-off while the database fails, until closed. */
    private Block reserve(int year) {
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                long last = reservations.reserve(year, blockSize);
                LOG.info("Reserved ticket numbers {} to {}", TicketReferences.format(year, last - blockSize + 1),
                        TicketReferences.format(year, last));
                return new Block(last - blockSize + 1, last);
            } catch (RuntimeException e) {
                if (closed) {
                    throw new IllegalStateException("cannot reserve ticket numbers of " + year
                            + " in MariaDB, and the application is stopping: " + e.getMessage(), e);
                }
                LOG.warn("Reserving ticket numbers failed; trying again in {} ms: {}", pause.toMillis(),
                        e.getMessage());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    /** Stops reserving: a reservation failing from now on fails, instead of being tried again. */
    @PreDestroy
    @Override
    public void close() {
        closed = true;
        ahead.shutdownNow();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reserving ticket numbers", e);
        }
    }

    /** The numbers of a reserved block not yet handed out: {@code next} to {@code last}. */
    private static final class Block {
        long next;
        final long last;

        Block(long next, long last) {
            this.next = next;
            this.last = last;
        }

        boolean used() {
            return next > last;
        }

        long left() {
            return last - next + 1;
        }
    }
}
