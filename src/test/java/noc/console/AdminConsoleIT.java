package noc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.security.Passwords;
import noc.security.Role;
import noc.security.SecurityStore;
import noc.security.User;
import noc.support.ApiClient;
import noc.support.Await;
import noc.support.Browser;
import noc.support.TestApplication;
import noc.support.TestDatabase;
import noc.support.WebSession;

/** The console's administration (users, API tokens) and each person's settings (language, time zone), over HTTP and in Chromium. */
class AdminConsoleIT {

    private static final Pattern SECRET = Pattern.compile("noc_[A-Za-z0-9_-]{43}");

    private static TestApplication app;

    @BeforeAll
    static void start() {
        app = TestApplication.start(TestDatabase.fresh("console_admin"), Map.of());
        assertThat(app.post("/api/v1/inventory/import", """
                {"customers": [{"name": "Acme", "contract": "standard"}],
                 "services": [{"reference": "ACME-INTERNET", "customer": "Acme", "criticality": "high"}]}""")
                .statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static WebSession admin(String language) {
        WebSession browser = new WebSession(app.uri("/"), language);
        browser.signIn("admin", TestApplication.ADMIN_PASSWORD, "/");
        return browser;
    }

    @Test
    void aUserMadeThroughTheFormSignsInWithItsRolesAndIsAudited() {
        WebSession browser = admin("en");
        assertThat(browser.get("/admin/users").statusCode()).isEqualTo(200);
        HttpResponse<String> made = browser.postRepeated("/admin/users", "username", "nina", "password",
                "nina-password-1", "roles", "operator", "roles", "rules", "customer", "");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(303);
        assertThat(made.headers().firstValue("Location")).hasValue("/admin/users/nina?saved=1");

        assertThat(app.getObject("/api/v1/users/nina").get("roles")).isEqualTo(List.of("operator", "rules"));
        assertThat(app.as("nina", "nina-password-1").get("/api/v1/tickets").statusCode()).isEqualTo(200);
        assertThat(app.getList("/api/v1/audit?action=USER_CREATED")).anySatisfy(entry -> assertThat(entry)
                .containsEntry("actor", "admin").containsEntry("target", "nina"));
        HttpResponse<String> list = browser.get("/admin/users?q=NIN&role=rules");
        assertThat(list.body()).contains("href=\"/admin/users/nina\"", "operator, rules").doesNotContain("argon2");
        assertThat(browser.get("/admin/users?role=customer").body()).doesNotContain("/admin/users/nina");
    }

    @Test
    void aFormWithBadFieldsNamesEachNextToItAndMakesNobody() {
        WebSession browser = admin("en");
        browser.get("/admin/users");
        HttpResponse<String> bad = browser.postRepeated("/admin/users", "username", "bad name!", "password", "short",
                "customer", "");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(fieldError(bad.body(), "password")).isEqualTo("10 to 128 characters.");
        assertThat(fieldError(bad.body(), "roles")).isEqualTo("Choose at least one role.");
        assertThat(bad.body()).doesNotContain("Exception");

        HttpResponse<String> named = browser.postRepeated("/admin/users", "username", "bad name!", "password",
                "long-enough-password", "roles", "viewer");
        assertThat(named.statusCode()).isEqualTo(400);
        assertThat(fieldError(named.body(), "username")).contains("letters, digits");

        HttpResponse<String> unbound = browser.postRepeated("/admin/users", "username", "cora", "password",
                "long-enough-password", "roles", "customer", "customer", "Nobody Ltd");
        assertThat(unbound.statusCode()).isEqualTo(400);
        assertThat(fieldError(unbound.body(), "customer")).isEqualTo("No customer of the inventory has this name.");
        assertThat(app.get("/api/v1/users/cora").statusCode()).isEqualTo(404);
    }

    @Test
    void theChecksPastTheConstraintsAreWordedInFrenchOnAFrenchPageAndTheApiKeepsItsWords() {
        app.apiToken("shared-name", "intake");
        WebSession browser = admin("fr");
        browser.get("/admin/users");
        HttpResponse<String> unbound = browser.postRepeated("/admin/users", "username", "shared-name", "password",
                "long-enough-password", "roles", "customer", "customer", "Nobody Ltd");
        assertThat(unbound.statusCode()).isEqualTo(400);
        assertThat(fieldError(unbound.body(), "customer")).isEqualTo("Aucun client de l’inventaire ne porte ce nom.");
        assertThat(fieldError(unbound.body(), "username"))
                .isEqualTo("Un jeton d’API porte déjà ce nom : choisissez-en un autre.");
        HttpResponse<String> stray = browser.postRepeated("/admin/users", "username", "celine", "password",
                "long-enough-password", "roles", "viewer", "customer", "Acme");
        assertThat(fieldError(stray.body(), "customer")).startsWith("Seul un utilisateur au rôle customer");
        HttpResponse<String> mixed = browser.postRepeated("/admin/users", "username", "celine", "password",
                "long-enough-password", "roles", "customer", "roles", "viewer", "customer", "Acme");
        assertThat(fieldError(mixed.body(), "roles")).startsWith("Un utilisateur client n’a que le rôle customer");
        assertThat(unbound.body() + stray.body() + mixed.body()).doesNotContain("is not a customer", "is only for",
                "is already the name", "has the customer role only");

        app.user("taken-by-user", null, "viewer");
        browser.get("/admin/tokens");
        HttpResponse<String> token = browser.postRepeated("/admin/tokens", "name", "taken-by-user", "roles", "intake");
        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(fieldError(token.body(), "name")).isEqualTo("Un utilisateur porte déjà ce nom : choisissez-en un autre.");

        // The API answers in its own words, as before.
        assertThat(app.admin().put("/api/v1/users/cora", """
                {"password": "long-enough-password", "roles": ["customer"], "customer": "Nobody Ltd"}""").body())
                .contains("\"field\":\"customer\",\"message\":\"is not a customer of the inventory\"");
        assertThat(app.post("/api/v1/api-tokens", "{\"name\": \"taken-by-user\", \"roles\": [\"intake\"]}").body())
                .contains("\"field\":\"name\",\"message\":\"is already the name of a user\"");
    }

    @Test
    void aPasswordIsTakenAsTypedSpacesAndAll() {
        WebSession browser = admin("en");
        browser.get("/admin/users");
        HttpResponse<String> made = browser.postRepeated("/admin/users", "username", "spacey", "password",
                "  spaced password  ", "roles", "viewer");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(303);
        app.as("spacey", "  spaced password  ");
        assertThat(app.anonymous().post("/login", "{\"username\": \"spacey\", \"password\": \"spaced password\"}")
                .statusCode()).isEqualTo(401);

        browser.get("/admin/users/spacey");
        assertThat(browser.postRepeated("/admin/users/spacey", "roles", "viewer", "password", " another password ")
                .statusCode()).isEqualTo(303);
        app.as("spacey", " another password ");
        // Blank (spaces only) keeps it.
        browser.get("/admin/users/spacey");
        assertThat(browser.postRepeated("/admin/users/spacey", "roles", "viewer", "password", "   ").statusCode())
                .isEqualTo(303);
        app.as("spacey", " another password ");
    }

    @Test
    void aTakenNameIsA409NextToItsFieldAndTheUserIsNotReplaced() {
        app.user("kept", null, "viewer");
        WebSession browser = admin("fr");
        browser.get("/admin/users");
        HttpResponse<String> taken = browser.postRepeated("/admin/users", "username", "kept", "password",
                "another-password-1", "roles", "admin");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(fieldError(taken.body(), "username")).startsWith("Un utilisateur porte déjà ce nom");
        assertThat(app.getObject("/api/v1/users/kept").get("roles")).isEqualTo(List.of("viewer"));
        app.as("kept", "kept-password");

        // The store's insert refuses a taken name by itself: no check beforehand makes it safe.
        SecurityStore store = app.context().getBean(SecurityStore.class);
        User existing = store.user("kept").orElseThrow();
        User other = new User("kept", Passwords.hash("intruder-password"), java.util.EnumSet.of(Role.ADMIN), null,
                Instant.now(), Instant.now(), Instant.now(), null, null, null);
        assertThat(store.insertUser(other)).isFalse();
        assertThat(store.user("kept").orElseThrow()).isEqualTo(existing);
    }

    @Test
    void twoAdminsMakingTheSameUserAtOnceMakeItOnceAndTheOtherIsTold() throws Exception {
        WebSession browser = admin("en");
        browser.get("/admin/users");
        int racers = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String password = "racer-password-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return browser.postRepeated("/admin/users", "username", "racer", "password", password,
                            "roles", "viewer");
                }));
            }
            start.countDown();
            List<HttpResponse<String>> done = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<HttpResponse<String>> answer : answers) {
                done.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(done).extracting(HttpResponse::statusCode).containsOnly(303, 409)
                    .filteredOn(status -> status == 303).hasSize(1);
            assertThat(done).filteredOn(answer -> answer.statusCode() == 409).allSatisfy(answer ->
                    assertThat(fieldError(answer.body(), "username")).startsWith("A user of this name exists"));
        } finally {
            pool.shutdownNow();
        }
        String hash = app.context().getBean(SecurityStore.class).user("racer").orElseThrow().passwordHash();
        assertThat(java.util.stream.IntStream.range(0, racers)
                .filter(i -> Passwords.matches("racer-password-" + i, hash))).hasSize(1);
        assertThat(app.getList("/api/v1/audit?action=USER_CREATED")).filteredOn(entry -> "racer".equals(entry.get("target")))
                .hasSize(1);
    }

    @Test
    void theUserPageChangesRolesResetsThePasswordAndDeletesAsTheApiDoes() {
        app.user("paula", null, "viewer");
        ApiClient before = app.as("paula", "paula-password");
        WebSession browser = admin("en");
        assertThat(browser.get("/admin/users/paula").body()).contains("User paula", "Delete paula");
        HttpResponse<String> changed = browser.postRepeated("/admin/users/paula", "roles", "operator", "password",
                "a-brand-new-password", "customer", "");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(303);
        assertThat(app.getObject("/api/v1/users/paula").get("roles")).isEqualTo(List.of("operator"));
        assertThat(before.get("/api/v1/tickets").statusCode()).isEqualTo(401);
        ApiClient after = app.as("paula", "a-brand-new-password");
        assertThat(app.getList("/api/v1/audit?action=USER_CHANGED")).anySatisfy(entry -> assertThat(entry)
                .containsEntry("target", "paula").containsEntry("detail", "roles operator, password set"));

        // A blank password keeps it.
        browser.get("/admin/users/paula");
        assertThat(browser.postRepeated("/admin/users/paula", "roles", "viewer", "password", "").statusCode())
                .isEqualTo(303);
        app.as("paula", "a-brand-new-password");

        browser.get("/admin/users/paula");
        HttpResponse<String> deleted = browser.post("/admin/users/paula/delete", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location")).hasValue("/admin/users?deleted=paula");
        assertThat(after.get("/api/v1/tickets").statusCode()).isEqualTo(401);
        assertThat(app.get("/api/v1/users/paula").statusCode()).isEqualTo(404);
        assertThat(app.getList("/api/v1/audit?action=USER_DELETED")).anySatisfy(entry -> assertThat(entry)
                .containsEntry("actor", "admin").containsEntry("target", "paula"));
    }

    @Test
    void aDisabledUserIsSignedOutAndRefusedUntilEnabledAgain() {
        app.user("dora", null, "viewer");
        WebSession dora = new WebSession(app.uri("/"), "en");
        dora.signIn("dora", "dora-password", "/");
        WebSession browser = admin("en");
        browser.get("/admin/users/dora");
        assertThat(browser.postRepeated("/admin/users/dora", "roles", "viewer", "disabled", "on").statusCode())
                .isEqualTo(303);
        assertThat(dora.get("/").statusCode()).isEqualTo(303);
        assertThat(app.anonymous().post("/login", "{\"username\": \"dora\", \"password\": \"dora-password\"}")
                .statusCode()).isEqualTo(401);
        assertThat(app.getObject("/api/v1/users/dora")).containsEntry("disabled", true);
        assertThat(browser.get("/admin/users?q=dora").body()).contains("<td class=\"state disabled\">disabled</td>");
        assertThat(app.getList("/api/v1/audit?actor=dora")).anySatisfy(entry -> assertThat(entry)
                .containsEntry("action", "LOGIN_FAILED").containsEntry("detail", "user disabled"));

        browser.get("/admin/users/dora");
        assertThat(browser.postRepeated("/admin/users/dora", "roles", "viewer").statusCode()).isEqualTo(303);
        app.as("dora", "dora-password");
        assertThat(app.getList("/api/v1/audit?action=USER_CHANGED")).anySatisfy(entry -> assertThat(entry)
                .containsEntry("target", "dora").containsEntry("detail", "roles viewer, enabled"));
        // The API does the same with its body's "disabled".
        ApiClient session = app.as("dora", "dora-password");
        assertThat(app.admin().put("/api/v1/users/dora", "{\"roles\": [\"viewer\"], \"disabled\": true}")
                .statusCode()).isEqualTo(200);
        assertThat(session.get("/api/v1/tickets").statusCode()).isEqualTo(401);
    }

    @Test
    void anAdminCannotTakeTheirOwnAdminRoleNorDeleteThemself() {
        WebSession browser = admin("fr");
        HttpResponse<String> own = browser.get("/admin/users/admin");
        assertThat(own.body()).doesNotContain("/admin/users/admin/delete");
        HttpResponse<String> demoted = browser.postRepeated("/admin/users/admin", "roles", "viewer");
        assertThat(demoted.statusCode()).isEqualTo(409);
        assertThat(demoted.body()).contains("vous ne pouvez ni vous supprimer, ni vous désactiver, ni vous retirer le rôle admin");
        browser.get("/admin/users/admin");
        assertThat(browser.postRepeated("/admin/users/admin", "roles", "admin", "disabled", "on").statusCode())
                .isEqualTo(409);
        browser.get("/admin/users/admin");
        assertThat(browser.post("/admin/users/admin/delete", Map.of()).statusCode()).isEqualTo(409);
        assertThat(app.getObject("/api/v1/users/admin").get("roles")).isEqualTo(List.of("admin"));
        assertThat(app.admin().put("/api/v1/users/admin", "{\"roles\": [\"viewer\"]}").statusCode()).isEqualTo(409);
    }

    @Test
    void aNewTokenIsShownOnceWorksAndOnceRevokedIsRefused() {
        WebSession browser = admin("en");
        browser.get("/admin/tokens");
        HttpResponse<String> made = browser.postRepeated("/admin/tokens", "name", "zabbix", "roles", "intake");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        assertThat(made.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(made.headers().firstValue("Location")).isEmpty();
        assertThat(made.body()).contains("it will not be shown again");
        Matcher secret = SECRET.matcher(made.body());
        assertThat(secret.find()).isTrue();
        String token = secret.group();

        ApiClient zabbix = app.withToken(token);
        assertThat(zabbix.post("/api/v1/alarms", """
                {"source": "192.0.2.61", "name": "HighTemperature", "severity": "minor"}""").statusCode()).isEqualTo(200);
        HttpResponse<String> list = browser.get("/admin/tokens");
        assertThat(list.body()).contains("zabbix", "intake").doesNotContain(token).doesNotContain(token.substring(4, 20));
        assertThat(app.getList("/api/v1/audit?action=TOKEN_CREATED")).anySatisfy(entry -> assertThat(entry)
                .containsEntry("actor", "admin").containsEntry("target", "zabbix"));

        HttpResponse<String> revoked = browser.post("/admin/tokens/zabbix/revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(revoked.headers().firstValue("Location")).hasValue("/admin/tokens?revoked=zabbix");
        assertThat(browser.get("/admin/tokens?revoked=zabbix").body()).contains("Token zabbix is revoked.");
        assertThat(zabbix.post("/api/v1/alarms", """
                {"source": "192.0.2.61", "name": "HighTemperature"}""").statusCode()).isEqualTo(401);
        assertThat(browser.get("/admin/tokens").body()).doesNotContain("<td class=\"token-name\">zabbix</td>");
        assertThat(app.getList("/api/v1/audit?action=TOKEN_REVOKED")).anySatisfy(entry -> assertThat(entry)
                .containsEntry("actor", "admin").containsEntry("target", "zabbix"));
    }

    @Test
    void aRevokedTokenWhoseNameNeedsEncodingIsNamedRightAfterTheRedirect() {
        app.apiToken("ci@build.example", "intake");
        WebSession browser = admin("en");
        HttpResponse<String> list = browser.get("/admin/tokens");
        assertThat(list.body()).contains("action=\"/admin/tokens/ci@build.example/revoke\"");
        HttpResponse<String> revoked = browser.post("/admin/tokens/ci@build.example/revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(303);
        String location = revoked.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/admin/tokens?revoked=ci%40build.example");
        assertThat(browser.get(location).body()).contains("Token ci@build.example is revoked.");
    }

    @Test
    void theFormsOfferTheRolesOfRoleAndATokenNeverCustomer() {
        WebSession browser = admin("en");
        assertThat(checkboxes(browser.get("/admin/users").body())).containsExactlyElementsOf(Role.ids());
        assertThat(checkboxes(browser.get("/admin/tokens").body())).containsExactlyElementsOf(Role.tokenIds())
                .doesNotContain("customer");
        assertThat(app.admin().put("/api/v1/users/rolf", """
                {"password": "long-enough-password", "roles": ["boss"]}""").body())
                .contains("must be one of viewer|operator|rules|admin|intake|metrics|customer");
        assertThat(app.post("/api/v1/api-tokens", "{\"name\": \"rolf\", \"roles\": [\"customer\"]}").body())
                .contains("must be one of viewer|operator|rules|admin|intake|metrics\"");
    }

    @Test
    void aTokenFormWithATakenOrBadNameSaysSoNextToIt() {
        app.apiToken("taken-token", "metrics");
        WebSession browser = admin("fr");
        browser.get("/admin/tokens");
        HttpResponse<String> taken = browser.postRepeated("/admin/tokens", "name", "taken-token", "roles", "metrics");
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(fieldError(taken.body(), "name")).startsWith("Un jeton porte déjà ce nom");
        HttpResponse<String> noRole = browser.postRepeated("/admin/tokens", "name", "x y");
        assertThat(noRole.statusCode()).isEqualTo(400);
        assertThat(fieldError(noRole.body(), "name")).contains("lettres, chiffres");
        assertThat(fieldError(noRole.body(), "roles")).isEqualTo("Choisissez au moins un rôle.");
        assertThat(SECRET.matcher(taken.body() + noRole.body()).find()).isFalse();
    }

    @Test
    void theAuditPageShowsTheApisEntriesFilteredAndPaged() {
        app.user("audited-one", null, "viewer");
        WebSession browser = admin("en");
        HttpResponse<String> page = browser.get("/admin/audit?action=user_created&actor=admin");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<td>audited-one</td>", "roles viewer, password set")
                .doesNotContain("<td class=\"audit-action\">LOGIN</td>");
        assertThat(browser.get("/admin/audit?actor=nobody-at-all").body()).contains("No audit entry matches.");
        HttpResponse<String> bad = browser.get("/admin/audit?before=yesterday");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"before\"");
    }

    @Test
    void onlyAnAdminReachesTheAdminPages() {
        app.user("otto", null, "operator");
        WebSession operator = new WebSession(app.uri("/"), "en");
        operator.signIn("otto", "otto-password", "/");
        assertThat(operator.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(operator.get("/admin/tokens").statusCode()).isEqualTo(403);
        assertThat(operator.get("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(operator.postRepeated("/admin/tokens", "name", "sneaky", "roles", "admin").statusCode())
                .isEqualTo(403);
        assertThat(operator.get("/").body()).doesNotContain("href=\"/admin\"");
        assertThat(admin("en").get("/").body()).contains("href=\"/admin\"");
    }

    @Test
    void anEnglishSpeakerWithAFrenchBrowserChoosesEnglishAndAZone() {
        app.user("emma", null, "viewer");
        WebSession browser = new WebSession(app.uri("/"), "fr");
        browser.signIn("emma", "emma-password", "/");
        assertThat(browser.get("/tickets").body()).contains("lang=\"fr\"").doesNotContain("data-time-zone");
        assertThat(browser.get("/settings").body()).contains("Vos réglages", "Selon mon navigateur");

        HttpResponse<String> saved = browser.post("/settings", Map.of("language", "en", "timeZone", "America/New_York"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(browser.get("/settings?saved=1").body()).contains("Your settings are saved");
        HttpResponse<String> queue = browser.get("/tickets");
        assertThat(queue.body()).contains("lang=\"en\"", "Ticket queue", "<body data-time-zone=\"America/New_York\">");
        assertThat(app.getObject("/api/v1/users/emma")).containsEntry("language", "en")
                .containsEntry("timeZone", "America/New_York");

        // Back to the browser's say: French again, no zone on the page.
        assertThat(browser.post("/settings", Map.of("language", "browser", "timeZone", "browser")).statusCode())
                .isEqualTo(303);
        assertThat(browser.get("/tickets").body()).contains("lang=\"fr\"").doesNotContain("data-time-zone");
    }

    @Test
    void aFrenchSpeakerWithAnEnglishBrowserChoosesFrenchAndStaysSignedIn() {
        app.user("fabien", "Acme", "customer");
        WebSession browser = new WebSession(app.uri("/"), "en");
        browser.signIn("fabien", "fabien-password", "/portal");
        assertThat(browser.get("/portal").body()).contains("lang=\"en\"");
        browser.get("/settings");
        assertThat(browser.post("/settings", Map.of("language", "fr", "timeZone", "Europe/Paris")).statusCode())
                .isEqualTo(303);
        HttpResponse<String> portal = browser.get("/portal");
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains("lang=\"fr\"", "Espace client", "data-time-zone=\"Europe/Paris\"");
    }

    @Test
    void aZoneNotInTheListIsRefusedNextToItsField() {
        app.user("ugo", null, "viewer");
        WebSession browser = new WebSession(app.uri("/"), "en");
        browser.signIn("ugo", "ugo-password", "/");
        browser.get("/settings");
        HttpResponse<String> bad = browser.post("/settings", Map.of("language", "de", "timeZone", "Mars/Olympus"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(fieldError(bad.body(), "timeZone")).isEqualTo("Choose a time zone from the list.");
        assertThat(fieldError(bad.body(), "language")).isEqualTo("Choose a language from the list.");
        assertThat(app.admin().put("/api/v1/users/ugo", "{\"roles\": [\"viewer\"], \"timeZone\": \"Mars/Olympus\"}")
                .body()).contains("\"field\":\"timeZone\"");
        assertThat(app.admin().put("/api/v1/users/ugo", "{\"roles\": [\"viewer\"], \"language\": \"de\"}")
                .body()).contains("\"field\":\"language\"");
    }

    @Test
    void aZoneSetThroughTheApiButNotInTheListIsOfferedAndKeptBySavingTheForm() {
        app.user("gaspard", null, "viewer");
        assertThat(app.admin().put("/api/v1/users/gaspard", "{\"roles\": [\"viewer\"], \"timeZone\": \"Etc/GMT+3\"}")
                .statusCode()).isEqualTo(200);
        WebSession browser = new WebSession(app.uri("/"), "fr");
        browser.signIn("gaspard", "gaspard-password", "/");
        HttpResponse<String> page = browser.get("/settings");
        assertThat(page.body()).contains("<option value=\"Etc/GMT+3\" selected=\"selected\">Etc/GMT+3</option>");
        assertThat(page.body()).doesNotContain("<option value=\"UTC\"");
        // The browser posts the options as shown: the language changes, the zone stays.
        assertThat(browser.post("/settings", Map.of("language", "en", "timeZone", "Etc/GMT+3")).statusCode())
                .isEqualTo(303);
        assertThat(app.getObject("/api/v1/users/gaspard")).containsEntry("language", "en")
                .containsEntry("timeZone", "Etc/GMT+3");
        assertThat(browser.get("/tickets").body()).contains("data-time-zone=\"Etc/GMT+3\"");
    }

    @Test
    void datesAreWrittenInTheChosenZoneOnTheServerAndShownInItByTheBrowser() {
        app.user("tomoko", null, "admin");
        assertThat(app.admin().put("/api/v1/users/tomoko", "{\"roles\": [\"admin\"], \"timeZone\": \"Asia/Tokyo\"}")
                .statusCode()).isEqualTo(200);
        WebSession http = new WebSession(app.uri("/"), "en");
        http.signIn("tomoko", "tomoko-password", "/");
        Matcher time = Pattern.compile("<time datetime=\"([^\"]+)\">([^<]+)</time>")
                .matcher(http.get("/admin/users/tomoko").body());
        assertThat(time.find()).isTrue();
        Instant at = Instant.parse(time.group(1));
        assertThat(time.group(2)).isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", java.util.Locale.ROOT)
                .withZone(ZoneId.of("Asia/Tokyo")).format(at));

        Browser.assumeInstalled();
        try (Browser browser = Browser.open("en")) {
            browser.go(app.uri("/signin"));
            browser.signIn("tomoko", "tomoko-password");
            browser.awaitPath("/");
            browser.go(app.uri("/admin/users/tomoko"));
            // An English browser writes a 12-hour clock: "01:10:52 PM" at 13:10 (HH:mm held only before 13:00).
            DateTimeFormatter clock = DateTimeFormatter.ofPattern("hh:mm", java.util.Locale.US)
                    .withZone(ZoneId.of("Asia/Tokyo"));
            String halfDay = DateTimeFormatter.ofPattern("a", java.util.Locale.US).withZone(ZoneId.of("Asia/Tokyo"))
                    .format(at);
            Await.until(Duration.ofSeconds(10), "the <time> shown by the script", () -> browser.text("time")
                    .contains("GMT+9"));
            assertThat(browser.text("time")).contains(clock.format(at)).contains(halfDay);
        }
    }

    @Test
    void theTicketPortalAndRulesPagesWriteEachInstantAsATimeInTheChosenZone() {
        HttpResponse<String> declared = app.post("/api/v1/incidents", """
                {"customerName": "Acme", "siteAddress": "1 main street", "serviceReferences": ["ACME-INTERNET"],
                 "contactName": "Contact", "contactPhone": "+33 1 00 00 00 00", "contactEmail": "contact@acme.example",
                 "faultyElements": "router", "description": "no link", "impact": "disruption"}""");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        String reference = String.valueOf(((Map<?, ?>) app.parse(declared.body())).get("reference"));
        assertThat(app.post("/api/v1/tickets/" + reference + "/comment", "{\"text\": \"On it\", \"public\": true}")
                .statusCode()).isEqualTo(200);
        String kolkata = "{\"roles\": [\"%s\"]%s, \"timeZone\": \"Asia/Kolkata\"}";
        app.user("ravi", null, "rules");
        app.admin().put("/api/v1/users/ravi", kolkata.formatted("rules", ""));
        app.user("kavya", "Acme", "customer");
        app.admin().put("/api/v1/users/kavya", kolkata.formatted("customer", ", \"customer\": \"Acme\""));

        WebSession staff = new WebSession(app.uri("/"), "en");
        staff.signIn("ravi", "ravi-password", "/");
        assertThat(times(staff.get("/tickets/" + reference).body())).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(text -> assertThat(text).endsWith(" IST"));
        assertThat(staff.get("/tickets").body()).contains("data-time-zone=\"Asia/Kolkata\"");
        assertThat(times(staff.get("/rules").body())).hasSize(2).allSatisfy(text -> assertThat(text).endsWith(" IST"));

        WebSession customer = new WebSession(app.uri("/"), "fr");
        customer.signIn("kavya", "kavya-password", "/portal");
        assertThat(times(customer.get("/portal").body())).isNotEmpty().allSatisfy(text -> assertThat(text).endsWith(" IST"));
        assertThat(times(customer.get("/portal/tickets/" + reference).body())).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(text -> assertThat(text).endsWith(" IST"));
    }

    /** The text of each {@code <time datetime>} of a page, failing on one whose attribute is not an instant. */
    private static List<String> times(String page) {
        Matcher time = Pattern.compile("<time datetime=\"([^\"]*)\">([^<]*)</time>").matcher(page);
        List<String> texts = new java.util.ArrayList<>();
        while (time.find()) {
            Instant.parse(time.group(1));
            texts.add(time.group(2));
        }
        return texts;
    }

    /** The values of a page's role boxes, in their order. */
    private static List<String> checkboxes(String page) {
        Matcher box = Pattern.compile("type=\"checkbox\" name=\"roles\" value=\"([^\"]+)\"").matcher(page);
        List<String> values = new java.util.ArrayList<>();
        while (box.find()) {
            values.add(box.group(1));
        }
        return values;
    }

    /** The text next to a field: its {@code <span id="field-error">}. */
    private static String fieldError(String page, String field) {
        Matcher error = Pattern.compile("id=\"" + Pattern.quote(field) + "-error\"[^>]*>([^<]*)<").matcher(page);
        return error.find() ? error.group(1) : "(no error next to " + field + ")";
    }
}
