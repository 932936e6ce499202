package noc.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import noc.support.TestRules;

/** {@code rules test <folder>} on a folder that does not compile: it says where, and nothing more. */
class RulesCommandErrorsTest {

    @Test
    void aMissingParenthesisIsPrintedForItsOwnFileOnlyWithLineAndColumn() {
        String links = TestRules.shipped().get("20-links.drl");
        int typo = TestRules.lineOf(links, "$up : AlarmEvent(");
        Path folder = TestRules.shippedPlus("20-links.drl",
                TestRules.withoutClosingParenthesis(links, "$up : AlarmEvent("));
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int exit = RulesCommand.run(List.of("test", folder.toString()),
                new PrintStream(output, true, StandardCharsets.UTF_8));

        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(2);
        assertThat(printed).contains("20-links.drl:" + (typo + 1) + ":5: error: [ERR 102] mismatched input '$down'");
        assertThat(printed.lines().filter(line -> line.contains(".drl:"))).hasSize(1);
    }
}
