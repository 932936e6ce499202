package noc.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

/** Real HTTP to the application, as one principal (a bearer token) or as nobody. */
public final class ApiClient {

    private static final Pattern NEXT_LINK = Pattern.compile("^<([^>]+)>; rel=\"next\"$");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final JsonMapper json;
    private final String bearer;

    ApiClient(URI base, JsonMapper json, String bearer) {
        this.base = base;
        this.json = json;
        this.bearer = bearer;
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null, null);
    }

    public HttpResponse<String> post(String path, String body) {
        return post(path, body, "application/json");
    }

    public HttpResponse<String> post(String path, String body, String contentType) {
        return send("POST", path, body, contentType);
    }

    public HttpResponse<String> put(String path, String body) {
        return send("PUT", path, body, "application/json");
    }

    public HttpResponse<String> delete(String path) {
        return send("DELETE", path, null, null);
    }

    /**
     * A GET of a stream that does not end (server-sent events): the answer's status and headers, its
     * body closed unread.
     */
    public HttpResponse<java.io.InputStream> open(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<java.io.InputStream> answer = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            answer.body().close();
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Any method, with a JSON body when {@code body} is not null. */
    public HttpResponse<String> send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType == null ? "application/json" : contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
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

    /** One page of a paged list: its rows, and the path of the next page (its {@code Link} header), if any. */
    public record ListPage(List<Map<String, Object>> rows, Optional<String> next) {
    }

    /** GETs one page of a paged list, failing unless it is 200. */
    @SuppressWarnings("unchecked")
    public ListPage getPage(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        Optional<String> next = response.headers().firstValue("Link").map(link -> {
            Matcher matcher = NEXT_LINK.matcher(link);
            if (!matcher.matches()) {
                throw new AssertionError("GET " + path + " answered a Link header that is no next link: " + link);
            }
            return matcher.group(1);
        });
        return new ListPage((List<Map<String, Object>>) parse(response.body()), next);
    }

    /** Every page of a paged list from {@code path} on, following the next links to the end. */
    public List<ListPage> walk(String path) {
        List<ListPage> pages = new ArrayList<>();
        Optional<String> next = Optional.of(path);
        while (next.isPresent()) {
            if (pages.size() > 1000) {
                throw new AssertionError("the next links of " + path + " never end");
            }
            ListPage page = getPage(next.get());
            pages.add(page);
            next = page.next();
        }
        return pages;
    }

    /** Polls {@code path} until its JSON list satisfies {@code condition}, for at most 20 s. */
    public List<Map<String, Object>> awaitList(String path, Predicate<List<Map<String, Object>>> condition) {
        return Await.value(Duration.ofSeconds(20), "GET " + path + " to meet the condition", () -> getList(path),
                condition);
    }
}
