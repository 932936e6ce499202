package noc.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import noc.api.Problem;
import noc.api.ProblemException;

/** {@code limit} and {@code after} for the lists of users, tokens and audit entries. */
final class Paging {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private Paging() {
    }

    static int limit(String given) {
        if (given == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(given);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("limit must be a number from 1 to " + MAX_LIMIT,
                List.of(new Problem.FieldError("limit", "must be a number from 1 to " + MAX_LIMIT)));
    }

    /** The page, with a {@code Link: <...>; rel="next"} when {@code next} (the last key) is not null. */
    static <T> MutableHttpResponse<List<T>> answer(HttpRequest<?> request, List<T> page, String next) {
        MutableHttpResponse<List<T>> response = HttpResponse.ok(page);
        if (next != null) {
            StringBuilder query = new StringBuilder();
            request.getParameters().forEach((name, values) -> {
                if (!name.equals("after")) {
                    values.forEach(value -> query.append(query.isEmpty() ? "" : "&").append(encode(name)).append('=')
                            .append(encode(value)));
                }
            });
            query.append(query.isEmpty() ? "" : "&").append("after=").append(encode(next));
            response.header("Link", "<" + request.getPath() + "?" + query + ">; rel=\"next\"");
        }
        return response;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
