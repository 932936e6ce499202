package noc.shadow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import noc.engine.CompiledRules;
import noc.engine.RuleBuildException;
import noc.engine.RuleCompiler;

/**
 * A candidate rule base: the files of a rules folder with candidate files standing for those of the
 * same name (or added), compiled in name order, as {@code rules/validate} checks them.
 */
final class CandidateRules {

    private CandidateRules() {
    }

    static CompiledRules compile(Path folder, Map<String, String> candidates) throws RuleBuildException {
        Map<String, String> sources = new TreeMap<>();
        try {
            for (Path file : RuleCompiler.ruleFiles(folder)) {
                sources.put(file.getFileName().toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new RuleBuildException("Cannot read the rules folder " + folder + ": " + e.getMessage(),
                    java.util.List.of());
        }
        sources.putAll(candidates);
        return new RuleCompiler().compile(new LinkedHashMap<>(sources));
    }
}
