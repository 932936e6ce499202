package noc.inventory;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import noc.engine.EngineQueue;

/**
 * Writes inventory changes and keeps the engine's facts in line: one change at a time, each
 * committed, then the whole inventory read back and offered to the engine, in that order. If the
 * engine queue is full, the latest snapshot is offered again every second until it is taken. On an
 * engine node (role {@code engine}) the change is signalled to every engine node instead
 * ({@link noc.cluster.ClusterSignals}), each of which hands it to the sessions it runs. Each snapshot
 * read back is also announced as an {@link InventoryChanged} event.
 */
@Singleton
public class InventorySync {

    private static final Logger LOG = LoggerFactory.getLogger(InventorySync.class);

    private final InventoryStore store;
    private final EngineQueue queue;
    private final ApplicationEventPublisher<InventoryChanged> changes;
    private final AtomicReference<InventorySnapshot> unsent = new AtomicReference<>();
    private volatile boolean dirty;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "inventory-sync");
        thread.setDaemon(true);
        return thread;
    });

    /** On an engine node: where every engine node learns of the change (null in the single process). */
    private final noc.cluster.ClusterSignals signals;

    public InventorySync(InventoryStore store, EngineQueue queue, ApplicationEventPublisher<InventoryChanged> changes,
                         @io.micronaut.core.annotation.Nullable noc.cluster.ClusterSignals signals) {
        this.store = store;
        this.queue = queue;
        this.changes = changes;
        this.signals = signals;
        retries.scheduleWithFixedDelay(this::offerUnsent, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Checks {@code items} against the inventory as it is now and writes them, under one lock, so that
     * two changes cannot each pass their checks against a state the other is changing.
     *
     * @param check throws (a 400 problem) when the items do not fit the inventory
     */
    public synchronized void write(List<InventoryItem> items, java.util.function.Consumer<List<InventoryItem>> check) {
        check.accept(store.load().all());
        store.write(items);
        publish();
    }

    public synchronized boolean delete(InventoryKind kind, String key) {
        boolean deleted = store.delete(kind, key);
        if (deleted) {
            publish();
        }
        return deleted;
    }

    private void publish() {
        InventorySnapshot snapshot;
        try {
            snapshot = new InventorySnapshot(store.load().all());
            if (signals != null) {
                // An engine node: every engine node's sessions, this one's included, read it from MariaDB.
                signals.raise(noc.cluster.ClusterSignals.INVENTORY, false);
            }
        } catch (RuntimeException e) {
            // Written but not read back (or not signalled): the retry task does it again.
            LOG.error("The inventory was written but could not be read back for the rules; retrying", e);
            dirty = true;
            return;
        }
        dirty = false;
        if (signals == null) {
            if (!queue.offer(snapshot)) {
                LOG.warn("The engine queue is full; the inventory change reaches the rules once it has room");
                unsent.set(snapshot);
            } else {
                unsent.set(null);
            }
        }
        changes.publishEvent(new InventoryChanged(snapshot));
    }

    private synchronized void offerUnsent() {
        if (dirty) {
            publish();
        }
        InventorySnapshot snapshot = unsent.get();
        if (snapshot != null && queue.offer(snapshot)) {
            unsent.compareAndSet(snapshot, null);
        }
    }

    @PreDestroy
    void stop() {
        retries.shutdownNow();
    }
}
