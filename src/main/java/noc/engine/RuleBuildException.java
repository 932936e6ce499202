package noc.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The rules did not compile; the running rules, if any, stay in place. */
public final class RuleBuildException extends Exception {

    private final List<RuleProblem> problems;

    public RuleBuildException(String summary, List<RuleProblem> problems) {
        super(summary + (problems.isEmpty() ? "" : ":\n  " + problems.stream().map(RuleProblem::toString)
                .collect(Collectors.joining("\n  "))));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
