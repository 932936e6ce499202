package noc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import noc.engine.RuleBuildException;
import noc.support.TestApplication;
import noc.support.TestDatabase;

class StartupIT {

    @Test
    void aRuleThatDoesNotCompileStopsStartupNamingItsFileAndLine(@TempDir Path rules) throws IOException {
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
        assertThat(cause.getMessage()).contains("10-broken.drl:6");
    }
}
