package noc.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import noc.api.ConstraintViolationHandler;
import noc.api.FieldReader;
import noc.api.Problem;
import noc.api.ProblemException;
import noc.api.StrictBodyReader;
import noc.security.Audit;

/**
 * Every write to the inventory, for the REST API and the console alike: one item saved or deleted,
 * or an import (JSON of every kind, or CSV of one) that takes every row or none. Each is checked,
 * written through {@link InventorySync} and audited; what is wrong is a {@link ProblemException}
 * (400 naming each field, 404, or 409 for an item still referred to).
 */
@Singleton
public class InventoryEditor {

    private final InventorySync sync;
    private final Audit audit;
    private final StrictBodyReader<InventoryBodies.ImportBody> json;
    private final Validator validator;

    public InventoryEditor(InventorySync sync, Audit audit, JsonMapper json, Validator validator) {
        this.sync = sync;
        this.audit = audit;
        this.json = new StrictBodyReader<>(json);
        this.validator = validator;
    }

    /**
     * How many items an import wrote, by kind, and what it leaves crossing correlation domains
     * ({@link CorrelationDomains#crossings}) among the links its items take part in: the first
     * {@value #MAX_WARNINGS}, and how many there are in all.
     */
    @Serdeable
    public record ImportResult(int imported, Map<String, Integer> byKind, List<Warning> warnings, int warningsTotal) {

        public ImportResult {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * What an import wrote that works today but not as well where several engines share the work: a link
     * between correlation domains. {@code code} and {@code values} let a page word it in its language.
     */
    @Serdeable
    public record Warning(String kind, String key, @Nullable String field, String message, String code,
                          List<String> values) {

        static Warning of(DomainCrossing crossing) {
            return new Warning(crossing.kind(), crossing.key(), crossing.field(), crossing.message(), crossing.code(),
                    crossing.values());
        }
    }

    /** The most warnings an import lists. */
    public static final int MAX_WARNINGS = 100;

    /** Creates or replaces the item of {@code type} whose key is {@code key}, from its other fields. */
    public InventoryItem put(InventoryKind type, String key, Map<String, Object> given, Authentication caller,
                             HttpRequest<?> request) {
        Map<String, Object> fields = new LinkedHashMap<>(given);
        String keyField = keyField(type);
        Object named = fields.get(keyField);
        if (named != null && !String.valueOf(named).equals(key)) {
            throw ProblemException.badRequest("The body's " + keyField + " differs from the path",
                    List.of(new Problem.FieldError(keyField, "must be '" + key + "' as in the path, or left out")));
        }
        fields.put(keyField, key);
        InventoryProblems errors = new InventoryProblems();
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

    /** Deletes one item: 404 when there is none, 409 (with the reason) while other items refer to it. */
    public void delete(InventoryKind type, String key, Authentication caller, HttpRequest<?> request) {
        try {
            if (!sync.delete(type, key)) {
                throw ProblemException.notFound("No " + singular(type) + " '" + key + "'");
            }
        } catch (InventoryConflictException e) {
            throw new InventoryProblemException(HttpStatus.CONFLICT, "conflict", e.getMessage(), List.of(), e.code(),
                    List.of());
        }
        audit.record(caller, "INVENTORY_DELETED", type.path() + "/" + key, request, null);
    }

    /** Imports a JSON document of every kind, all or nothing. */
    public ImportResult importDocument(InventoryBodies.ImportBody body, Authentication caller, HttpRequest<?> request) {
        InventoryProblems errors = new InventoryProblems();
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
     * Imports a JSON document given as bytes (an uploaded file), read exactly as the API reads its body:
     * the same shape checks and constraints, then {@link #importDocument}.
     */
    public ImportResult importJson(byte[] document, Authentication caller, HttpRequest<?> request) {
        InventoryBodies.ImportBody body = json.readStrict(Argument.of(InventoryBodies.ImportBody.class), document);
        List<Problem.FieldError> errors = validator.validate(body).stream()
                .map(violation -> new Problem.FieldError(ConstraintViolationHandler.path(violation),
                        violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .distinct().limit(FieldReader.MAX_ERRORS).toList();
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() + " problem(s); nothing was done", errors);
        }
        return importDocument(body, caller, request);
    }

    /**
     * Imports items of one kind from CSV, all or nothing: a header row naming the fields, list fields
     * separated by {@code |}; each problem names its row and line.
     */
    public ImportResult importCsv(@Nullable String kind, @Nullable String csv, Authentication caller,
                                  HttpRequest<?> request) {
        InventoryProblems errors = new InventoryProblems();
        List<InventoryItem> items = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        if (kind == null || kind.isBlank()) {
            throw ProblemException.badRequest("A CSV import names its kind",
                    List.of(new Problem.FieldError("kind", "is required: ?kind=customers, contacts, sites, "
                            + "services or devices")));
        }
        InventoryKind type = kind(kind);
        List<Csv.Row> rows = Csv.parse(csv == null ? "" : csv);
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

    private ImportResult write(List<InventoryItem> items, List<String> paths, InventoryProblems errors) {
        if (items.isEmpty() && errors.ok()) {
            throw ProblemException.badRequest("Nothing to import", List.of());
        }
        // Field and reference problems are reported together; the references are checked under the
        // write lock, against the inventory the items would join.
        InventoryDocument.Parsed parsed = new InventoryDocument.Parsed(items, paths);
        List<DomainCrossing> crossings = new ArrayList<>();
        sync.write(items, current -> {
            InventoryDocument.checkReferences(parsed, current, errors);
            refuseIfInvalid(errors);
            crossings.addAll(crossings(current, items));
        });
        Map<String, Integer> counts = new LinkedHashMap<>();
        items.forEach(item -> counts.merge(item.kind().path(), 1, Integer::sum));
        return new ImportResult(items.size(), counts,
                crossings.stream().limit(MAX_WARNINGS).map(Warning::of).toList(), crossings.size());
    }

    /**
     * The crossings of correlation domains in the inventory {@code current} once {@code items} are written,
     * among those that {@code items} take part in.
     */
    static List<DomainCrossing> crossings(List<InventoryItem> current, List<InventoryItem> items) {
        List<InventoryItem> all = new ArrayList<>(current);
        all.addAll(items);
        Set<String> written = new HashSet<>();
        items.forEach(item -> written.add(item.kind() + ":" + item.key()));
        return CorrelationDomains.of(new Inventory(all)).crossings().stream()
                .filter(crossing -> crossing.involved().stream().anyMatch(written::contains))
                .toList();
    }

    private static void decodeInto(InventoryKind type, Map<String, Object> fields, String path, InventoryProblems errors,
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

    private static void refuseIfInvalid(InventoryProblems errors) {
        errors.refuseIfInvalid("nothing was written");
    }

    /** The kind a path names; 404 otherwise. */
    public static InventoryKind kind(String path) {
        return InventoryKind.ofPath(path).orElseThrow(() -> ProblemException.notFound(
                "No inventory kind '" + path + "': customers, contacts, sites, services or devices"));
    }

    /** The field that holds an item's key: {@code reference} for a service, else {@code name}. */
    public static String keyField(InventoryKind kind) {
        return kind == InventoryKind.SERVICES ? "reference" : "name";
    }

    static String singular(InventoryKind kind) {
        return kind.path().replaceAll("s$", "");
    }
}
