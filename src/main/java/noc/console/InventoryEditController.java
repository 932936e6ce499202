package noc.console;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.MessageSource;
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
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import noc.api.Problem;
import noc.api.ProblemException;
import noc.inventory.InventoryEditor;
import noc.inventory.InventoryItem;
import noc.inventory.InventoryKind;
import noc.inventory.InventoryStore;
import noc.security.Role;

/**
 * An admin's form for one existing item ({@code /inventory/{kind}/{key}/edit}): its fields but its key,
 * saved through {@link InventoryEditor#put} as {@code PUT /api/v1/inventory/{kind}/{key}} saves them
 * (the same checks; each problem shown next to its field, nothing saved).
 */
@Controller
@ConsolePage
@Hidden
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class InventoryEditController {

    private final InventoryStore store;
    private final InventoryEditor editor;
    private final Csrf csrf;
    private final MessageSource messages;
    private final HttpLocaleResolver locales;

    public InventoryEditController(InventoryStore store, InventoryEditor editor, Csrf csrf, MessageSource messages,
                                   HttpLocaleResolver locales) {
        this.store = store;
        this.editor = editor;
        this.csrf = csrf;
        this.messages = messages;
        this.locales = locales;
    }

    @Get(uri = InventoryPageController.INVENTORY + "/{kind}/{key}/edit", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> form(HttpRequest<?> request, Authentication caller, @PathVariable String kind,
                                @PathVariable String key) {
        Optional<InventoryKind> type = InventoryKind.ofPath(kind);
        Optional<InventoryItem> item = type.flatMap(found -> store.find(found, key));
        if (item.isEmpty()) {
            return missing(request, caller, kind, key);
        }
        return page(request, caller, HttpResponse.ok(), type.get(), key, InventoryPages.formValues(item.get()),
                Map.of(), null);
    }

    @Post(uri = InventoryPageController.INVENTORY + "/{kind}/{key}/edit",
            consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> save(HttpRequest<?> request, Authentication caller, @PathVariable String kind,
                                @PathVariable String key, @Body @Nullable Map<String, String> form) {
        Optional<InventoryKind> type = InventoryKind.ofPath(kind);
        if (type.isEmpty()) {
            return missing(request, caller, kind, key);
        }
        Map<String, String> posted = form == null ? Map.of() : form;
        InventoryPages.Labels labels = labels(request);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        for (InventoryPages.Input input : InventoryPages.inputs(type.get(), Map.of(), labels)) {
            String value = posted.get(input.name());
            if (input.type().equals("yesNo")) {
                value = String.valueOf(value != null && !value.equals("false"));
            }
            values.put(input.name(), value == null ? "" : value);
            if (value != null && !value.isBlank()) {
                fields.put(input.name(), value);
            }
        }
        // The form's token before any read: an expired form is shown again as posted, nothing looked up.
        if (!csrf.accepts(request, posted.get(Csrf.FIELD))) {
            return page(request, caller, HttpResponse.status(HttpStatus.BAD_REQUEST), type.get(), key, values,
                    Map.of(), labels.label("inventory.expired"));
        }
        // The form edits an item that exists; it does not create one under a typed-in path.
        if (store.find(type.get(), key).isEmpty()) {
            return missing(request, caller, kind, key);
        }
        try {
            editor.put(type.get(), key, fields, caller, request);
        } catch (ProblemException refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            PortalForms.add(InventoryPages.problems(refused, labels), errors);
            return page(request, caller, HttpResponse.status(refused.status()), type.get(), key, values, errors,
                    InventoryPages.detail(refused, labels));
        }
        return HttpResponse.seeOther(URI.create(InventoryPages.href(type.get(), key) + "?saved=1"));
    }

    private HttpResponse<?> page(HttpRequest<?> request, Authentication caller, MutableHttpResponse<Object> response,
                                 InventoryKind kind, String key, Map<String, String> values,
                                 Map<String, String> errors, @Nullable String refusal) {
        Map<String, Object> model = InventoryPages.model(csrf, request, caller, response, kind);
        model.put("key", key);
        model.put("href", InventoryPages.href(kind, key));
        model.put("inputs", InventoryPages.inputs(kind, values, labels(request)));
        model.put("errors", errors);
        model.put("refusal", refusal);
        return response.body(new ModelAndView<>("inventory-edit", model));
    }

    private HttpResponse<?> missing(HttpRequest<?> request, Authentication caller, String kind, String key) {
        return InventoryPages.missing(csrf, request, caller, kind, key);
    }

    private InventoryPages.Labels labels(HttpRequest<?> request) {
        return InventoryPages.labels(messages, locales.resolveOrDefault(request));
    }
}
