package noc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Each shipped rule names its phase, and the compiler gives the phase its number. */
class PhaseTest {

    private static final Pattern RULE = Pattern.compile("^rule \"([^\"]+)\"\\n(.*)$", Pattern.MULTILINE);

    private static List<Field> phases() {
        return Arrays.stream(Phase.class.getFields()).filter(f -> Modifier.isStatic(f.getModifiers())).toList();
    }

    @Test
    void noTwoPhasesShareANumber() throws IllegalAccessException {
        List<Integer> numbers = new ArrayList<>();
        for (Field phase : phases()) {
            numbers.add(phase.getInt(null));
        }
        assertThat(numbers).hasSizeGreaterThan(1).doesNotHaveDuplicates();
    }

    @Test
    void everyShippedRuleNamesItsPhaseOnTheLineAfterItsName() throws IOException {
        List<String> names = phases().stream().map(Field::getName).toList();
        int rules = 0;
        for (Path file : RuleCompiler.ruleFiles(Path.of("rules"))) {
            Matcher rule = RULE.matcher(Files.readString(file));
            while (rule.find()) {
                rules++;
                assertThat(rule.group(2).strip()).as("%s: rule \"%s\"", file.getFileName(), rule.group(1))
                        .startsWith("salience Phase.")
                        .satisfies(line -> assertThat(names).contains(line.substring("salience Phase.".length())));
            }
        }
        assertThat(rules).isGreaterThan(40);
    }

    @Test
    void aPhaseNameBecomesItsNumberOnTheSameLineAndAnUnknownNameIsLeftForTheCompiler() {
        String drl = "rule \"a\"\n    salience Phase.TICKETS\nwhen\nthen\nend\n"
                + "rule \"b\"\n    salience Phase.NO_SUCH\nwhen\nthen\nend\n";

        assertThat(Phase.resolve(drl)).isEqualTo("rule \"a\"\n    salience " + Phase.TICKETS + "\nwhen\nthen\nend\n"
                + "rule \"b\"\n    salience Phase.NO_SUCH\nwhen\nthen\nend\n");
    }
}
