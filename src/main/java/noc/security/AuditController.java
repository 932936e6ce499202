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
import noc.api.Problem;
import noc.api.ProblemException;

/** The audit, newest first: {@code ?actor=}, {@code ?action=}, paged by {@code limit} and {@code after}. */
@Controller("/api/v1/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN_NAME)
public class AuditController {

    private final SecurityStore store;

    public AuditController(SecurityStore store) {
        this.store = store;
    }

    @Get
    public HttpResponse<List<AuditEntry>> list(@QueryValue @Nullable String actor, @QueryValue @Nullable String action,
                                               @QueryValue @Nullable String after, @QueryValue @Nullable String limit,
                                               HttpRequest<?> request) {
        int size = Paging.limit(limit);
        Long before = null;
        if (after != null) {
            try {
                before = Long.parseLong(after);
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("after is not a cursor of this list",
                        List.of(new Problem.FieldError("after", "is not a cursor of this list")));
            }
        }
        List<AuditEntry> entries = store.audit(before, actor, action, size + 1);
        List<AuditEntry> page = entries.stream().limit(size).toList();
        return Paging.answer(request, page, entries.size() > size ? String.valueOf(page.get(page.size() - 1).id())
                : null);
    }
}
