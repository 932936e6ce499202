package noc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.MetricsReader;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TestRules;

/** A rule whose consequence throws costs only the input it fired on: taken out, counted; others go on. */
class RuleFailureIT {

    private static final String THROWING_RULE = """
            package noc.rules

            import noc.alarm.AlarmEvent

            rule "A test rule that throws on alarms from rule-bomb"
                salience 1000
            when
                AlarmEvent( source == "rule-bomb" )
            then
                throw new IllegalStateException("this test rule throws on purpose");
            end
            """;

    private static Map<String, Object> database;
    private static TestApplication app;

    @BeforeAll
    static void start() {
        database = TestDatabase.fresh("rulefailure");
        app = TestApplication.start(database,
                Map.of("noc.rules.directory", TestRules.shippedPlus("99-throws.drl", THROWING_RULE).toString()));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anInputOnWhichARuleThrowsIsTakenOutAndCountedWhileTheOthersCommit() throws Exception {
        double failures = MetricsReader.value(app, "noc_engine_rule_failures_total", "");

        CompletableFuture<HttpResponse<String>> bomb = post("rule-bomb");
        CompletableFuture<HttpResponse<String>> other = post("beside-the-bomb");

        assertThat(other.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(bomb.get(20, TimeUnit.SECONDS).statusCode()).as("its cycle committed").isEqualTo(200);
        assertThat(MetricsReader.value(app, "noc_engine_rule_failures_total", "")).isEqualTo(failures + 1);
        assertThat(TestDatabase.count(database, "SELECT COUNT(*) FROM alarm WHERE source = 'beside-the-bomb'"))
                .isEqualTo(1);
        assertThat(TestDatabase.count(database, "SELECT COUNT(*) FROM alarm WHERE source = 'rule-bomb'"))
                .as("the input was taken out before the rule raising its alarm fired").isZero();
        assertThat(post("after-the-bomb").get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    private static CompletableFuture<HttpResponse<String>> post(String source) {
        return CompletableFuture.supplyAsync(() -> app.post("/api/v1/alarms",
                "{\"source\":\"" + source + "\",\"name\":\"Disk full\",\"severity\":\"major\",\"resource\":\"/var\"}"));
    }
}
