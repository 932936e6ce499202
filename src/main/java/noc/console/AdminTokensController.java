package noc.console;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import noc.api.ProblemException;
import noc.security.AccountChecksFailed;
import noc.security.ApiToken;
import noc.security.ApiTokenController;
import noc.security.Directory;
import noc.security.Role;
import noc.security.SecurityStore;
import noc.security.TokenIssuer;

/**
 * The admin's API tokens ({@code /admin/tokens}): a paged list (never a secret: only hashes are
 * kept), a form to make one and a revoke button per token, through {@link TokenIssuer} as
 * {@code /api/v1/api-tokens} goes, with the same checks and audit entries. A new token's secret is in
 * the answer to its form only, a page that is not kept ({@code Cache-Control: no-store}); no redirect,
 * log line or later page carries it.
 */
@Controller
@ConsolePage
@Hidden
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminTokensController {

    static final String TOKENS = AdminUsersController.ADMIN + "/tokens";
    static final int PAGE_SIZE = 50;

    private final SecurityStore store;
    private final Directory directory;
    private final TokenIssuer issuer;
    private final PortalForms forms;
    private final Csrf csrf;
    private final MessageSource messages;
    private final HttpLocaleResolver locales;

    public AdminTokensController(SecurityStore store, Directory directory, TokenIssuer issuer, PortalForms forms,
                                 Csrf csrf, MessageSource messages, HttpLocaleResolver locales) {
        this.store = store;
        this.directory = directory;
        this.issuer = issuer;
        this.forms = forms;
        this.csrf = csrf;
        this.messages = messages;
        this.locales = locales;
    }

    /** What the creation form posts: {@code roles} repeated, one per ticked box. */
    @Introspected
    @Serdeable
    public record TokenForm(@Nullable String csrfToken, @Nullable String name, @Nullable List<String> roles) {

        static TokenForm empty() {
            return new TokenForm(null, "", List.of("intake"));
        }

        public List<String> chosenRoles() {
            return roles == null ? List.of() : roles;
        }
    }

    /** What a revoke button posts. */
    @Introspected
    @Serdeable
    public record RevokeForm(@Nullable String csrfToken) {
    }

    /** A row of the list: what is known of a token, never its secret. */
    public record Row(String name, String roles, String createdBy, Instant createdAt, @Nullable Instant lastUsedAt) {
    }

    @Get(uri = TOKENS, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> list(HttpRequest<?> request, Authentication caller, @QueryValue @Nullable String after,
                                @QueryValue @Nullable String revoked) {
        return listPage(request, caller, HttpResponse.ok(), after, TokenForm.empty(), Map.of(), revoked);
    }

    @Post(uri = TOKENS, consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> create(HttpRequest<?> request, Authentication caller, @Body TokenForm form) {
        if (!csrf.accepts(request, form.csrfToken())) {
            return listPage(request, caller, HttpResponse.status(HttpStatus.BAD_REQUEST), null, form,
                    Map.of("csrfToken", "expired"), null);
        }
        String name = form.name() == null ? null : form.name().strip();
        ApiTokenController.TokenBody body = new ApiTokenController.TokenBody(name, form.chosenRoles());
        Map<String, String> errors = new HashMap<>(forms.errors(body, request));
        if (errors.isEmpty()) {
            try {
                TokenIssuer.Issued issued = issuer.issue(name, body.roles(), caller, request);
                MutableHttpResponse<Object> response = HttpResponse.ok();
                Map<String, Object> model = new HashMap<>();
                model.put("user", caller.getName());
                model.put("csrfToken", csrf.token(request, response));
                model.put("name", issued.token().name());
                model.put("roles", Role.column(issued.token().roles()).replace(",", ", "));
                model.put("secret", issued.secret());
                // The one page with the secret: neither the browser's cache nor a proxy keeps it.
                return response.header("Cache-Control", "no-store")
                        .body(new ModelAndView<>("admin-token-created", model));
            } catch (AccountChecksFailed invalid) {
                invalid.failed().forEach(check -> errors.putIfAbsent(check.field(), text(request, check.key())));
            } catch (ProblemException refused) {
                if (refused.status() != HttpStatus.CONFLICT) {
                    throw refused;
                }
                // A token has the name: its insert found it taken.
                errors.put("name", text(request, "admin.tokens.exists"));
            }
        }
        return listPage(request, caller, HttpResponse.status(HttpStatus.BAD_REQUEST), null, form, errors, null);
    }

    @Post(uri = TOKENS + "/{name}/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public HttpResponse<?> revoke(HttpRequest<?> request, Authentication caller, @PathVariable String name,
                                  @Body RevokeForm form) {
        if (!csrf.accepts(request, form.csrfToken())) {
            return listPage(request, caller, HttpResponse.status(HttpStatus.BAD_REQUEST), null, TokenForm.empty(),
                    Map.of("csrfToken", "expired"), null);
        }
        try {
            issuer.revoke(name, caller, request);
        } catch (ProblemException missing) {
            return listPage(request, caller, HttpResponse.status(HttpStatus.NOT_FOUND), null, TokenForm.empty(),
                    Map.of("missing", name), null);
        }
        return HttpResponse.seeOther(UriBuilder.of(TOKENS).queryParam("revoked", name).build());
    }

    private String text(HttpRequest<?> request, String key) {
        return messages.getMessage(key, locales.resolveOrDefault(request)).orElse(key);
    }

    private MutableHttpResponse<Object> listPage(HttpRequest<?> request, Authentication caller,
                                                 MutableHttpResponse<Object> response, @Nullable String after,
                                                 TokenForm form, Map<String, String> errors, @Nullable String revoked) {
        List<ApiToken> found = store.tokens(after == null || after.isBlank() ? null : after, PAGE_SIZE + 1);
        Map<String, Object> model = new HashMap<>();
        model.put("user", caller.getName());
        model.put("csrfToken", csrf.token(request, response));
        model.put("tokens", found.stream().limit(PAGE_SIZE).map(token -> new Row(token.name(),
                Role.column(token.roles()).replace(",", ", "), token.createdBy(), token.createdAt(),
                directory.lastUse(token).orElse(null))).toList());
        model.put("next", found.size() > PAGE_SIZE ? found.get(PAGE_SIZE - 1).name() : null);
        model.put("roles", Role.tokenIds());
        model.put("form", form);
        model.put("errors", errors);
        model.put("revoked", revoked);
        return response.body(new ModelAndView<>("admin-tokens", model));
    }
}
