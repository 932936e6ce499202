package noc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import noc.support.TestRules;

class RuleCompilerTest {

    private static final String GOOD = """
            package noc.rules
            import noc.alarm.AlarmEvent
            global noc.alarm.AlarmActions alarms
            rule "An event is discarded"
            when
                $e : AlarmEvent()
            then
                alarms.discard($e);
            end
            """;

    @Test
    void aBrokenFileIsReportedWithItsNameAndLine() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("10-good.drl", GOOD);
        sources.put("20-broken.drl", """
                package noc.rules
                import noc.alarm.AlarmEvent

                rule "Broken"
                when
                    $e : AlarmEvent( nosuchfield == 1 )
                then
                end
                """);

        RuleBuildException failure = catchThrowableOfType(RuleBuildException.class,
                () -> new RuleCompiler().compile(sources));

        assertThat(failure.problems()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("20-broken.drl");
            assertThat(problem.level()).isEqualTo(RuleProblem.Level.ERROR);
        });
        assertThat(failure.problems()).anySatisfy(problem -> {
            assertThat(problem.line()).isEqualTo(6);
            assertThat(problem.column()).as("counted from 1, where the pattern begins").isEqualTo(5);
        });
        assertThat(failure.getMessage()).contains("20-broken.drl:6:5: error: Unable to Analyse Expression nosuchfield");
    }

    @Test
    void aMissingParenthesisIsReportedInItsOwnFileOnlyWhereAnEditorShowsIt() {
        Map<String, String> sources = TestRules.shipped();
        String links = sources.get("20-links.drl");
        int typo = TestRules.lineOf(links, "$up : AlarmEvent(");
        sources.put("20-links.drl", TestRules.withoutClosingParenthesis(links, "$up : AlarmEvent("));

        RuleBuildException failure = catchThrowableOfType(RuleBuildException.class,
                () -> new RuleCompiler().compile(sources));

        // The parser stops at the next line's first token, "    $down : Alarm(", which starts in column 5.
        assertThat(failure.problems()).containsExactly(new RuleProblem("20-links.drl", typo + 1, 5,
                RuleProblem.Level.ERROR, "[ERR 102] mismatched input '$down' in rule "
                + "\"A link coming up clears the link-down alarm of the same interface\""));
        assertThat(failure.getMessage()).contains("20-links.drl:" + (typo + 1) + ":5: error: [ERR 102] mismatched")
                .doesNotContain("Line ");
    }

    @Test
    void eachFileThatDoesNotParseIsReportedAndNoFileThatUsesWhatItDeclares() {
        Map<String, String> sources = TestRules.shipped();
        String links = sources.get("20-links.drl");
        sources.put("20-links.drl", TestRules.withoutClosingParenthesis(links, "$up : AlarmEvent("));
        // Suppressed loses its "end": the files that use Suppressed cannot be checked until it is back.
        String declarations = sources.get("00-declarations.drl");
        sources.put("00-declarations.drl", declarations.replaceFirst("(cause : String\\s*)end", "$1"));
        int next = TestRules.lineOf(declarations, "declare TicketService");

        RuleBuildException failure = catchThrowableOfType(RuleBuildException.class,
                () -> new RuleCompiler().compile(sources));

        assertThat(failure.problems()).extracting(RuleProblem::file, RuleProblem::line, RuleProblem::column)
                .containsExactly(tuple("00-declarations.drl", next, 9),
                        tuple("20-links.drl", TestRules.lineOf(links, "$up : AlarmEvent(") + 1, 5));
    }

    @Test
    void anErrorOfItsOwnInAnotherFileIsStillReportedBesideASyntaxError() {
        Map<String, String> sources = TestRules.shipped();
        sources.put("20-links.drl",
                TestRules.withoutClosingParenthesis(sources.get("20-links.drl"), "$up : AlarmEvent("));
        sources.put("35-typo.drl", """
                package noc.rules
                import noc.alarm.AlarmEvent
                rule "Uses a variable it never bound"
                when
                    $e : AlarmEvent()
                then
                    Object seen = $event;
                end
                """);

        RuleBuildException failure = catchThrowableOfType(RuleBuildException.class,
                () -> new RuleCompiler().compile(sources));

        assertThat(failure.problems()).extracting(RuleProblem::file).containsExactly("20-links.drl", "35-typo.drl");
        assertThat(failure.problems().get(1).message()).contains("$event cannot be resolved to a variable");
    }

    @Test
    void aRuleThatDoesNotParseLeavesTheDeclarationsOfItsFileToTheOtherFiles() {
        Map<String, String> sources = TestRules.shipped();
        String declarations = sources.get("00-declarations.drl") + """

                rule "Half written"
                when
                    String( length > 1
                then
                end
                """;
        sources.put("00-declarations.drl", declarations);
        // A real error in a file that uses Suppressed, declared beside the broken rule.
        sources.put("60-root-cause.drl",
                sources.get("60-root-cause.drl").replace("$key : reductionKey,", "$key : reductionKee,"));

        RuleBuildException failure = catchThrowableOfType(RuleBuildException.class,
                () -> new RuleCompiler().compile(sources));

        int then = TestRules.lineOf(declarations, "String( length > 1") + 1;
        assertThat(failure.problems().get(0)).extracting(RuleProblem::file, RuleProblem::line, RuleProblem::column)
                .isEqualTo(List.of("00-declarations.drl", then, 1));
        assertThat(failure.problems().subList(1, failure.problems().size())).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.file()).isEqualTo("60-root-cause.drl"))
                .anySatisfy(problem -> assertThat(problem.message()).contains("reductionKee"));
    }

    @Test
    void aGoodFolderCompilesAndCountsItsRules() throws RuleBuildException {
        CompiledRules rules = new RuleCompiler().compile(Map.of("10-good.drl", GOOD));

        assertThat(rules.ruleCount()).isEqualTo(1);
        assertThat(rules.files()).containsExactly("10-good.drl");
    }

    @Test
    void enginesSharingTheWorkRefuseARekeyTemplateWithoutTheSourceNamingFileAndLine() throws Exception {
        Map<String, String> rules = new LinkedHashMap<>(TestRules.shipped());
        String circuit = rules.get("05-reduction-keys.drl").replace("\"{source}|device-restart\"",
                "\"{attribute:circuitId}|down\"");
        rules.put("05-reduction-keys.drl", circuit);

        assertThat(new RuleCompiler().compile(rules).ruleCount()).as("one engine sees every source").isPositive();
        RuleBuildException refused = catchThrowableOfType(() -> RuleCompiler.forEngines().compile(rules),
                RuleBuildException.class);
        assertThat(refused.problems()).extracting(RuleProblem::file, RuleProblem::line, RuleProblem::level)
                .containsExactly(tuple("05-reduction-keys.drl", TestRules.lineOf(circuit, "rekey"),
                        RuleProblem.Level.ERROR));
        assertThat(refused.problems().get(0).message()).contains("{attribute:circuitId}|down")
                .contains("does not keep {source}");
        assertThat(RuleCompiler.forEngines().compile(TestRules.shipped()).ruleCount())
                .as("the shipped rules keep {source}").isPositive();
    }
}
