package noc.engine;

import java.util.List;

import org.kie.api.KieBase;

/** A rule base that compiled, with the files it came from and the warnings it had. */
public record CompiledRules(KieBase kieBase, List<String> files, List<RuleProblem> warnings, int ruleCount) {

    public CompiledRules {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }
}
