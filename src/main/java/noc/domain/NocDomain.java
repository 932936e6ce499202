package noc.domain;

import jakarta.inject.Singleton;
import noc.engine.CycleChanges;
import noc.engine.Domain;
import noc.notify.NotificationPlanner;

/** The domain the engine hosts: sessions start from MariaDB, plan notifications, and commit to MariaDB. */
@Singleton
public class NocDomain implements Domain {

    private final SessionStateLoader loader;
    private final CycleWriter writer;
    private final NotificationPlanner planner;

    public NocDomain(SessionStateLoader loader, CycleWriter writer, NotificationPlanner planner) {
        this.loader = loader;
        this.writer = writer;
        this.planner = planner;
    }

    @Override
    public Seed load() {
        return loader.load().notifying(planner);
    }

    @Override
    public void write(CycleChanges changes) {
        writer.write(changes);
    }
}
