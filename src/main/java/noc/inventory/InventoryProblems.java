package noc.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.micronaut.core.annotation.Nullable;
import noc.api.FieldReader;
import noc.api.ProblemException;

/**
 * The problems of inventory items, collected as the API reports them (a {@link FieldReader}: each
 * with its path and English message) and, for those a known check finds, with a code and its values
 * too, so that a page can word them in its own language.
 */
public final class InventoryProblems {

    /** What a known check found: a word under {@code inventory.problem.}, and the values its text takes. */
    public record Code(String key, List<Object> values) {

        public Code {
            values = List.copyOf(values);
        }
    }

    private final FieldReader reader;
    /** Parallel to the reader's errors: the code of each, or null when it has none. */
    private final List<Code> codes = new ArrayList<>();

    public InventoryProblems() {
        this(new FieldReader());
    }

    /** Problems added to {@code reader}, as a caller that collects others in it needs. */
    public InventoryProblems(FieldReader reader) {
        this.reader = reader;
    }

    public boolean ok() {
        return reader.ok();
    }

    public boolean full() {
        return reader.full();
    }

    int count() {
        return reader.errors().size();
    }

    /** A problem without a code: the English message is all a page can show. */
    void error(String path, String message) {
        coded(() -> {
            reader.error(path, message);
            return true;
        }, null);
    }

    /** A problem of a known check: {@code message} for the API, {@code key} and {@code values} for the pages. */
    void error(String path, String message, String key, Object... values) {
        coded(() -> {
            reader.error(path, message);
            return true;
        }, new Code(key, List.of(values)));
    }

    void email(String text, String path) {
        coded(() -> reader.email(text, path), new Code("email", List.of()));
    }

    void phone(String text, String path) {
        coded(() -> reader.phone(text, path), new Code("phone", List.of()));
    }

    void length(String text, int max, String path) {
        coded(() -> {
            reader.length(text, max, path);
            return true;
        }, new Code("length", List.of(max, text == null ? 0 : text.length())));
    }

    <E extends Enum<E>> E choice(Class<E> type, @Nullable String text, String path) {
        int before = count();
        E value = reader.choice(type, text, path);
        code(before, text == null || text.isBlank() ? new Code("choiceRequired", List.of(FieldReader.names(type)))
                : new Code("choice", List.of(FieldReader.names(type), text)));
        return value;
    }

    /** Runs a check of the reader and gives {@code code} to the problem it adds, if it adds one. */
    private void coded(BooleanSupplier check, @Nullable Code code) {
        int before = count();
        check.getAsBoolean();
        code(before, code);
    }

    private void code(int before, @Nullable Code code) {
        while (codes.size() < before) {
            codes.add(null);
        }
        if (count() > before) {
            codes.add(code);
        }
    }

    /** A 400 naming every problem collected, each with its code, when there is one. */
    void refuseIfInvalid(String outcome) {
        try {
            reader.refuseIfInvalid(outcome);
        } catch (ProblemException refused) {
            List<Code> all = new ArrayList<>(codes);
            while (all.size() < refused.errors().size()) {
                all.add(null);
            }
            throw new InventoryProblemException(refused, new Code(full() ? "manyProblems" : "problems",
                    List.of(refused.errors().size())), all);
        }
    }
}
