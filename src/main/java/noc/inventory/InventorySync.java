package noc.inventory;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import noc.engine.EngineQueue;

/**
 * Writes inventory changes and keeps the engine's facts in line: one change at a time, each
 * committed, then the whole inventory read back and offered to the engine, in that order. If the
 * engine queue is full, the latest snapshot is offered again every second until it is taken.
 */
@Singleton
public class InventorySync {

    private static final Logger LOG = LoggerFactory.getLogger(InventorySync.class);

    private final InventoryStore store;
    private final EngineQueue queue;
    private final AtomicReference<InventorySnapshot> unsent = new AtomicReference<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "inventory-sync");
        thread.setDaemon(true);
        return thread;
    });

    public InventorySync(InventoryStore store, EngineQueue queue) {
        this.store = store;
        this.queue = queue;
        retries.scheduleWithFixedDelay(this::offerUnsent, 1, 1, TimeUnit.SECONDS);
    }

    public synchronized void write(List<InventoryItem> items) {
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
        InventorySnapshot snapshot = new InventorySnapshot(store.load().all());
        if (!queue.offer(snapshot)) {
            LOG.warn("The engine queue is full; the inventory change reaches the rules once it has room");
            unsent.set(snapshot);
        } else {
            unsent.set(null);
        }
    }

    private synchronized void offerUnsent() {
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
