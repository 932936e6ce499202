package noc.support;

import java.time.Duration;

import noc.cluster.EngineNode;
import noc.inventory.Device;

/** What a test of the engine role waits for in an engine node's sessions. */
public final class EngineSessions {

    private static final Duration WITHIN = Duration.ofSeconds(90);

    private EngineSessions() {
    }

    /**
     * Waits until every session of {@code node} holds {@code devices} devices of the inventory: an
     * inventory change made through any node reaches them within a second or so, and an alarm sent
     * before would be judged on the old inventory.
     */
    public static void awaitInventory(EngineNode node, int devices) {
        Await.until(WITHIN, "every session to hold the inventory's " + devices + " device(s)", () -> !node.engines()
                .isEmpty() && node.engines().values().stream().allMatch(engine -> engine.facts(Device.class) == devices));
    }
}
