package noc.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's part in HTTP, for tests of the console that need no real browser: it keeps cookies,
 * follows no redirect (the test reads them), asks for a language, and posts forms with the CSRF token
 * of the last page it read.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"csrfToken\" value=\"([^\"]*)\"");

    private final URI base;
    private final String language;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrfToken = "";

    public WebSession(URI base, String language) {
        this.base = base;
        this.language = language;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public CookieManager cookies() {
        return cookies;
    }

    /** The CSRF token of the last page read that had a form. */
    public String csrfToken() {
        return csrfToken;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** A GET that accepts {@code accept} rather than a page, with {@code headers} (name, value, ...) added. */
    public HttpResponse<String> get(String path, String accept, String... headers) {
        HttpRequest.Builder request = request(path, accept).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** Posts {@code fields} as a form, with the last page's CSRF token unless {@code fields} has one. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("csrfToken", csrfToken);
        form.putAll(fields);
        String body = form.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts a form whose fields may repeat (ticked boxes of one name): {@code fields} as name, value, name, value... */
    public HttpResponse<String> postRepeated(String path, String... fields) {
        StringBuilder body = new StringBuilder("csrfToken=" + encode(csrfToken));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
        }
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /**
     * Posts {@code fields} and one file as {@code multipart/form-data}, as a form with a file input does,
     * with the last page's CSRF token unless {@code fields} has one.
     */
    public HttpResponse<String> upload(String path, Map<String, String> fields, String fileField, String fileName,
                                       String contentType, byte[] content) {
        String boundary = "----noc-test-" + Long.toHexString(System.nanoTime());
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("csrfToken", csrfToken);
        form.putAll(fields);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> field : form.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** Signs in through the form, failing unless it sends the browser on to {@code landing}. */
    public void signIn(String username, String password, String landing) {
        get("/signin");
        HttpResponse<String> answer = post("/signin", Map.of("username", username, "password", password));
        if (answer.statusCode() != 303 || !landing.equals(answer.headers().firstValue("Location").orElse(""))) {
            throw new AssertionError("signing in as " + username + " answered " + answer.statusCode() + " "
                    + answer.headers().map() + ": " + answer.body());
        }
    }

    /** The status and first bytes of a stream that does not end (server-sent events), then closes it. */
    public StreamStart open(String path, int bytes) {
        try {
            HttpResponse<InputStream> answer = http.send(request(path, "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = answer.body()) {
                String start = answer.statusCode() == 200 ? new String(body.readNBytes(bytes), StandardCharsets.UTF_8) : "";
                return new StreamStart(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""), start);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a stream began with. */
    public record StreamStart(int status, String contentType, String start) {
    }

    private HttpRequest.Builder request(String path) {
        return request(path, "text/html,application/xhtml+xml,*/*;q=0.8");
    }

    private HttpRequest.Builder request(String path, String accept) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", accept).header("Accept-Language", language);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF.matcher(answer.body());
            if (token.find()) {
                csrfToken = token.group(1);
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
