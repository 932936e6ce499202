package noc.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import noc.ingest.snmp.TrapListener;

/** The whole application on a test database, reached over real HTTP and real UDP. */
public final class TestApplication implements AutoCloseable {

    private final EmbeddedServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;

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
        properties.putAll(overrides);
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

    public HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> post(String path, String json) {
        return post(path, json, "application/json");
    }

    public HttpResponse<String> post(String path, String body, String contentType) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> put(String path, String json) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("PUT " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs a JSON answer, failing unless it is 200. */
    public Object getJson(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    public Object parse(String body) {
        try {
            return json.readValue(body, Argument.OBJECT_ARGUMENT);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> getList(String path) {
        return (List<Map<String, Object>>) getJson(path);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> getObject(String path) {
        return (Map<String, Object>) getJson(path);
    }

    /** Polls {@code path} until its JSON list satisfies {@code condition}, for at most 20 s. */
    public List<Map<String, Object>> awaitList(String path, Predicate<List<Map<String, Object>>> condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        List<Map<String, Object>> last = List.of();
        while (Instant.now().isBefore(deadline)) {
            last = getList(path);
            if (condition.test(last)) {
                return last;
            }
            sleep(100);
        }
        throw new AssertionError("GET " + path + " never met the condition; last answer: " + last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
