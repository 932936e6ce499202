package noc.inventory;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;
import noc.api.PageLinks;
import noc.api.PageRequest;
import noc.api.ProblemException;
import noc.security.Role;

/**
 * The inventory over REST: {@code /api/v1/inventory/{customers|contacts|sites|services|devices}}, one
 * item at {@code /{key}}, and a bulk import (JSON or CSV) that takes every row or none.
 */
@Secured(Role.VIEWER_NAME)
@Controller("/api/v1/inventory")
@ExecuteOn(TaskExecutors.BLOCKING)
public class InventoryController {

    private final InventoryStore store;
    private final InventoryEditor editor;

    public InventoryController(InventoryStore store, InventoryEditor editor) {
        this.store = store;
        this.editor = editor;
    }

    /** A page of the items of a kind, by key; {@code limit} and {@code after} page, the next page is in the {@code Link} header. */
    @Get("/{kind}")
    public HttpResponse<List<InventoryItem>> list(HttpRequest<?> request, @PathVariable String kind,
                                                  @QueryValue @Nullable String limit,
                                                  @QueryValue @Nullable String after) {
        InventoryKind type = kind(kind);
        return PageLinks.ok(request, store.list(type, PageRequest.of(limit, after, InventoryStore.list(type), 1)));
    }

    @Get("/{kind}/{key}")
    public InventoryItem show(@PathVariable String kind, @PathVariable String key) {
        InventoryKind type = kind(kind);
        return store.load().find(type, key)
                .orElseThrow(() -> ProblemException.notFound("No " + singular(type) + " '" + key + "'"));
    }

    /** Creates or replaces a customer; its name comes from the path. */
    @Secured(Role.ADMIN_NAME)
    @Put(uri = "/customers/{key}", consumes = MediaType.APPLICATION_JSON)
    public InventoryItem putCustomer(@PathVariable String key, @Valid @Body InventoryBodies.CustomerBody body,
                                  Authentication caller, HttpRequest<?> request) {
        return put(InventoryKind.CUSTOMERS, key, body, caller, request);
    }

    /** Creates or replaces a contact; its name comes from the path. */
    @Secured(Role.ADMIN_NAME)
    @Put(uri = "/contacts/{key}", consumes = MediaType.APPLICATION_JSON)
    public InventoryItem putContact(@PathVariable String key, @Valid @Body InventoryBodies.ContactBody body,
                                  Authentication caller, HttpRequest<?> request) {
        return put(InventoryKind.CONTACTS, key, body, caller, request);
    }

    /** Creates or replaces a site; its name comes from the path. */
    @Secured(Role.ADMIN_NAME)
    @Put(uri = "/sites/{key}", consumes = MediaType.APPLICATION_JSON)
    public InventoryItem putSite(@PathVariable String key, @Valid @Body InventoryBodies.SiteBody body,
                                  Authentication caller, HttpRequest<?> request) {
        return put(InventoryKind.SITES, key, body, caller, request);
    }

    /** Creates or replaces a service; its reference comes from the path. */
    @Secured(Role.ADMIN_NAME)
    @Put(uri = "/services/{key}", consumes = MediaType.APPLICATION_JSON)
    public InventoryItem putService(@PathVariable String key, @Valid @Body InventoryBodies.ServiceBody body,
                                  Authentication caller, HttpRequest<?> request) {
        return put(InventoryKind.SERVICES, key, body, caller, request);
    }

    /** Creates or replaces a device; its name comes from the path. */
    @Secured(Role.ADMIN_NAME)
    @Put(uri = "/devices/{key}", consumes = MediaType.APPLICATION_JSON)
    public InventoryItem putDevice(@PathVariable String key, @Valid @Body InventoryBodies.DeviceBody body,
                                  Authentication caller, HttpRequest<?> request) {
        return put(InventoryKind.DEVICES, key, body, caller, request);
    }

    private InventoryItem put(InventoryKind type, String key, InventoryBodies.Fields body, Authentication caller,
                              HttpRequest<?> request) {
        return editor.put(type, key, body.fields(), caller, request);
    }

    @Secured(Role.ADMIN_NAME)
    @Delete("/{kind}/{key}")
    public HttpResponse<Void> delete(@PathVariable String kind, @PathVariable String key, Authentication caller,
                                     HttpRequest<?> request) {
        editor.delete(kind(kind), key, caller, request);
        return HttpResponse.noContent();
    }

    /**
     * Imports many items at once, all or nothing: JSON {@code {"customers": [...], "devices": [...]}}
     * (at most {@value InventoryBodies#MAX_IMPORT} items of each kind).
     */
    @Secured(Role.ADMIN_NAME)
    @Post(uri = "/import", consumes = MediaType.APPLICATION_JSON)
    public InventoryEditor.ImportResult importJson(@Valid @Body InventoryBodies.ImportBody body, Authentication caller,
                                                   HttpRequest<?> request) {
        return editor.importDocument(body, caller, request);
    }

    /**
     * Imports many items of one kind at once, all or nothing, from CSV: {@code ?kind=devices}, a
     * header row naming the fields, list fields separated by {@code |}; every value within its column.
     */
    @Secured(Role.ADMIN_NAME)
    @Post(uri = "/import", consumes = "text/csv")
    public InventoryEditor.ImportResult importCsv(@Body @Nullable String body, @QueryValue @Nullable String kind,
                                                  Authentication caller, HttpRequest<?> request) {
        return editor.importCsv(kind, body, caller, request);
    }

    private static InventoryKind kind(String path) {
        return InventoryEditor.kind(path);
    }

    private static String singular(InventoryKind kind) {
        return InventoryEditor.singular(kind);
    }
}
