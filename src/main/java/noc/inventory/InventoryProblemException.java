package noc.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import noc.api.ProblemException;

/**
 * An inventory change refused, answered by the API as any {@link ProblemException} (its English
 * body unchanged), that also carries the codes of the known checks behind it, for the pages.
 */
public final class InventoryProblemException extends ProblemException {

    private final InventoryProblems.Code detailCode;
    private final List<InventoryProblems.Code> codes;

    InventoryProblemException(ProblemException problem, @Nullable InventoryProblems.Code detailCode,
                              List<InventoryProblems.Code> codes) {
        this(problem.status(), problem.type(), problem.getMessage(), problem.errors(), detailCode, codes);
    }

    InventoryProblemException(HttpStatus status, String type, String detail,
                              List<noc.api.Problem.FieldError> errors, @Nullable InventoryProblems.Code detailCode,
                              List<InventoryProblems.Code> codes) {
        super(status, type, detail, errors);
        this.detailCode = detailCode;
        this.codes = Collections.unmodifiableList(new ArrayList<>(codes));
    }

    /** The code of the detail, when a known check gave it. */
    public @Nullable InventoryProblems.Code detailCode() {
        return detailCode;
    }

    /** The code of each of {@link #errors()}, in the same order; null where the problem has none. */
    public List<InventoryProblems.Code> codes() {
        return codes;
    }
}
