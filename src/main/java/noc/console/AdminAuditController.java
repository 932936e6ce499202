package noc.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import noc.api.Problem;
import noc.api.ProblemException;
import noc.security.AuditEntry;
import noc.security.Role;
import noc.security.SecurityStore;

/**
 * The audit ({@code /admin/audit}): what {@code GET /api/v1/audit} shows, newest first, 50 a page,
 * filtered by {@code actor} (exact) and {@code action}; {@code before} (an entry's number) pages on.
 */
@Controller
@ConsolePage
@Hidden
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminAuditController {

    static final String AUDIT = AdminUsersController.ADMIN + "/audit";
    static final int PAGE_SIZE = 50;
    /** The actions offered as suggestions; any other action name may be typed. */
    static final List<String> ACTIONS = List.of("LOGIN", "LOGIN_FAILED", "LOGIN_THROTTLED", "USER_CREATED",
            "USER_CHANGED", "USER_DELETED", "TOKEN_CREATED", "TOKEN_REVOKED", "INVENTORY_SAVED", "INVENTORY_DELETED",
            "INVENTORY_IMPORTED", "RULES_DEPLOYED");

    private final SecurityStore store;
    private final Csrf csrf;

    public AdminAuditController(SecurityStore store, Csrf csrf) {
        this.store = store;
        this.csrf = csrf;
    }

    @Get(uri = AUDIT, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> audit(HttpRequest<?> request, Authentication caller, @QueryValue @Nullable String actor,
                                 @QueryValue @Nullable String action, @QueryValue @Nullable String before) {
        String who = ConsoleParameters.blankToNull(actor);
        String what = ConsoleParameters.blankToNull(action);
        if (who != null && who.length() > 64) {
            throw invalid("actor", "must be at most 64 characters");
        }
        if (what != null && !what.matches("[A-Za-z_]{1,64}")) {
            throw invalid("action", "must be an action name such as USER_CREATED");
        }
        Long from = null;
        if (before != null && !before.isBlank()) {
            try {
                from = Long.parseLong(before.strip());
            } catch (NumberFormatException e) {
                throw invalid("before", "must be the number of an audit entry");
            }
        }
        List<AuditEntry> found = store.audit(from, who, what == null ? null : what.toUpperCase(java.util.Locale.ROOT),
                PAGE_SIZE + 1);
        MutableHttpResponse<Object> response = HttpResponse.ok();
        Map<String, Object> model = new HashMap<>();
        model.put("user", caller.getName());
        model.put("csrfToken", csrf.token(request, response));
        model.put("entries", found.stream().limit(PAGE_SIZE).toList());
        model.put("next", found.size() > PAGE_SIZE ? found.get(PAGE_SIZE - 1).id() : null);
        model.put("actor", who == null ? "" : who);
        model.put("action", what == null ? "" : what.toUpperCase(java.util.Locale.ROOT));
        model.put("actions", ACTIONS);
        return response.body(new ModelAndView<>("admin-audit", model));
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.badRequest(field + " " + message, List.of(new Problem.FieldError(field, message)));
    }
}
