package noc.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import noc.api.FieldReader;
import noc.api.PageLinks;
import noc.api.PageRequest;
import noc.api.Problem;
import noc.api.ProblemException;
import noc.security.Audit;
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
    private final InventorySync sync;
    private final Audit audit;

    public InventoryController(InventoryStore store, InventorySync sync, Audit audit) {
        this.store = store;
        this.sync = sync;
        this.audit = audit;
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
        Map<String, Object> fields = new LinkedHashMap<>(body.fields());
        String keyField = type == InventoryKind.SERVICES ? "reference" : "name";
        Object given = fields.get(keyField);
        if (given != null && !String.valueOf(given).equals(key)) {
            throw ProblemException.badRequest("The body's " + keyField + " differs from the path",
                    List.of(new Problem.FieldError(keyField, "must be '" + key + "' as in the path, or left out")));
        }
        fields.put(keyField, key);
        FieldReader errors = new FieldReader();
        InventoryItem item = InventoryDecoder.decode(type, fields, "", errors);
        refuseIfInvalid(errors);
        InventoryDocument.Parsed parsed = new InventoryDocument.Parsed(List.of(item), List.of(""));
        sync.write(List.of(item), current -> {
            InventoryDocument.checkReferences(parsed, current, errors);
            refuseIfInvalid(errors);
        });
        audit.record(caller, "INVENTORY_SAVED", type.path() + "/" + key, request, null);
        return item;
    }

    @Secured(Role.ADMIN_NAME)
    @Delete("/{kind}/{key}")
    public HttpResponse<Void> delete(@PathVariable String kind, @PathVariable String key, Authentication caller,
                                     HttpRequest<?> request) {
        InventoryKind type = kind(kind);
        try {
            if (!sync.delete(type, key)) {
                throw ProblemException.notFound("No " + singular(type) + " '" + key + "'");
            }
        } catch (InventoryConflictException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "conflict", e.getMessage(), List.of());
        }
        audit.record(caller, "INVENTORY_DELETED", type.path() + "/" + key, request, null);
        return HttpResponse.noContent();
    }

    /**
     * Imports many items at once, all or nothing: JSON {@code {"customers": [...], "devices": [...]}}
     * (at most {@value InventoryBodies#MAX_IMPORT} items of each kind).
     */
    @Secured(Role.ADMIN_NAME)
    @Post(uri = "/import", consumes = MediaType.APPLICATION_JSON)
    public ImportResult importJson(@Valid @Body InventoryBodies.ImportBody body, Authentication caller,
                                   HttpRequest<?> request) {
        FieldReader errors = new FieldReader();
        List<InventoryItem> items = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (InventoryKind type : InventoryKind.values()) {
            List<? extends InventoryBodies.Fields> rows = body.of(type);
            for (int i = 0; i < rows.size(); i++) {
                decodeInto(type, rows.get(i).fields(), type.path() + "[" + i + "]", errors, items, paths);
            }
        }
        return audited(write(items, paths, errors), caller, request);
    }

    /**
     * Imports many items of one kind at once, all or nothing, from CSV: {@code ?kind=devices}, a
     * header row naming the fields, list fields separated by {@code |}; every value within its column.
     */
    @Secured(Role.ADMIN_NAME)
    @Post(uri = "/import", consumes = "text/csv")
    public ImportResult importCsv(@Body @Nullable String body, @QueryValue @Nullable String kind,
                                  Authentication caller, HttpRequest<?> request) {
        FieldReader errors = new FieldReader();
        List<InventoryItem> items = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        if (kind == null) {
            throw ProblemException.badRequest("A CSV import names its kind",
                    List.of(new Problem.FieldError("kind", "is required: ?kind=customers, contacts, sites, "
                            + "services or devices")));
        }
        InventoryKind type = kind(kind);
        List<Csv.Row> rows = Csv.parse(body == null ? "" : body);
        if (rows.size() > InventoryBodies.MAX_IMPORT) {
            throw ProblemException.badRequest("Too many rows", List.of(new Problem.FieldError(type.path(),
                    "must hold at most " + InventoryBodies.MAX_IMPORT + " rows")));
        }
        for (int i = 0; i < rows.size() && !errors.full(); i++) {
            String path = type.path() + "[" + i + "] (line " + rows.get(i).line() + ")";
            decodeInto(type, rows.get(i).fields(), path, errors, items, paths);
        }
        return audited(write(items, paths, errors), caller, request);
    }

    private ImportResult audited(ImportResult result, Authentication caller, HttpRequest<?> request) {
        audit.record(caller, "INVENTORY_IMPORTED", null, request, result.imported() + " items: " + result.byKind());
        return result;
    }

    private ImportResult write(List<InventoryItem> items, List<String> paths, FieldReader errors) {
        if (items.isEmpty() && errors.ok()) {
            throw ProblemException.badRequest("Nothing to import", List.of());
        }
        // Field and reference problems are reported together; the references are checked under the
        // write lock, against the inventory the items would join.
        InventoryDocument.Parsed parsed = new InventoryDocument.Parsed(items, paths);
        sync.write(items, current -> {
            InventoryDocument.checkReferences(parsed, current, errors);
            refuseIfInvalid(errors);
        });
        Map<String, Integer> counts = new LinkedHashMap<>();
        items.forEach(item -> counts.merge(item.kind().path(), 1, Integer::sum));
        return new ImportResult(items.size(), counts);
    }

    private static void decodeInto(InventoryKind type, Map<String, Object> fields, String path, FieldReader errors,
                                   List<InventoryItem> items, List<String> paths) {
        if (fields.containsKey("")) {
            errors.error(path, String.valueOf(fields.get("")));
            return;
        }
        InventoryItem item = InventoryDecoder.decode(type, fields, path, errors);
        if (item != null) {
            items.add(item);
            paths.add(path);
        }
    }

    private static void refuseIfInvalid(FieldReader errors) {
        errors.refuseIfInvalid("nothing was written");
    }

    private static InventoryKind kind(String path) {
        return InventoryKind.ofPath(path).orElseThrow(() -> ProblemException.notFound(
                "No inventory kind '" + path + "': customers, contacts, sites, services or devices"));
    }

    private static String singular(InventoryKind kind) {
        return kind.path().replaceAll("s$", "");
    }

    /** How many items an import wrote, by kind. */
    @Serdeable
    public record ImportResult(int imported, Map<String, Integer> byKind) {
    }
}
