package noc.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import noc.alarm.Severity;
import noc.api.QueryParameters;
import noc.security.Role;
import org.reactivestreams.Publisher;

/**
 * The alarm board: the active alarms, kept current without a reload. The page's table listens to
 * {@code /board/events} and, at each {@code alarms} event, reads {@code /board/rows} again with the
 * page's filters ({@code severity}, repeated or comma-separated; {@code source}; {@code q}).
 */
@Controller
@ConsolePage
@Hidden
@Secured(Role.VIEWER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class BoardController {

    /** The severities a filter offers, worst first. */
    private static final List<String> SEVERITIES = List.of("critical", "major", "minor", "warning", "indeterminate");

    private final BoardRows rows;
    private final BoardFeed feed;
    private final Csrf csrf;

    public BoardController(BoardRows rows, BoardFeed feed, Csrf csrf) {
        this.rows = rows;
        this.feed = feed;
        this.csrf = csrf;
    }

    @Get(uri = "/", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> board(HttpRequest<?> request, Authentication caller,
                                 @QueryValue @Nullable List<String> severity, @QueryValue @Nullable String source,
                                 @QueryValue @Nullable String q) {
        BoardRows.Filter filter = filter(severity, source, q);
        MutableHttpResponse<Object> response = HttpResponse.ok();
        Map<String, Object> model = model(filter, source, q);
        model.put("user", caller.getName());
        model.put("csrfToken", csrf.token(request, response));
        model.put("severities", SEVERITIES);
        model.put("rowsUrl", rowsUrl(filter, source, q));
        return response.body(new ModelAndView<>("board", model));
    }

    @Get(uri = "/board/rows", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> rows(@QueryValue @Nullable List<String> severity, @QueryValue @Nullable String source,
                                @QueryValue @Nullable String q) {
        BoardRows.Filter filter = filter(severity, source, q);
        Map<String, Object> model = model(filter, source, q);
        model.put("rowsUrl", rowsUrl(filter, source, q));
        return HttpResponse.ok(new ModelAndView<>("board-rows", model));
    }

    @Get(uri = "/board/events", produces = MediaType.TEXT_EVENT_STREAM)
    public HttpResponse<Publisher<Event<String>>> events() {
        return feed.follow().<HttpResponse<Publisher<Event<String>>>>map(HttpResponse::ok)
                .orElseGet(() -> HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE));
    }

    private static BoardRows.Filter filter(List<String> severity, String source, String q) {
        return new BoardRows.Filter(QueryParameters.choices(Severity.class, severity, "severity"), source, q);
    }

    private Map<String, Object> model(BoardRows.Filter filter, String source, String q) {
        BoardRows.Board board = rows.read(filter);
        Map<String, Object> model = new HashMap<>();
        model.put("rows", board.rows());
        model.put("truncated", board.truncated());
        model.put("chosen", filter.severities().stream().map(chosen -> chosen.name().toLowerCase(java.util.Locale.ROOT))
                .toList());
        model.put("source", source == null ? "" : source);
        model.put("q", q == null ? "" : q);
        return model;
    }

    private static String rowsUrl(BoardRows.Filter filter, String source, String q) {
        UriBuilder uri = UriBuilder.of("/board/rows");
        filter.severities().stream().map(chosen -> chosen.name().toLowerCase(java.util.Locale.ROOT)).sorted()
                .forEach(chosen -> uri.queryParam("severity", chosen));
        if (source != null && !source.isBlank()) {
            uri.queryParam("source", source);
        }
        if (q != null && !q.isBlank()) {
            uri.queryParam("q", q);
        }
        return uri.toString();
    }
}
