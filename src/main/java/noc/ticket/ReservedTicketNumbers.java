package noc.ticket;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The engine's ticket numbers: blocks of {@value #BLOCK} numbers per year reserved in MariaDB, each in
 * a short transaction of its own ({@link TicketStore#reserveNumbers}), and handed out from memory in
 * order. Several engines on one database each reserve their own blocks, so none gives a number another
 * gave. One process numbers its tickets without gaps; what is left of its blocks when it stops is
 * never given (the next start reserves a new block), nor are the numbers of a cycle the database
 * refused. It outlives the sessions: a rule reload or a rebuild goes on with the same block.
 */
@Singleton
public final class ReservedTicketNumbers implements TicketNumbers {

    private static final Logger LOG = LoggerFactory.getLogger(ReservedTicketNumbers.class);
    /** Numbers reserved at a time: one reservation per this many tickets. */
    static final int BLOCK = 50;
    /** How long a reservation is tried again while the database fails, before the rule asking fails. */
    private static final Duration PATIENCE = Duration.ofMinutes(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final TicketStore store;
    private final int blockSize;
    private final Map<Integer, Block> blocks = new HashMap<>();

    @Inject
    public ReservedTicketNumbers(TicketStore store) {
        this(store, BLOCK);
    }

    ReservedTicketNumbers(TicketStore store, int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("a block of ticket numbers holds at least one, not " + blockSize);
        }
        this.store = store;
        this.blockSize = blockSize;
    }

    @Override
    public synchronized long next(int year) {
        Block block = blocks.get(year);
        if (block == null || block.next > block.last) {
            block = reserve(year);
            blocks.put(year, block);
        }
        return block.next++;
    }

    /** A new block of {@code year}, tried again with back-off while the database fails. */
    private Block reserve(int year) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Duration pause = Duration.ofMillis(100);
        while (true) {
            try {
                long last = store.reserveNumbers(year, blockSize);
                LOG.info("Reserved ticket numbers {} to {}", TicketReferences.format(year, last - blockSize + 1),
                        TicketReferences.format(year, last));
                return new Block(last - blockSize + 1, last);
            } catch (RuntimeException e) {
                if (System.nanoTime() + pause.toNanos() > deadline) {
                    throw new IllegalStateException("cannot reserve ticket numbers of " + year + " in MariaDB for "
                            + PATIENCE.toSeconds() + " s: " + e.getMessage(), e);
                }
                LOG.warn("Reserving ticket numbers failed; trying again in {} ms: {}", pause.toMillis(),
                        e.getMessage());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
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
    }
}
