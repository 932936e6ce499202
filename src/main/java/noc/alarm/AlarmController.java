package noc.alarm;

import io.micronaut.security.annotation.Secured;
import noc.security.Role;
import java.util.List;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** The alarms, read from MariaDB: at most one engine cycle behind the session. */
@Secured(Role.VIEWER_NAME)
@Controller("/api/v1/alarms")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AlarmController {

    private final AlarmRepository repository;
    private final AlarmStore store;

    public AlarmController(AlarmRepository repository, AlarmStore store) {
        this.repository = repository;
        this.store = store;
    }

    /** The active (raised) alarms, most recent first. */
    @Get
    public List<AlarmView> active() {
        return repository.findByStateOrderByLastSeenDesc(AlarmState.RAISED.name()).stream()
                .map(row -> AlarmView.of(store.toFact(row))).toList();
    }
}
