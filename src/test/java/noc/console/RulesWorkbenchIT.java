package noc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.Await;
import noc.support.Browser;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TestRules;
import noc.support.WebSession;

/**
 * The rules workbench on a rules folder of its own: a copy that compiles deploys (file, status,
 * audit), one that does not is refused on its line and changes nothing; only the {@code rules} role
 * and a form with its token get in.
 */
class RulesWorkbenchIT {

    private static final String LINKS = "20-links.drl";
    /** The rule a good edit adds: it never fires. */
    private static final String ADDED_RULE = """

            rule "A workbench edit adds a rule that never fires"
            when
                eval(false)
            then
            end
            """;

    private static Path folder;
    private static TestApplication app;

    @BeforeAll
    static void start() throws IOException {
        folder = TestRules.shippedPlus();
        Files.createDirectory(folder.resolve("tests"));
        try (Stream<Path> scenarios = Files.list(Path.of("rules", "tests"))) {
            for (Path scenario : scenarios.toList()) {
                Files.copy(scenario, folder.resolve("tests").resolve(scenario.getFileName()));
            }
        }
        app = TestApplication.start(TestDatabase.fresh("console_rules"),
                Map.of("noc.rules.directory", folder.toString()));
        app.user("rita", null, "rules");
        app.user("olga", null, "operator");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aBrokenRuleIsRefusedOnItsLineAtValidateAndDeployAndTheRunningRulesStay() throws IOException {
        String original = Files.readString(folder.resolve(LINKS));
        String broken = TestRules.withoutClosingParenthesis(original, "$up : AlarmEvent(");
        int line = TestRules.lineOf(original, "$up : AlarmEvent(") + 1;
        Map<String, Object> before = app.getObject("/api/v1/rules/status");
        try (Browser browser = Browser.open("en")) {
            browser.go(app.uri("/signin"));
            browser.signIn("rita", "rita-password");
            browser.awaitPath("/");
            browser.go(app.uri("/rules"));
            assertThat(browser.text(".last-build")).isEqualTo("OK");
            browser.find("a[href='/rules/files/20-links.drl']").click();
            browser.awaitPath("/rules/files/20-links.drl");

            browser.find("#text").clear();
            browser.find("#text").sendKeys(broken);
            browser.find("button[name=validate]").click();
            Await.until(Duration.ofSeconds(10), "the validation's outcome", () -> !browser.text(".outcome").isEmpty());
            assertThat(browser.text(".outcome .error")).isEqualTo("The copy does not compile: nothing was deployed.");
            assertThat(browser.text(".problem .where")).isEqualTo("line " + line + ", column 5");
            assertThat(browser.text(".ruler li.marked")).isEqualTo(String.valueOf(line));

            browser.find("button[name=deploy]").click();
            browser.awaitPath("/rules/files/20-links.drl/deploy");
            assertThat(browser.text(".outcome .error")).startsWith("Deploy refused: the copy does not compile.");
            assertThat(browser.text(".problem .where")).isEqualTo("line " + line + ", column 5");
            assertThat(browser.find("#text").getAttribute("value")).isEqualTo(broken);
        }
        assertThat(Files.readString(folder.resolve(LINKS))).isEqualTo(original);
        Map<String, Object> after = app.getObject("/api/v1/rules/status");
        assertThat(after.get("lastBuild")).isEqualTo("OK");
        // The rule count and files, not when they loaded: another test's write may reload the same rules.
        assertThat(running(after).get("ruleCount")).isEqualTo(running(before).get("ruleCount"));
        assertThat(running(after).get("files")).isEqualTo(running(before).get("files"));
    }

    @Test
    void aGoodEditIsWrittenReloadedAndAudited() throws IOException {
        WebSession rita = signedIn("rita");
        String base = base(rita.get("/rules/files/10-deduplication.drl").body());
        String text = Files.readString(folder.resolve("10-deduplication.drl")) + ADDED_RULE;
        int count = ruleCount();

        HttpResponse<String> answer = rita.post("/rules/files/10-deduplication.drl/deploy",
                Map.of("text", text.replace("\n", "\r\n"), "base", base));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/rules?deployed=10-deduplication.drl");
        assertThat(Files.readString(folder.resolve("10-deduplication.drl"))).isEqualTo(text);
        assertThat(ruleCount()).isEqualTo(count + 1);
        assertThat(app.getObject("/api/v1/rules/status").get("lastBuild")).isEqualTo("OK");
        assertThat(rita.get("/rules?deployed=10-deduplication.drl").body())
                .contains("10-deduplication.drl deployed: " + (count + 1) + " rules are running.");
        List<Map<String, Object>> audit = app.getList("/api/v1/audit?action=RULES_DEPLOYED");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).containsEntry("actor", "rita").containsEntry("target", "10-deduplication.drl");
    }

    @Test
    void validateShowsAProblemOnItsLineAndWritesNothing() throws IOException {
        WebSession rita = signedIn("rita");
        rita.get("/rules/files/" + LINKS);
        String original = Files.readString(folder.resolve(LINKS));
        int line = TestRules.lineOf(original, "$up : AlarmEvent(") + 1;

        HttpResponse<String> answer = rita.post("/rules/files/" + LINKS + "/validate",
                Map.of("text", TestRules.withoutClosingParenthesis(original, "$up : AlarmEvent(")));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("line " + line + ", column 5", "[ERR 102] mismatched input",
                "id=\"line-" + line + "\" class=\"marked\"");
        assertThat(Files.readString(folder.resolve(LINKS))).isEqualTo(original);
    }

    @Test
    void theScenariosRunOnTheCopyAndNameTheOneItBreaks() throws IOException {
        WebSession rita = signedIn("rita");
        rita.get("/rules/files/" + LINKS);
        String original = Files.readString(folder.resolve(LINKS));
        String renamed = original.replace("without redundancy opens a P1 ticket\"", "without redundancy opens a ticket\"");
        assertThat(renamed).isNotEqualTo(original);

        String untouched = rita.post("/rules/files/" + LINKS + "/scenarios", Map.of("text", original)).body();
        HttpResponse<String> answer = rita.post("/rules/files/" + LINKS + "/scenarios", Map.of("text", renamed));

        assertThat(untouched).contains("25 passed, 0 failed").doesNotContain("class=\"scenario failed\"");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("24 passed, 1 failed", "class=\"scenario failed\"",
                "link-down-priority-follows-the-services-of-the-device.yaml", "class=\"failure\"");
        assertThat(Files.readString(folder.resolve(LINKS))).isEqualTo(original);
    }

    @Test
    void aShadowRunOfTheCopyStartsShowsItsStateAndStops() throws IOException {
        WebSession rita = signedIn("rita");
        rita.get("/rules/files/" + LINKS);
        String original = Files.readString(folder.resolve(LINKS));

        HttpResponse<String> broken = rita.post("/rules/files/" + LINKS + "/shadow",
                Map.of("text", TestRules.withoutClosingParenthesis(original, "$up : AlarmEvent(")));
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(broken.body()).contains("no shadow run started", "[ERR 102]");
        assertThat(rita.get("/rules/shadow").body()).contains("No shadow run yet");

        HttpResponse<String> started = rita.post("/rules/files/" + LINKS + "/shadow", Map.of("text", original));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
        assertThat(started.headers().firstValue("Location")).hasValue("/rules/shadow");
        String page = rita.get("/rules/shadow").body();
        assertThat(page).contains(LINKS, "by rita", "Stop the shadow run").containsPattern("STARTING|RUNNING");

        assertThat(rita.post("/rules/shadow/stop", Map.of()).statusCode()).isEqualTo(303);
        assertThat(rita.get("/rules/shadow").body()).contains("STOPPED (stopped by rita)")
                .doesNotContain("Stop the shadow run");
        assertThat(Files.readString(folder.resolve(LINKS))).isEqualTo(original);
    }

    @Test
    void aCopyOfAFileThatChangedSinceItWasOpenedIsNotDeployed() throws IOException {
        WebSession rita = signedIn("rita");
        String base = base(rita.get("/rules/files/15-declarations.drl").body());
        String original = Files.readString(folder.resolve("15-declarations.drl"));
        String changed = original + "\n// changed by someone else\n";
        Files.writeString(folder.resolve("15-declarations.drl"), changed);

        HttpResponse<String> answer = rita.post("/rules/files/15-declarations.drl/deploy",
                Map.of("text", original + ADDED_RULE, "base", base));

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).contains("the file changed in the folder since you opened it");
        assertThat(Files.readString(folder.resolve("15-declarations.drl"))).isEqualTo(changed);
    }

    @Test
    void aFormWithoutItsTokenIsRefusedAndWritesNothing() throws IOException {
        WebSession rita = signedIn("rita");
        String base = base(rita.get("/rules/files/" + LINKS).body());
        String original = Files.readString(folder.resolve(LINKS));

        HttpResponse<String> answer = rita.post("/rules/files/" + LINKS + "/deploy",
                Map.of("csrfToken", "forged", "text", original + ADDED_RULE, "base", base));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("The form had expired");
        assertThat(Files.readString(folder.resolve(LINKS))).isEqualTo(original);
    }

    @Test
    void anOperatorMayNotUseTheWorkbench() {
        WebSession olga = signedIn("olga");
        assertThat(olga.get("/rules").statusCode()).isEqualTo(403);
        assertThat(olga.get("/rules/files/" + LINKS).statusCode()).isEqualTo(403);
        assertThat(olga.post("/rules/files/" + LINKS + "/deploy", Map.of("text", "")).statusCode()).isEqualTo(403);
    }

    @Test
    void onlyAFileOfTheFolderCanBeOpened() {
        WebSession rita = signedIn("rita");
        assertThat(rita.get("/rules/files/99-nothing.drl").statusCode()).isEqualTo(404);
        assertThat(rita.get("/rules/files/..%2Fpom.xml").statusCode()).isEqualTo(404);
    }

    /** The version of the file a page's copy was made from (its hidden {@code base} field). */
    private static String base(String page) {
        Matcher base = Pattern.compile("name=\"base\" value=\"([0-9a-f]{64})\"").matcher(page);
        assertThat(base.find()).as("the page's base field").isTrue();
        return base.group(1);
    }

    private static WebSession signedIn(String username) {
        WebSession session = new WebSession(app.uri("/"), "en");
        session.signIn(username, username + "-password", "/");
        return session;
    }

    private static int ruleCount() {
        return ((Number) running(app.getObject("/api/v1/rules/status")).get("ruleCount")).intValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> running(Map<String, Object> status) {
        return (Map<String, Object>) status.get("running");
    }
}
