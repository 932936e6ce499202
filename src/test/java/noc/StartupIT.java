package noc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import noc.engine.RuleBuildException;
import noc.support.TestApplication;
import noc.support.TestDatabase;

class StartupIT {

    @Test
    void aRuleThatDoesNotCompileStopsStartupNamingItsFileLineAndColumn(@TempDir Path rules) throws IOException {
        Files.writeString(rules.resolve("10-broken.drl"), """
                package noc.rules
                import noc.alarm.Alarm

                rule "Unfinished"
                when
                    Alarm( count > )
                then
                end
                """);

        Throwable failure = catchThrowable(() -> TestApplication.start(TestDatabase.fresh("startup"),
                Map.of("noc.rules.directory", rules.toString())).close());

        Throwable cause = failure;
        while (cause != null && !(cause instanceof RuleBuildException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("caused by a RuleBuildException: %s", failure).isNotNull();
        // Column 20 is the ")" the parser did not expect, as an editor counts.
        assertThat(cause.getMessage())
                .contains("10-broken.drl:6:20: error: [ERR 101] no viable alternative at input ')'");
    }

    private static String startupFailure(String key, String value) {
        Throwable failure = catchThrowable(() -> TestApplication.start(TestDatabase.fresh("startup_policy"),
                Map.of(key, value)).close());
        assertThat(failure).as("startup with %s=%s", key, value).isNotNull();
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @ParameterizedTest
    @CsvSource({"noc.policy.flapping-window, -10m", "noc.policy.auto-resolve-hold-down, 0s"})
    void aPolicyDurationThatIsNotPositiveStopsStartupNamingItsKey(String key, String value) {
        assertThat(startupFailure(key, value)).contains(key + " must be a positive duration");
    }

    @ParameterizedTest
    @CsvSource({"noc.policy.storm-window, soon, a duration such as 4h", "noc.policy.storm-count, many, a number",
            "noc.sla.p1.restore-objective, soon, a duration such as 4h",
            "noc.closure.confirmation-period, tomorrow, a duration such as 4h"})
    void aValueOfTheWrongTypeStopsStartupNamingItsKeyInsteadOfBindingTheDefault(String key, String value,
                                                                              String expected) {
        assertThat(startupFailure(key, value)).contains(key + " must be " + expected).contains("not '" + value + "'");
    }

    @Test
    void aFlappingCountAboveTheRaisesAnAlarmKeepsStopsStartupNamingTheFigure() {
        assertThat(startupFailure("noc.policy.flapping-count", "17"))
                .contains("Policy.flappingCount - must be less than or equal to 16");
    }

    @Test
    void withEmailOnABadTemplateStopsStartupNamingItsFileAndLine(@TempDir Path templates) throws IOException {
        Files.writeString(templates.resolve("default.txt"), "Subject: [{{reference}}] news\n\n{{text}}\n");
        Files.writeString(templates.resolve("opened.txt"), "Subject: [{{reference}}] opened\n\nHello {{name}}\n");

        Throwable failure = catchThrowable(() -> TestApplication.start(TestDatabase.fresh("startup_templates"),
                Map.of("noc.notify.email.host", "127.0.0.1", "noc.notify.templates", templates.toString())).close());

        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        assertThat(messages.toString()).contains("opened.txt:3: unknown value {{name}}");
    }

    @Test
    void withEmailABrokenFrenchTemplateStopsStartupNamingItsFileAndLine(@TempDir Path templates) throws IOException {
        Files.createDirectories(templates.resolve("fr"));
        Files.createDirectories(templates.resolve("en"));
        Files.writeString(templates.resolve("fr/default.txt"), "Subject: [{{reference}}] nouvelles\n\n{{text}}\n");
        Files.writeString(templates.resolve("en/opened.txt"), "Subject: [{{reference}}] opened\n\nHello\n");
        Files.writeString(templates.resolve("fr/opened.txt"),
                "Subject: [{{reference}}] ouvert\n\nBonjour,\nVotre incident {{reference}\n");

        Throwable failure = catchThrowable(() -> TestApplication.start(TestDatabase.fresh("startup_templates_fr"),
                Map.of("noc.notify.email.host", "127.0.0.1", "noc.notify.templates", templates.toString())).close());

        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        assertThat(messages.toString()).contains(templates.resolve("fr/opened.txt") + ":4: '{{' without its '}}'");
    }
}
