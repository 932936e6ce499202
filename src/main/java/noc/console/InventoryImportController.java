package noc.console;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
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
import noc.inventory.InventoryKind;
import noc.security.Role;

/**
 * The inventory's import page ({@code /inventory/import}, admin): a CSV file of one kind or a JSON
 * document of every kind, uploaded, and imported by {@link InventoryEditor} exactly as
 * {@code POST /api/v1/inventory/import} imports it: all rows or none. A refused file is shown as its
 * problems, one line each with the kind, the row (and a CSV row's line) and the field.
 */
@Controller
@ConsolePage
@Hidden
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class InventoryImportController {

    static final String IMPORT = InventoryPageController.INVENTORY + "/import";
    /** The largest file taken: room for the {@code MAX_IMPORT} rows of a kind with long fields. */
    static final long MAX_UPLOAD = 8L * 1024 * 1024;

    /** Where an import problem is: {@code devices[3] (line 5).site}, as the API names it. */
    private static final Pattern ROW = Pattern.compile(
            "^(customers|contacts|sites|services|devices)\\[(\\d+)](?: \\(line (\\d+)\\))?(?:\\.(.+))?$");

    private final InventoryEditor editor;
    private final Csrf csrf;
    private final MessageSource messages;
    private final HttpLocaleResolver locales;

    public InventoryImportController(InventoryEditor editor, Csrf csrf, MessageSource messages,
                                     HttpLocaleResolver locales) {
        this.editor = editor;
        this.csrf = csrf;
        this.messages = messages;
        this.locales = locales;
    }

    /** A problem of one row: its kind, its number from 1, its line in a CSV file, the field. */
    public record RowError(String kind, int row, @Nullable Integer line, String field, String message) {
    }

    @Get(uri = IMPORT, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> form(HttpRequest<?> request, Authentication caller) {
        return page(request, caller, HttpResponse.ok(), "", null, List.of(), Map.of(), null);
    }

    // A plain form (no file input) is taken too, and answered as a form without its file: refusing its
    // type outright (415) would come before the role check and tell a viewer what an admin may post.
    @Post(uri = IMPORT, consumes = {MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED},
            produces = MediaType.TEXT_HTML)
    public HttpResponse<?> upload(HttpRequest<?> request, Authentication caller,
                                  @Part("file") @Nullable CompletedFileUpload file, @Part("kind") @Nullable String kind,
                                  @Part("csrfToken") @Nullable String csrfToken) {
        String chosen = kind == null ? "" : kind.strip();
        MutableHttpResponse<Object> refused = HttpResponse.status(HttpStatus.BAD_REQUEST);
        if (!csrf.accepts(request, csrfToken)) {
            return page(request, caller, refused, chosen, null, List.of(), Map.of("csrfToken", "expired"), null);
        }
        if (file == null || (file.getFilename().isBlank() && file.getSize() == 0)) {
            return page(request, caller, refused, chosen, null, List.of(), Map.of("file", "required"), null);
        }
        if (file.getSize() > MAX_UPLOAD) {
            return page(request, caller, refused, chosen, null, List.of(), Map.of("file", "tooLarge"), null);
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            return page(request, caller, refused, chosen, null, List.of(), Map.of("file", "unreadable"), null);
        }
        try {
            InventoryEditor.ImportResult result;
            if (json(file, bytes)) {
                result = editor.importJson(bytes, caller, request);
            } else {
                String text = utf8(bytes);
                if (text == null) {
                    return page(request, caller, refused, chosen, null, List.of(), Map.of("file", "notUtf8"), null);
                }
                if (chosen.isEmpty()) {
                    return page(request, caller, refused, chosen, null, List.of(), Map.of("kind", "required"), null);
                }
                result = editor.importCsv(chosen, text, caller, request);
            }
            return page(request, caller, HttpResponse.ok(), chosen, result, List.of(), Map.of(), null);
        } catch (ProblemException problem) {
            List<RowError> rows = new ArrayList<>();
            List<Problem.FieldError> others = new ArrayList<>();
            InventoryPages.Labels labels = InventoryPages.labels(messages, locales.resolveOrDefault(request));
            for (Problem.FieldError error : InventoryPages.problems(problem, labels)) {
                RowError row = row(error);
                if (row == null) {
                    others.add(error);
                } else {
                    rows.add(row);
                }
            }
            // The API finds field problems first, then references: the page lists them in the file's order.
            rows.sort(java.util.Comparator.comparing((RowError row) -> InventoryKind.ofPath(row.kind()).orElseThrow())
                    .thenComparingInt(RowError::row));
            // The API's summary ("3 problem(s); nothing was written") says less than the page's own
            // heading and the problems; it is shown only when there is nothing else to show.
            String detail = rows.isEmpty() && others.isEmpty() ? InventoryPages.detail(problem, labels) : null;
            return page(request, caller, HttpResponse.status(problem.status()), chosen, null, rows, Map.of(),
                    new Refusal(detail, others));
        }
    }

    /** Why a file was refused: the API's words when it gave no problem, and its problems that are not a row's. */
    public record Refusal(@Nullable String detail, List<Problem.FieldError> errors) {
    }

    /** JSON by its name, else by its type, else when it starts as an object does; otherwise CSV. */
    private static boolean json(CompletedFileUpload file, byte[] bytes) {
        String name = file.getFilename().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return true;
        }
        if (name.endsWith(".csv")) {
            return false;
        }
        if (file.getContentType().map(type -> type.getSubtype().equals("json")).orElse(false)) {
            return true;
        }
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    /** The text of a UTF-8 file, or null when it is not UTF-8. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** A problem of one row, or null when it is the file's. */
    static RowError row(Problem.FieldError error) {
        Matcher where = ROW.matcher(error.field());
        if (!where.matches()) {
            return null;
        }
        return new RowError(where.group(1), Integer.parseInt(where.group(2)) + 1,
                where.group(3) == null ? null : Integer.valueOf(where.group(3)),
                where.group(4) == null ? "" : where.group(4), error.message());
    }

    private HttpResponse<?> page(HttpRequest<?> request, Authentication caller, MutableHttpResponse<Object> response,
                                 String kind, @Nullable InventoryEditor.ImportResult imported, List<RowError> rows,
                                 Map<String, String> formErrors, @Nullable Refusal refusal) {
        Map<String, Object> model = InventoryPages.model(csrf, request, caller, response, null);
        model.put("kind", kind);
        model.put("imported", imported);
        InventoryPages.Labels labels = InventoryPages.labels(messages, locales.resolveOrDefault(request));
        model.put("warnings", imported == null ? List.of() : imported.warnings().stream()
                .map(warning -> InventoryPages.warning(warning.kind(), warning.key(), warning.code(), warning.values(),
                        warning.message(), labels)).toList());
        model.put("rows", rows);
        model.put("formErrors", formErrors);
        model.put("refusal", refusal);
        model.put("maxMegabytes", MAX_UPLOAD / (1024 * 1024));
        return response.body(new ModelAndView<>("inventory-import", model));
    }
}
