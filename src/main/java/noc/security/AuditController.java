package noc.security;

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
import noc.api.Cursor;
import noc.api.Page;
import noc.api.PageLinks;
import noc.api.PageRequest;
import io.micronaut.context.annotation.Requires;
import noc.cluster.Roles;

/** The audit, newest first: {@code ?actor=}, {@code ?action=}, paged by {@code limit} and {@code after}. */
@Controller("/api/v1/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN_NAME)
@Requires(condition = Roles.OwnsDatabase.class)
public class AuditController {

    private final SecurityStore store;

    public AuditController(SecurityStore store) {
        this.store = store;
    }

    @Get
    public HttpResponse<List<AuditEntry>> list(@QueryValue @Nullable String actor, @QueryValue @Nullable String action,
                                               @QueryValue @Nullable String after, @QueryValue @Nullable String limit,
                                               HttpRequest<?> request) {
        PageRequest page = PageRequest.of(limit, after, "audit", 1);
        List<AuditEntry> entries = store.audit(page.after() == null ? null : page.after().number(0), actor, action,
                page.fetchSize());
        return PageLinks.ok(request, Page.of(entries, page, entry -> Cursor.of("audit", entry.id())));
    }
}
