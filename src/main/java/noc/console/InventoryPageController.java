package noc.console;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import noc.api.Problem;
import noc.api.ProblemException;
import noc.inventory.CorrelationDomains;
import noc.inventory.InventoryEditor;
import noc.inventory.InventoryItem;
import noc.inventory.InventoryKind;
import noc.inventory.InventoryStore;
import noc.security.Role;

/**
 * The inventory's pages: a tab per kind ({@code /inventory/{kind}}, {@code /inventory} being the
 * customers') searched with {@code q} and paged by key ({@code after}, {@code limit}); an item's page
 * ({@code /inventory/{kind}/{key}}) with what refers to it; and, for an admin, an item's deletion
 * after a confirmation, through {@link InventoryEditor} as {@code DELETE /api/v1/inventory/{kind}/{key}}.
 */
@Controller
@ConsolePage
@Hidden
@Secured(Role.VIEWER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class InventoryPageController {

    static final String INVENTORY = "/inventory";
    /** The rows of a page when {@code limit} is not given, and the most it may ask for. */
    static final int PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;
    /** The longest search text. */
    static final int MAX_QUERY = 200;

    private final InventoryStore store;
    private final InventoryEditor editor;
    private final Csrf csrf;
    private final MessageSource messages;
    private final HttpLocaleResolver locales;

    public InventoryPageController(InventoryStore store, InventoryEditor editor, Csrf csrf, MessageSource messages,
                                   HttpLocaleResolver locales) {
        this.store = store;
        this.editor = editor;
        this.csrf = csrf;
        this.messages = messages;
        this.locales = locales;
    }

    /** What the deletion's confirmation posts. */
    @Introspected
    @Serdeable
    public record DeleteForm(@Nullable String csrfToken) {
    }

    @Get(uri = INVENTORY, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> start(HttpRequest<?> request, Authentication caller, @QueryValue @Nullable String q,
                                 @QueryValue @Nullable String after, @QueryValue @Nullable String limit) {
        return list(request, caller, InventoryKind.CUSTOMERS, q, after, limit, null);
    }

    @Get(uri = INVENTORY + "/{kind}", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> tab(HttpRequest<?> request, Authentication caller, @PathVariable String kind,
                               @QueryValue @Nullable String q, @QueryValue @Nullable String after,
                               @QueryValue @Nullable String limit, @QueryValue @Nullable String deleted) {
        Optional<InventoryKind> type = InventoryKind.ofPath(kind);
        if (type.isEmpty()) {
            return missing(request, caller, kind, null);
        }
        return list(request, caller, type.get(), q, after, limit, deleted);
    }

    @Get(uri = INVENTORY + "/{kind}/{key}", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> item(HttpRequest<?> request, Authentication caller, @PathVariable String kind,
                                @PathVariable String key, @QueryValue @Nullable String saved) {
        Optional<InventoryKind> type = InventoryKind.ofPath(kind);
        Optional<InventoryItem> item = type.flatMap(found -> store.find(found, key));
        if (item.isEmpty()) {
            return missing(request, caller, kind, key);
        }
        MutableHttpResponse<Object> response = HttpResponse.ok();
        Map<String, Object> model = model(request, caller, response, type.get());
        InventoryPages.Labels labels = labels(request);
        model.put("item", item.get());
        model.put("saved", saved != null);
        model.put("warnings", saved == null ? List.of() : crossings(type.get(), key, labels));
        model.put("href", InventoryPages.href(type.get(), key));
        model.put("fields", InventoryPages.fields(item.get(), labels));
        model.put("references", references(type.get(), key, labels));
        model.put("tickets", type.get() == InventoryKind.CUSTOMERS
                ? UriBuilder.of("/tickets").queryParam("customer", key).toString() : null);
        model.put("alarms", type.get() == InventoryKind.DEVICES
                ? UriBuilder.of("/").queryParam("q", key).toString() : null);
        return response.body(new ModelAndView<>("inventory-item", model));
    }

    @Secured(Role.ADMIN_NAME)
    @Get(uri = INVENTORY + "/{kind}/{key}/delete", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> confirm(HttpRequest<?> request, Authentication caller, @PathVariable String kind,
                                   @PathVariable String key) {
        Optional<InventoryKind> type = InventoryKind.ofPath(kind);
        if (type.isEmpty() || store.find(type.get(), key).isEmpty()) {
            return missing(request, caller, kind, key);
        }
        return confirmation(request, caller, HttpResponse.ok(), type.get(), key,
                references(type.get(), key, labels(request)), null);
    }

    @Secured(Role.ADMIN_NAME)
    @Post(uri = INVENTORY + "/{kind}/{key}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public HttpResponse<?> delete(HttpRequest<?> request, Authentication caller, @PathVariable String kind,
                                  @PathVariable String key, @Body DeleteForm form) {
        Optional<InventoryKind> type = InventoryKind.ofPath(kind);
        if (type.isEmpty()) {
            return missing(request, caller, kind, key);
        }
        if (!csrf.accepts(request, form.csrfToken())) {
            return confirmation(request, caller, HttpResponse.status(HttpStatus.BAD_REQUEST), type.get(), key,
                    List.of(), label(request, "inventory.expired"));
        }
        try {
            editor.delete(type.get(), key, caller, request);
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.NOT_FOUND) {
                return missing(request, caller, kind, key);
            }
            return confirmation(request, caller, HttpResponse.status(refused.status()), type.get(), key,
                    references(type.get(), key, labels(request)), InventoryPages.detail(refused, labels(request)));
        }
        return HttpResponse.seeOther(URI.create(UriBuilder.of(INVENTORY + "/" + type.get().path())
                .queryParam("deleted", key).toString()));
    }

    private HttpResponse<?> list(HttpRequest<?> request, Authentication caller, InventoryKind kind,
                                 @Nullable String q, @Nullable String after, @Nullable String limit,
                                 @Nullable String deleted) {
        String text = q == null ? "" : q.strip();
        if (text.length() > MAX_QUERY) {
            throw ProblemException.badRequest("The search is too long", List.of(new Problem.FieldError("q",
                    "must be at most " + MAX_QUERY + " characters")));
        }
        int size = size(limit);
        String from = after == null || after.isEmpty() ? null : after;
        List<InventoryItem> found = store.search(kind, text, from, size + 1);
        boolean more = found.size() > size;
        List<InventoryItem> shown = more ? found.subList(0, size) : found;
        InventoryPages.Labels labels = labels(request);
        MutableHttpResponse<Object> response = HttpResponse.ok();
        Map<String, Object> model = model(request, caller, response, kind);
        model.put("q", text);
        model.put("columns", InventoryPages.columns(kind).stream()
                .map(column -> labels.label("inventory.field." + column)).toList());
        model.put("keyLabel", labels.label("inventory.field." + InventoryEditor.keyField(kind)));
        model.put("rows", shown.stream().map(item -> InventoryPages.row(item, labels)).toList());
        model.put("first", from == null ? null : link(kind, text, null, limit));
        model.put("next", more ? link(kind, text, shown.get(shown.size() - 1).key(), limit) : null);
        model.put("deleted", deleted);
        return response.body(new ModelAndView<>("inventory", model));
    }

    private static int size(@Nullable String limit) {
        if (limit == null || limit.isBlank()) {
            return PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(limit.strip());
            if (size >= 1 && size <= MAX_PAGE_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below, as a number out of range is
        }
        throw ProblemException.badRequest("The page size is a number from 1 to " + MAX_PAGE_SIZE,
                List.of(new Problem.FieldError("limit", "must be a number from 1 to " + MAX_PAGE_SIZE)));
    }

    /** The tab of {@code kind} with the same search, from after {@code after}. */
    private static String link(InventoryKind kind, String q, @Nullable String after, @Nullable String limit) {
        UriBuilder uri = UriBuilder.of(INVENTORY + "/" + kind.path());
        if (!q.isEmpty()) {
            uri.queryParam("q", q);
        }
        if (limit != null && !limit.isBlank()) {
            uri.queryParam("limit", limit.strip());
        }
        if (after != null) {
            uri.queryParam("after", after);
        }
        return uri.toString();
    }

    private HttpResponse<?> confirmation(HttpRequest<?> request, Authentication caller,
                                         MutableHttpResponse<Object> response, InventoryKind kind, String key,
                                         List<InventoryPages.Group> references, @Nullable String refusal) {
        Map<String, Object> model = model(request, caller, response, kind);
        model.put("key", key);
        model.put("href", InventoryPages.href(kind, key));
        model.put("references", references);
        model.put("refusal", refusal);
        return response.body(new ModelAndView<>("inventory-delete", model));
    }

    /**
     * The links across correlation domains that an item just saved takes part in: read from the whole
     * inventory, so only after a save, where the save itself read it too.
     */
    private List<InventoryPages.Warning> crossings(InventoryKind kind, String key, InventoryPages.Labels labels) {
        return CorrelationDomains.of(store.load()).crossings().stream()
                .filter(crossing -> crossing.involves(kind, key))
                .limit(InventoryEditor.MAX_WARNINGS)
                .map(crossing -> InventoryPages.warning(crossing.kind(), crossing.key(), crossing.code(),
                        crossing.values(), crossing.message(), labels))
                .toList();
    }

    /** What refers to the item, read by SQL: a count and the first {@value InventoryPages#MAX_REFERENCES} of each group. */
    private List<InventoryPages.Group> references(InventoryKind kind, String key, InventoryPages.Labels labels) {
        return InventoryPages.groups(store.references(kind, key, InventoryPages.MAX_REFERENCES), labels);
    }

    private HttpResponse<?> missing(HttpRequest<?> request, Authentication caller, String kind, @Nullable String key) {
        return InventoryPages.missing(csrf, request, caller, kind, key);
    }

    private Map<String, Object> model(HttpRequest<?> request, Authentication caller, MutableHttpResponse<?> response,
                                      @Nullable InventoryKind kind) {
        return InventoryPages.model(csrf, request, caller, response, kind);
    }

    private InventoryPages.Labels labels(HttpRequest<?> request) {
        return InventoryPages.labels(messages, locales.resolveOrDefault(request));
    }

    private String label(HttpRequest<?> request, String key) {
        return labels(request).label(key);
    }
}
