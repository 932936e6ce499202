package noc.support;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import noc.cluster.Role;
import noc.ingest.snmp.TrapListener;

/**
 * The whole application on a test database, reached over real HTTP and real UDP. Its first start
 * makes user {@code admin} with {@link #ADMIN_PASSWORD}; {@link #get}, {@link #post} and the other
 * shortcuts call as that admin, {@link #as}, {@link #withToken} and {@link #anonymous} as others.
 */
public final class TestApplication implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "test-admin-password";

    private final EmbeddedServer server;
    private final JsonMapper json;
    private ApiClient admin;

    private TestApplication(EmbeddedServer server) {
        this.server = server;
        this.json = server.getApplicationContext().getBean(JsonMapper.class);
    }

    /** Starts on {@code database}, on free HTTP and SNMP ports of 127.0.0.1, with the shipped rules. */
    public static TestApplication start(Map<String, Object> database, Map<String, Object> overrides) {
        return start(database, overrides, null);
    }

    /** The same, on {@code clock} (a simulated one) instead of the system clock. */
    public static TestApplication start(Map<String, Object> database, Map<String, Object> overrides,
                                        java.time.Clock clock) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("micronaut.server.port", -1);
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("noc.snmp.port", 0);
        properties.put("noc.snmp.bind-address", "127.0.0.1");
        properties.put("noc.engine.tick", "100ms");
        // the warm-up would add seconds to every start; WarmUpIT turns it on
        properties.put("noc.engine.warm-up.events", 0);
        properties.put("noc.security.bootstrap-admin-password", ADMIN_PASSWORD);
        properties.putAll(overrides);
        // what Application.main adds for the role: a collector owns no database
        properties.putAll(Role.settingsImpliedBy(java.util.Objects.toString(properties.get("noc.role"), null)));
        if (clock == null) {
            return new TestApplication(ApplicationContext.run(EmbeddedServer.class, properties));
        }
        ApplicationContext context = ApplicationContext.builder(properties).singletons(clock).start();
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        server.start();
        return new TestApplication(server);
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public int snmpPort() {
        return context().getBean(TrapListener.class).port();
    }

    public URI uri(String path) {
        return URI.create(server.getURL() + path);
    }

    /** A caller with no credentials. */
    public ApiClient anonymous() {
        return new ApiClient(URI.create(server.getURL().toString()), json, null);
    }

    /** A caller sending {@code bearer} (a login token or an API token). */
    public ApiClient withToken(String bearer) {
        return new ApiClient(URI.create(server.getURL().toString()), json, bearer);
    }

    /** Logs in as {@code username}, failing unless the login succeeds. */
    public ApiClient as(String username, String password) {
        return withToken(login(username, password));
    }

    /** The access token of a login, failing unless it succeeds. */
    public String login(String username, String password) {
        HttpResponse<String> response = anonymous().post("/login", "{\"username\": \"" + username
                + "\", \"password\": \"" + password + "\"}");
        if (response.statusCode() != 200) {
            throw new AssertionError("login as " + username + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return String.valueOf(((Map<?, ?>) admin().parse(response.body())).get("access_token"));
    }

    /** Makes (or replaces) a user with {@code roles} and logs in as it; {@code customer} may be null. */
    public ApiClient user(String username, String customer, String... roles) {
        String password = username + "-password";
        String body = "{\"password\": \"" + password + "\", \"roles\": [\"" + String.join("\", \"", roles) + "\"]"
                + (customer == null ? "" : ", \"customer\": \"" + customer + "\"") + "}";
        HttpResponse<String> response = admin().put("/api/v1/users/" + username, body);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("PUT user " + username + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return as(username, password);
    }

    /** Makes an API token {@code name} with {@code role}, as the admin, failing unless it is made; its secret. */
    public String apiToken(String name, String role) {
        HttpResponse<String> answer = post("/api/v1/api-tokens", "{\"name\": \"" + name + "\", \"roles\": [\""
                + role + "\"]}");
        if (answer.statusCode() != 201) {
            throw new AssertionError("POST api-token " + name + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return String.valueOf(((Map<?, ?>) parse(answer.body())).get("token"));
    }

    /** A ticket's journal, as the admin reads it. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> journal(String reference) {
        return (List<Map<String, Object>>) getObject("/api/v1/tickets/" + reference).get("journal");
    }

    /** One part of a ticket as the API shows it: its {@code "sla"} or {@code "escalation"} object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> ticketPart(String reference, String part) {
        return (Map<String, Object>) getObject("/api/v1/tickets/" + reference).get(part);
    }

    /** Waits, for at most 20 s, until a ticket's journal has a line of {@code action}; the journal then. */
    public List<Map<String, Object>> awaitJournal(String reference, String action) {
        return Await.value(Duration.ofSeconds(20), "a " + action + " line in the journal of " + reference,
                () -> journal(reference), journal -> journal.stream().anyMatch(e -> action.equals(e.get("action"))));
    }

    /** The first admin. */
    public synchronized ApiClient admin() {
        if (admin == null) {
            ApiClient anonymous = anonymous();
            HttpResponse<String> response = anonymous.post("/login", "{\"username\": \"admin\", \"password\": \""
                    + ADMIN_PASSWORD + "\"}");
            if (response.statusCode() != 200) {
                throw new AssertionError("admin login answered " + response.statusCode() + ": " + response.body());
            }
            admin = withToken(String.valueOf(((Map<?, ?>) anonymous.parse(response.body())).get("access_token")));
        }
        return admin;
    }

    public HttpResponse<String> get(String path) {
        return admin().get(path);
    }

    public HttpResponse<String> post(String path, String json) {
        return admin().post(path, json);
    }

    public HttpResponse<String> post(String path, String body, String contentType) {
        return admin().post(path, body, contentType);
    }

    public HttpResponse<String> put(String path, String json) {
        return admin().put(path, json);
    }

    public Object getJson(String path) {
        return admin().getJson(path);
    }

    public Object parse(String body) {
        return admin().parse(body);
    }

    public List<Map<String, Object>> getList(String path) {
        return admin().getList(path);
    }

    public Map<String, Object> getObject(String path) {
        return admin().getObject(path);
    }

    public ApiClient.ListPage getPage(String path) {
        return admin().getPage(path);
    }

    public List<ApiClient.ListPage> walk(String path) {
        return admin().walk(path);
    }

    public List<Map<String, Object>> awaitList(String path, Predicate<List<Map<String, Object>>> condition) {
        return admin().awaitList(path, condition);
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
