package noc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
        assertThat(failure.problems()).anySatisfy(problem -> assertThat(problem.line()).isEqualTo(6));
        assertThat(failure.getMessage()).contains("20-broken.drl:6");
    }

    @Test
    void aGoodFolderCompilesAndCountsItsRules() throws RuleBuildException {
        CompiledRules rules = new RuleCompiler().compile(Map.of("10-good.drl", GOOD));

        assertThat(rules.ruleCount()).isEqualTo(1);
        assertThat(rules.files()).containsExactly("10-good.drl");
    }
}
