package noc.engine;

import java.time.Instant;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What rules run and how the last build of the folder went.
 *
 * @param running       the rule base the engine runs
 * @param lastBuild     OK, or FAILED while the folder holds an error (the running rules stay)
 * @param lastBuildAt   when the folder was last compiled
 * @param problems      the errors and warnings of the last build, with file, line and column
 */
@Serdeable
public record RuleStatus(Running running, String lastBuild, Instant lastBuildAt, List<Problem> problems) {

    @Serdeable
    public record Running(List<String> files, int ruleCount, Instant loadedAt) {
    }

    @Serdeable
    public record Problem(String file, int line, int column, String level, String message) {
        static Problem of(RuleProblem problem) {
            return new Problem(problem.file(), problem.line(), problem.column(), problem.level().name(),
                    problem.message());
        }
    }

    /** The answer of a validation: whether the candidate compiles with the rest of the folder. */
    @Serdeable
    public record Validation(boolean valid, @Nullable Integer ruleCount, List<Problem> problems) {

        /** A build that failed: its problems, or its message when it names none. */
        public static Validation refused(RuleBuildException failure) {
            List<Problem> problems = failure.problems().stream().map(Problem::of).toList();
            return new Validation(false, null, problems.isEmpty()
                    ? List.of(new Problem("", 0, 0, "ERROR", failure.getMessage())) : problems);
        }
    }
}
