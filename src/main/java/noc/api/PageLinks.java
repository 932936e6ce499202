package noc.api;

import java.util.List;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.uri.UriBuilder;

/**
 * Answers a page as a JSON array, with the next page's URL in a {@code Link: <...>; rel="next"} header
 * (RFC 8288) when there is one: the request's path and query, its {@code after} replaced.
 */
public final class PageLinks {

    public static final String LINK = "Link";

    private PageLinks() {
    }

    public static <T> HttpResponse<List<T>> ok(HttpRequest<?> request, Page<T> page) {
        MutableHttpResponse<List<T>> response = HttpResponse.ok(page.items());
        if (page.next() != null) {
            response.header(LINK, "<" + next(request, page.next()) + ">; rel=\"next\"");
        }
        return response;
    }

    /** The relative URL (path and query) of the page after {@code cursor}, with the request's other parameters. */
    static String next(HttpRequest<?> request, Cursor cursor) {
        UriBuilder uri = UriBuilder.of(request.getPath());
        for (String name : request.getParameters().names()) {
            if (!name.equals("after")) {
                uri.queryParam(name, request.getParameters().getAll(name).toArray());
            }
        }
        return uri.queryParam("after", cursor.encode()).build().toString();
    }
}
