package noc.alarm;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import noc.api.PageLinks;
import noc.api.PageRequest;
import noc.api.QueryParameters;
import noc.security.Role;

/** The alarms, read from MariaDB: at most one engine cycle behind the session. */
@Secured(Role.VIEWER_NAME)
@Controller("/api/v1/alarms")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AlarmController {

    private final AlarmStore store;

    public AlarmController(AlarmStore store) {
        this.store = store;
    }

    /**
     * A page of alarms, last seen first. {@code state}: {@code raised} (the default: active alarms),
     * {@code cleared} (the history) or {@code all}; {@code source} and {@code name}: exact values;
     * {@code severity}: repeated or comma-separated. {@code limit} and {@code after} page, the next page
     * is in the {@code Link} header.
     */
    @Get
    public HttpResponse<List<AlarmView>> list(HttpRequest<?> request, @QueryValue @Nullable String state,
                                              @QueryValue @Nullable String source, @QueryValue @Nullable String name,
                                              @QueryValue @Nullable List<String> severity,
                                              @QueryValue @Nullable String limit,
                                              @QueryValue @Nullable String after) {
        AlarmQuery query = new AlarmQuery(
                QueryParameters.choice(AlarmQuery.StateFilter.class, state, "state", AlarmQuery.StateFilter.RAISED),
                source == null || source.isEmpty() ? null : source, name == null || name.isEmpty() ? null : name,
                QueryParameters.choices(Severity.class, severity, "severity"),
                PageRequest.of(limit, after, AlarmQuery.LIST, 2));
        return PageLinks.ok(request, store.list(query).map(AlarmView::of));
    }
}
