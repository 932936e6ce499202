package noc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import noc.support.Await;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.TestRules;
import noc.support.TrapSender;

/** Editing the rules of a running instance: a broken file leaves the old rules working; a good one swaps in. */
class RuleReloadIT {

    @Test
    void aBrokenRuleFileIsReportedWithItsLineAndAFixedOneIsDeployedWithoutLosingState(@TempDir Path rules)
            throws Exception {
        for (Path file : RuleCompiler.ruleFiles(Path.of("rules"))) {
            Files.copy(file, rules.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Path links = rules.resolve("20-links.drl");
        String original = Files.readString(links);

        try (TestApplication app = TestApplication.start(TestDatabase.fresh("reload"), Map.of(
                "noc.rules.directory", rules.toString(), "noc.rules.watch-delay", "200ms"));
             TrapSender sender = new TrapSender(app.snmpPort())) {
            sender.link(TrapSender.LINK_DOWN, "192.0.2.1", 1);
            app.awaitList("/api/v1/tickets", t -> t.size() == 1);

            // A typo: the running rules stay, the status names the file, line and column, and no other file.
            Files.writeString(links, original.replaceFirst("when\n", "when\n    \\$x : Alarm( count > )\n"));
            Map<String, Object> status = awaitStatus(app, "FAILED");
            assertThat(problems(status)).singleElement().satisfies(problem -> assertThat(problem)
                    .containsEntry("file", "20-links.drl")
                    .containsEntry("line", TestRules.lineOf(original, "\nwhen\n") + 2)
                    .containsEntry("column", 25));
            sender.link(TrapSender.LINK_DOWN, "192.0.2.2", 1);
            List<Map<String, Object>> tickets = app.awaitList("/api/v1/tickets", t -> t.size() == 2);
            assertThat(tickets).allSatisfy(t -> assertThat(t).containsEntry("priority", "P2"));

            // The fix, with link downs now P1: deployed at a cycle boundary, the session rebuilt from MariaDB.
            Files.writeString(links, original.replace("Priority.P2", "Priority.P1")
                    .replace("opens a P2 ticket", "opens a P1 ticket"));
            awaitStatus(app, "OK");
            awaitRulesDeployed(app, "A link down on a device the inventory does not know opens a P1 ticket");
            sender.link(TrapSender.LINK_DOWN, "192.0.2.3", 1);
            sender.link(TrapSender.LINK_DOWN, "192.0.2.1", 1);
            tickets = app.awaitList("/api/v1/tickets", t -> t.size() == 3);
            assertThat(tickets).filteredOn(t -> t.get("title").equals("Link down on 192.0.2.3")).singleElement()
                    .satisfies(t -> assertThat(t).containsEntry("priority", "P1"));
            app.awaitList("/api/v1/alarms", alarms -> alarms.stream().anyMatch(
                    a -> a.get("source").equals("192.0.2.1") && ((Number) a.get("count")).intValue() == 2));
        }
    }

    @Test
    void candidateRulesAreValidatedWithoutBeingDeployed(@TempDir Path rules) throws Exception {
        for (Path file : RuleCompiler.ruleFiles(Path.of("rules"))) {
            Files.copy(file, rules.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        try (TestApplication app = TestApplication.start(TestDatabase.fresh("validate"), Map.of(
                "noc.rules.directory", rules.toString()))) {
            HttpResponse<String> bad = app.post("/api/v1/rules/validate?file=50-new.drl", """
                    package noc.rules
                    import noc.alarm.Alarm
                    rule "Half written"
                    when
                        Alarm( severity == )
                    then
                    end
                    """, "text/plain");
            assertThat(bad.statusCode()).isEqualTo(200);
            assertThat(bad.body()).contains("\"valid\":false").contains("\"file\":\"50-new.drl\"")
                    .contains("\"line\":5");

            HttpResponse<String> good = app.post("/api/v1/rules/validate", """
                    {"files": {"50-new.drl": "package noc.rules\\nimport noc.alarm.Alarm\\nrule \\"Nothing\\"\\nwhen\\n    Alarm( count > 1000000 )\\nthen\\nend\\n"}}""");
            assertThat(good.statusCode()).isEqualTo(200);
            assertThat(good.body()).contains("\"valid\":true");

            int running = ((Number) ((Map<?, ?>) app.getObject("/api/v1/rules/status").get("running"))
                    .get("ruleCount")).intValue();
            assertThat(running).isEqualTo(new RuleCompiler().compile(rules).ruleCount());
            assertThat(Files.exists(rules.resolve("50-new.drl"))).isFalse();
        }
    }

    @Test
    void aMissingParenthesisInTwentyLinksIsValidatedAsAProblemOfThatFileOnly() {
        String links = TestRules.shipped().get("20-links.drl");
        int typo = TestRules.lineOf(links, "$up : AlarmEvent(");
        try (TestApplication app = TestApplication.start(TestDatabase.fresh("validate_typo"), Map.of(
                "noc.rules.directory", TestRules.shippedPlus().toString()))) {
            HttpResponse<String> answer = app.post("/api/v1/rules/validate?file=20-links.drl",
                    TestRules.withoutClosingParenthesis(links, "$up : AlarmEvent("), "text/plain");

            assertThat(answer.statusCode()).isEqualTo(200);
            Map<String, Object> validation = json(app.parse(answer.body()));
            assertThat(validation).containsEntry("valid", false);
            // Where an editor shows the token the parser stopped at: "    $down" on the next line.
            assertThat(problems(validation)).singleElement().satisfies(problem -> assertThat(problem)
                    .containsEntry("file", "20-links.drl").containsEntry("line", typo + 1)
                    .containsEntry("column", 5).containsEntry("level", "ERROR")
                    .containsEntry("message", "[ERR 102] mismatched input '$down' in rule "
                            + "\"A link coming up clears the link-down alarm of the same interface\""));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Object object) {
        return (Map<String, Object>) object;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> problems(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("problems");
    }

    private static Map<String, Object> awaitStatus(TestApplication app, String lastBuild) {
        return Await.value(Duration.ofSeconds(20), "the rules status " + lastBuild,
                () -> app.getObject("/api/v1/rules/status"), status -> lastBuild.equals(status.get("lastBuild")));
    }

    private static void awaitRulesDeployed(TestApplication app, String ruleName) {
        Engine engine = app.context().getBean(Engine.class);
        Await.until(Duration.ofSeconds(10), "rule deployed: " + ruleName, () -> engine.rules().kieBase()
                .getKiePackages().stream()
                .anyMatch(p -> p.getRules().stream().anyMatch(r -> r.getName().equals(ruleName))));
    }
}
