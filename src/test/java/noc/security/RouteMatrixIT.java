package noc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.http.MediaType;
import io.micronaut.web.router.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import noc.console.ConsolePage;
import noc.notify.ResponseLinks;
import noc.support.ApiClient;
import noc.support.TestApplication;
import noc.support.TestDatabase;

/**
 * The README's route matrix is the truth: every route the application serves is in it, every row
 * is a route, and each route lets in exactly the roles the matrix gives (with what they include),
 * answering 401 to nobody and 403 to the other roles. The console's pages send nobody to the sign-in
 * form instead (303 to {@code /signin}); its live streams are opened without reading their endless body.
 * The OpenAPI document describes every route but the console's pages, with its roles.
 */
class RouteMatrixIT {

    private static final Pattern ROW = Pattern.compile("^\\| (GET|POST|PUT|DELETE|PATCH) \\| `([^`]+)` \\| ([^|]+) \\|");
    private static final List<String> CALLERS = List.of("anonymous", "viewer", "operator", "rules", "admin", "intake",
            "metrics", "customer");

    private static TestApplication app;
    private static final Map<String, ApiClient> clients = new LinkedHashMap<>();

    record Rule(String method, String path, Set<String> roles) {
    }

    @BeforeAll
    static void start() {
        app = TestApplication.start(TestDatabase.fresh("routes"), Map.of());
        assertThat(app.post("/api/v1/inventory/import", """
                {"customers": [{"name": "Acme", "contract": "standard"}]}""").statusCode()).isEqualTo(200);
        clients.put("anonymous", app.anonymous());
        clients.put("viewer", app.user("vera", null, "viewer"));
        clients.put("operator", app.user("otto", null, "operator"));
        clients.put("rules", app.user("rita", null, "rules"));
        clients.put("admin", app.admin());
        clients.put("intake", app.withToken(app.apiToken("matrix-intake", "intake")));
        clients.put("metrics", app.withToken(app.apiToken("matrix-metrics", "metrics")));
        clients.put("customer", app.user("carl", "Acme", "customer"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static List<Rule> matrix() throws IOException {
        List<Rule> rules = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                Set<String> roles = new TreeSet<>();
                for (String role : row.group(3).split(",")) {
                    roles.add(role.strip());
                }
                rules.add(new Rule(row.group(1), row.group(2), roles));
            }
        }
        return rules;
    }

    @Test
    void everyRouteIsInTheMatrixAndEveryRowIsARoute() throws IOException {
        Set<String> served = new TreeSet<>();
        // HEAD follows GET, which Micronaut adds for each GET route.
        app.context().getBean(Router.class).uriRoutes().filter(route -> !route.getHttpMethodName().equals("HEAD"))
                .forEach(route -> served.add(route.getHttpMethodName() + " " + route.getUriMatchTemplate()));
        Set<String> documented = new TreeSet<>();
        matrix().forEach(rule -> documented.add(rule.method() + " " + rule.path()));
        assertThat(documented).as("rows of the README's route matrix").isEqualTo(served);
    }

    @Test
    void eachRouteLetsInExactlyItsRoles() throws IOException {
        Set<String> pages = routes(route -> route.getDeclaringType().isAnnotationPresent(ConsolePage.class));
        Set<String> streams = routes(route -> route.getProduces().contains(MediaType.TEXT_EVENT_STREAM_TYPE));
        List<String> wrong = new ArrayList<>();
        for (Rule rule : matrix()) {
            String path = concrete(rule.path());
            String key = rule.method() + " " + rule.path();
            for (String caller : CALLERS) {
                boolean allowed = rule.roles().contains("anonymous") || (!caller.equals("anonymous")
                        && rule.roles().stream().anyMatch(role -> grants(caller, role)));
                // A browser posts forms to the email pages and to the console's pages.
                boolean form = rule.path().startsWith("/respond/") || pages.contains(key);
                HttpResponse<?> answer = streams.contains(key) ? clients.get(caller).open(path)
                        : clients.get(caller).send(rule.method(), path,
                        rule.method().equals("GET") || rule.method().equals("DELETE") ? null : body(rule.path()),
                        form ? "application/x-www-form-urlencoded" : null);
                int status = answer.statusCode();
                boolean toSignin = pages.contains(key) && status == 303
                        && answer.headers().firstValue("Location").orElse("").equals("/signin");
                boolean refused = status == 401 || status == 403 || toSignin;
                int expectedRefusal = caller.equals("anonymous") ? pages.contains(key) ? 303 : 401 : 403;
                if (allowed == refused || (!allowed && status != expectedRefusal)) {
                    wrong.add(rule.method() + " " + path + " as " + caller + ": " + status
                            + (allowed ? " (should be let in)" : " (should be " + expectedRefusal + ")"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentHasEveryRouteWithItsRolesAndSwaggerUiIsServed() throws IOException {
        HttpResponse<String> answer = app.anonymous().get("/swagger/noc-correlator.yml");
        assertThat(answer.statusCode()).isEqualTo(200);
        Map<String, Object> document = new org.yaml.snakeyaml.Yaml().load(answer.body());
        Map<String, Map<String, Map<String, Object>>> paths =
                (Map<String, Map<String, Map<String, Object>>>) document.get("paths");
        List<String> wrong = new ArrayList<>();
        Set<String> pages = routes(route -> route.getDeclaringType().isAnnotationPresent(ConsolePage.class));
        for (Rule rule : matrix()) {
            if (rule.path().startsWith("/swagger")) {
                continue; // the document does not describe itself, nor Swagger UI
            }
            if (pages.contains(rule.method() + " " + rule.path())) {
                if (paths.containsKey(rule.path())) {
                    wrong.add(rule.method() + " " + rule.path() + " is a console page, not part of the API");
                }
                continue;
            }
            Map<String, Object> operation = paths.getOrDefault(rule.path(), Map.of()).get(rule.method().toLowerCase());
            if (operation == null) {
                wrong.add(rule.method() + " " + rule.path() + " is missing");
            } else if (!new TreeSet<>((List<String>) operation.get("x-roles")).equals(rule.roles())) {
                wrong.add(rule.method() + " " + rule.path() + " has roles " + operation.get("x-roles"));
            } else if (!rule.roles().contains("anonymous")
                    && !((Map<String, Object>) operation.get("responses")).containsKey("403")) {
                wrong.add(rule.method() + " " + rule.path() + " does not give its 403");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(app.anonymous().get("/swagger-ui/index.html").body()).contains("/swagger/noc-correlator.yml");
    }

    /** The routes, as {@code METHOD /template}, that {@code which} picks. */
    private static Set<String> routes(java.util.function.Predicate<io.micronaut.web.router.UriRouteInfo<?, ?>> which) {
        Set<String> picked = new TreeSet<>();
        app.context().getBean(Router.class).uriRoutes().filter(which)
                .forEach(route -> picked.add(route.getHttpMethodName() + " " + route.getUriMatchTemplate()));
        return picked;
    }

    private static boolean grants(String caller, String role) {
        return Role.of(caller).map(held -> held.grants().contains(Role.of(role).orElseThrow())).orElse(false);
    }

    /** A harmless body: a login that succeeds, elsewhere an empty object that acts on nothing. */
    private static String body(String template) {
        if (template.startsWith("/respond/")) {
            return "answer=confirm";
        }
        if (template.equals("/login")) {
            return "{\"username\": \"admin\", \"password\": \"" + TestApplication.ADMIN_PASSWORD + "\"}";
        }
        return "{}";
    }

    /** The template with each variable given a value that names nothing (an email link is well signed). */
    static String concrete(String template) {
        String path = template.replaceAll("\\{[/?][^}]*}", "");
        ResponseLinks links = app.context().getBean(ResponseLinks.class);
        String link = links.url(links.grant(ResponseLinks.Grant.CLOSURE, "INC-1999-000001", 0, java.time.Instant.now(), "x@example.com",
                java.time.Instant.now()));
        Map<String, String> values = Map.of("reference", "INC-1999-000001", "action", "acknowledge", "level", "1",
                "kind", "devices", "id", "999999", "token", link.substring(link.lastIndexOf('/') + 1));
        Matcher variable = Pattern.compile("\\{([^}:]+)[^}]*}").matcher(path);
        StringBuilder concrete = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(concrete, values.getOrDefault(variable.group(1), "nothing-here"));
        }
        variable.appendTail(concrete);
        return concrete.toString();
    }
}
