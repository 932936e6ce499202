package noc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.support.ApiClient;
import noc.support.MetricsReader;
import noc.support.TestApplication;
import noc.support.TestDatabase;

/** Who may do what, over real HTTP: logins, roles, customers bound to their tickets, tokens, the audit. */
class SecurityIT {

    private static TestApplication app;

    @BeforeAll
    static void start() {
        app = TestApplication.start(TestDatabase.fresh("security"), Map.of("noc.security.free-login-failures", 3));
        assertThat(app.post("/api/v1/inventory/import", """
                {"customers": [{"name": "Acme", "contract": "standard"}, {"name": "Globex", "contract": "standard"}]}""")
                .statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String declare(ApiClient client, String customer, String description) {
        HttpResponse<String> answer = client.post("/api/v1/incidents", """
                {"customerName": "%s", "siteAddress": "1 rue du Port, Brest", "serviceReferences": ["SVC-1"],
                 "contactName": "Jeanne", "contactPhone": "+33 2 98 00 00 00", "contactEmail": "jeanne@example.com",
                 "faultyElements": "router", "description": "%s", "impact": "degradation"}"""
                .formatted(customer, description));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return String.valueOf(((Map<?, ?>) app.parse(answer.body())).get("reference"));
    }

    @Test
    void nobodyReadsTicketsWithoutLoggingInAndTheAdminsTokenReadsThem() {
        assertThat(app.anonymous().get("/api/v1/tickets").statusCode()).isEqualTo(401);
        HttpResponse<String> login = app.anonymous().post("/login", "{\"username\": \"admin\", \"password\": \""
                + TestApplication.ADMIN_PASSWORD + "\"}");
        assertThat(login.statusCode()).isEqualTo(200);
        Map<?, ?> token = (Map<?, ?>) app.parse(login.body());
        assertThat(token.get("token_type")).isEqualTo("Bearer");
        assertThat(app.withToken(token.get("access_token").toString()).get("/api/v1/tickets").statusCode())
                .isEqualTo(200);
        assertThat(app.withToken("not-a-token").get("/api/v1/tickets").statusCode()).isEqualTo(401);
    }

    @Test
    void aViewerCannotActAndAnOperatorsActionIsJournaledUnderItsOwnName() {
        String reference = declare(app.admin(), "Acme", "viewer and operator");
        ApiClient viewer = app.user("victor", null, "viewer");
        ApiClient operator = app.user("olga", null, "operator");

        assertThat(viewer.get("/api/v1/tickets/" + reference).statusCode()).isEqualTo(200);
        assertThat(viewer.post("/api/v1/tickets/" + reference + "/acknowledge", "{}").statusCode()).isEqualTo(403);
        HttpResponse<String> impersonation = operator.post("/api/v1/tickets/" + reference + "/comment",
                "{\"by\": \"someone-else\", \"text\": \"hello\"}");
        assertThat(impersonation.statusCode()).isEqualTo(400);
        assertThat(impersonation.body()).contains("\"field\":\"by\"");
        assertThat(operator.post("/api/v1/tickets/" + reference + "/acknowledge", "{}").statusCode()).isEqualTo(200);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> journal = (List<Map<String, Object>>) viewer.getObject("/api/v1/tickets/"
                + reference).get("journal");
        assertThat(journal).anySatisfy(entry -> assertThat(entry).containsEntry("action", "ACKNOWLEDGED")
                .containsEntry("authorKind", "PERSON").containsEntry("author", "olga"));
        assertThat(journal).noneMatch(entry -> "someone-else".equals(entry.get("author")));
    }

    @Test
    void aCustomerSeesOnlyItsOwnTicketsAndTheirPublicEntries() {
        String ours = declare(app.admin(), "Acme", "ours");
        String theirs = declare(app.admin(), "Globex", "theirs");
        app.post("/api/v1/tickets/" + ours + "/comment", "{\"text\": \"internal note\", \"public\": false}");
        app.post("/api/v1/tickets/" + ours + "/comment", "{\"text\": \"we are on it\", \"public\": true}");
        ApiClient customer = app.user("acme-user", "Acme", "customer");

        List<Map<String, Object>> listed = customer.getList("/api/v1/tickets?status=all");
        assertThat(listed).extracting(t -> t.get("reference")).contains(ours).doesNotContain(theirs);
        assertThat(customer.get("/api/v1/tickets/" + theirs).statusCode()).isEqualTo(404);
        Map<String, Object> detail = customer.getObject("/api/v1/tickets/" + ours);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> journal = (List<Map<String, Object>>) detail.get("journal");
        assertThat(journal).isNotEmpty().allSatisfy(entry -> assertThat(entry).containsEntry("visibility", "PUBLIC"));
        assertThat(journal).anySatisfy(entry -> assertThat(entry).containsEntry("text", "we are on it"));
        assertThat(detail.get("customers")).isEqualTo(List.of("Acme"));

        // Its declarations are for its own customer, whatever the body names; it cannot work the ticket.
        String declared = declare(customer, "Globex", "declared by the customer");
        assertThat(customer.getList("/api/v1/tickets?status=all")).extracting(t -> t.get("reference"))
                .contains(declared);
        assertThat(customer.post("/api/v1/tickets/" + ours + "/acknowledge", "{}").statusCode()).isEqualTo(403);
        assertThat(customer.post("/api/v1/tickets/" + theirs + "/dispute", "{}").statusCode()).isEqualTo(404);
        assertThat(customer.get("/api/v1/alarms").statusCode()).isEqualTo(403);
    }

    @Test
    void anIntakeTokenPostsAlarmsButReadsNothingAndIsRevocable() {
        HttpResponse<String> created = app.post("/api/v1/api-tokens",
                "{\"name\": \"alertmanager\", \"roles\": [\"intake\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        String token = String.valueOf(((Map<?, ?>) app.parse(created.body())).get("token"));
        assertThat(token).startsWith("noc_");
        ApiClient intake = app.withToken(token);

        HttpResponse<String> alarm = intake.post("/api/v1/alarms", """
                {"source": "192.0.2.50", "name": "HighTemperature", "severity": "major"}""");
        assertThat(alarm.statusCode()).as(alarm.body()).isEqualTo(200);
        assertThat(intake.get("/api/v1/tickets").statusCode()).isEqualTo(403);
        assertThat(app.getList("/api/v1/api-tokens")).anySatisfy(t -> assertThat(t)
                .containsEntry("name", "alertmanager").containsKey("lastUsedAt").doesNotContainKey("token"));

        assertThat(app.admin().delete("/api/v1/api-tokens/alertmanager").statusCode()).isEqualTo(204);
        assertThat(intake.post("/api/v1/alarms", "{\"source\": \"192.0.2.50\", \"name\": \"x\"}").statusCode())
                .isEqualTo(401);
    }

    @Test
    void changingOrDeletingAUserEndsItsSessions() {
        ApiClient before = app.user("paul", null, "viewer");
        assertThat(before.get("/api/v1/tickets").statusCode()).isEqualTo(200);
        assertThat(app.admin().put("/api/v1/users/paul", "{\"password\": \"a-new-password\", \"roles\": [\"viewer\"]}")
                .statusCode()).isEqualTo(200);
        assertThat(before.get("/api/v1/tickets").statusCode()).isEqualTo(401);
        ApiClient after = app.as("paul", "a-new-password");
        assertThat(after.get("/api/v1/tickets").statusCode()).isEqualTo(200);
        assertThat(app.admin().delete("/api/v1/users/paul").statusCode()).isEqualTo(204);
        assertThat(after.get("/api/v1/tickets").statusCode()).isEqualTo(401);
    }

    @Test
    void usersAreCheckedAndTheLastAdminStays() {
        HttpResponse<String> unbound = app.admin().put("/api/v1/users/nobody-customer",
                "{\"password\": \"long-enough-1\", \"roles\": [\"customer\"]}");
        assertThat(unbound.statusCode()).isEqualTo(400);
        assertThat(unbound.body()).contains("\"field\":\"customer\"");
        HttpResponse<String> unknownRole = app.admin().put("/api/v1/users/someone",
                "{\"password\": \"long-enough-1\", \"roles\": [\"superuser\"]}");
        assertThat(unknownRole.statusCode()).isEqualTo(400);
        assertThat(unknownRole.body()).contains("roles");
        HttpResponse<String> typo = app.admin().put("/api/v1/users/victor",
                "{\"pasword\": \"long-enough-2\", \"roles\": [\"viewer\"]}");
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(typo.body()).contains("\"field\":\"pasword\"");
        assertThat(app.post("/api/v1/api-tokens", "{\"name\": \"x\", \"roles\": \"intake\"}").statusCode())
                .isEqualTo(400);
                assertThat(app.admin().delete("/api/v1/users/admin").statusCode()).isEqualTo(409);
        assertThat(app.getList("/api/v1/users")).allSatisfy(user -> assertThat(user).doesNotContainKey("passwordHash"));
    }

    @Test
    void repeatedFailedLoginsAreSlowedDownCountedAndAudited() {
        app.user("mallory-target", null, "viewer");
        for (int i = 0; i < 3; i++) {
            assertThat(app.anonymous().post("/login", "{\"username\": \"mallory-target\", \"password\": \"guess-" + i
                    + "\"}").statusCode()).isEqualTo(401);
        }
        // A name longer than any user's is refused unchecked (and never held whole in memory).
        assertThat(app.anonymous().post("/login", "{\"username\": \"" + "n".repeat(100_000)
                + "\", \"password\": \"x\"}").statusCode()).isEqualTo(401);
        // Past the free failures, even the right password waits.
        assertThat(app.anonymous().post("/login", "{\"username\": \"mallory-target\", \"password\": "
                + "\"mallory-target-password\"}").statusCode()).isEqualTo(401);
        assertThat(MetricsReader.value(app, "noc_security_logins_total", "result=\"failure\"")).isGreaterThanOrEqualTo(3);
        assertThat(MetricsReader.value(app, "noc_security_logins_total", "result=\"throttled\"")).isGreaterThanOrEqualTo(1);
        assertThat(app.getList("/api/v1/audit?actor=mallory-target")).extracting(e -> e.get("action"))
                .contains("LOGIN_FAILED", "LOGIN_THROTTLED");
        assertThat(app.getList("/api/v1/audit?action=USER_CREATED")).anySatisfy(e -> assertThat(e)
                .containsEntry("actor", "admin").containsEntry("target", "mallory-target"));
        assertThat(app.getList("/api/v1/audit?action=INVENTORY_IMPORTED")).anySatisfy(e -> assertThat(e)
                .containsEntry("actor", "admin").containsEntry("address", "127.0.0.1"));
    }

    @Test
    void healthIsOpenAndShowsNoConnectionDetailsWhilePrometheusNeedsTheMetricsRole() {
        HttpResponse<String> health = app.anonymous().get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).doesNotContain("jdbc:").doesNotContain("root").contains("database");
        assertThat(app.anonymous().get("/health/readiness").statusCode()).isEqualTo(200);
        assertThat(app.anonymous().get("/prometheus").statusCode()).isEqualTo(401);
        assertThat(app.user("viewer-of-metrics", null, "viewer").get("/prometheus").statusCode()).isEqualTo(403);
        assertThat(app.withToken(metricsToken()).get("/prometheus").statusCode()).isEqualTo(200);
    }

    private static synchronized String metricsToken() {
        app.admin().delete("/api/v1/api-tokens/scraper");
        return app.apiToken("scraper", "metrics");
    }
}
