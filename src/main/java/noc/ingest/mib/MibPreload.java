package noc.ingest.mib;

import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;

/**
 * Starts parsing the MIB files as the application starts, on a thread of its own, so that the parse
 * (seconds) overlaps the rest of the startup (rule compilation, the session load) instead of following
 * it. The registry bean then takes the parse's result, waiting for it if it is not done.
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class MibPreload {

    public MibPreload(MibConfiguration configuration) {
        Thread preload = new Thread(() -> MibRegistry.load(configuration.directories()), "mib-preload");
        preload.setDaemon(true);
        preload.start();
    }
}
