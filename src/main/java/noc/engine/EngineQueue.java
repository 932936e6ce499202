package noc.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

/**
 * The only entrance to the engine: intakes offer inputs (alarm events, commands), the engine thread
 * drains them in batches. Bounded, so that a storm fills it and is refused at the edge, counted by
 * the intake ({@code queue_full}), instead of exhausting memory.
 */
@Singleton
public final class EngineQueue implements Inputs {

    private static final Refusal FULL = new Refusal("queue_full",
            "The correlator is saturated (engine queue full); nothing was accepted");

    private final BlockingQueue<Submission> queue;
    private final int capacity;
    /** Set when the engine thread died: nothing more is taken (senders get the queue-full answer). */
    private volatile boolean closed;

    public EngineQueue(EngineConfiguration configuration) {
        this.capacity = configuration.queueCapacity();
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Offers an input without waiting; false when the queue is full. */
    @Override
    public boolean offer(Object input, Receipt receipt) {
        return !closed && queue.offer(new Submission(input, receipt, -1));
    }

    /**
     * Offers an input read at {@code position} of its source (a Kafka offset), without waiting; false
     * when the queue is full. The cycle that takes it writes how far its inputs went.
     */
    public boolean offerAt(Object input, long position) {
        return offerAt(input, position, Receipt.NONE);
    }

    /** As {@link #offerAt(Object, long)}, telling {@code receipt} (a person's command that someone waits for). */
    public boolean offerAt(Object input, long position, Receipt receipt) {
        return !closed && queue.offer(new Submission(input, receipt, position));
    }

    @Override
    public boolean offer(Object input) {
        return offer(input, Receipt.NONE);
    }

    /**
     * Offers several inputs as one: all of them are queued or none is, and they are committed in the
     * same transaction, so that a request carrying many alarms is never half accepted.
     */
    @Override
    public boolean offerAll(List<?> inputs, Receipt receipt) {
        return !closed && queue.offer(new Submission(new Batch(inputs), receipt, -1));
    }

    @Override
    public Refusal refusal() {
        return FULL;
    }

    /**
     * Takes no more input and gives back what waits, for its senders to be told: the engine thread died,
     * or no engine thread drains this queue in this process (role {@code engine}, where the inputs come
     * from Kafka), so that an offer is refused at once rather than left unanswered.
     */
    public List<Submission> close() {
        closed = true;
        List<Submission> waiting = new ArrayList<>();
        queue.drainTo(waiting);
        return waiting;
    }

    /**
     * Takes up to {@code max} inputs, waiting at most {@code wait} for the first one; an empty list
     * when none came.
     */
    List<Submission> drain(int max, Duration wait) throws InterruptedException {
        List<Submission> batch = new ArrayList<>(Math.min(max, 1024));
        Submission first = queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        queue.drainTo(batch, max - 1);
        return batch;
    }

    public int size() {
        return queue.size();
    }

    public int capacity() {
        return capacity;
    }

    /** Inputs offered together. */
    public record Batch(List<?> inputs) {
        public Batch {
            inputs = List.copyOf(inputs);
        }
    }

    /** One queued input, whom to tell once it is committed, and its position in its source (-1: none). */
    public record Submission(Object input, Receipt receipt, long position) {
    }
}
