package noc.inventory;

import io.micronaut.security.annotation.Secured;
import noc.security.Role;
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
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import noc.api.FieldReader;
import noc.api.JsonBodies;
import noc.api.PageLinks;
import noc.api.PageRequest;
import noc.api.Problem;
import noc.api.ProblemException;

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
    private final JsonMapper json;

    public InventoryController(InventoryStore store, InventorySync sync, JsonMapper json) {
        this.store = store;
        this.sync = sync;
        this.json = json;
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

    /** Creates or replaces one item; its key comes from the path. */
    @Secured(Role.ADMIN_NAME)
    @Put(uri = "/{kind}/{key}", consumes = MediaType.APPLICATION_JSON)
    public InventoryItem put(@PathVariable String kind, @PathVariable String key, @Body String body) {
        InventoryKind type = kind(kind);
        Map<String, Object> fields = new LinkedHashMap<>(parse(body));
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
        return item;
    }

    @Secured(Role.ADMIN_NAME)
    @Delete("/{kind}/{key}")
    public HttpResponse<Void> delete(@PathVariable String kind, @PathVariable String key) {
        InventoryKind type = kind(kind);
        try {
            if (!sync.delete(type, key)) {
                throw ProblemException.notFound("No " + singular(type) + " '" + key + "'");
            }
        } catch (InventoryConflictException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "conflict", e.getMessage(), List.of());
        }
        return HttpResponse.noContent();
    }

    /**
     * Imports many items at once, all or nothing. JSON: {@code {"customers": [...], "devices": [...]}};
     * CSV ({@code Content-Type: text/csv}): one kind per request, {@code ?kind=devices}, a header row
     * naming the fields, list fields separated by {@code |}.
     */
    @Secured(Role.ADMIN_NAME)
    @Post(uri = "/import", consumes = {MediaType.APPLICATION_JSON, "text/csv"})
    public ImportResult importItems(@Body String body, @Header("Content-Type") @Nullable String contentType,
                                    @QueryValue @Nullable String kind) {
        FieldReader errors = new FieldReader();
        List<InventoryItem> items = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        if (contentType != null && contentType.startsWith("text/csv")) {
            if (kind == null) {
                throw ProblemException.badRequest("A CSV import names its kind",
                        List.of(new Problem.FieldError("kind", "is required: ?kind=customers, contacts, sites, "
                                + "services or devices")));
            }
            InventoryKind type = kind(kind);
            List<Csv.Row> rows = Csv.parse(body == null ? "" : body);
            for (int i = 0; i < rows.size(); i++) {
                String path = type.path() + "[" + i + "] (line " + rows.get(i).line() + ")";
                decodeInto(type, rows.get(i).fields(), path, errors, items, paths);
            }
        } else {
            InventoryDocument.Parsed parsed = InventoryDocument.parse(parse(body), "", errors);
            items.addAll(parsed.items());
            paths.addAll(parsed.paths());
        }
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
        if (!errors.ok()) {
            throw ProblemException.badRequest(errors.errors().size() + " problem(s); nothing was written",
                    errors.errors());
        }
    }

    private Map<String, Object> parse(String body) {
        return JsonBodies.object(json, body);
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
