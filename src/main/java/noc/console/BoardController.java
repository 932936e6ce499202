package noc.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
import noc.api.Problem;
import noc.api.ProblemException;
import noc.api.QueryParameters;
import noc.security.Role;
import org.reactivestreams.Publisher;

/**
 * The alarm board: the active alarms, kept current without a reload, and (tab {@code view=history})
 * the alarms cleared last. The page's table listens to {@code /board/events} and, at each
 * {@code alarms} event, reads {@code /board/rows} again with the page's filters ({@code severity},
 * repeated or comma-separated; {@code source}; {@code customer}; {@code q}) and sort ({@code sort},
 * {@code dir}).
 */
@Controller
@ConsolePage
@Hidden
@Secured(Role.VIEWER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class BoardController {

    /** The severities a filter offers, worst first. */
    private static final List<String> SEVERITIES = List.of("critical", "major", "minor", "warning", "indeterminate");

    /** The history's pages: {@code noc.console.board-rows} alarms at most, so 20 pages cover the largest. */
    private static final int MAX_PAGE = 20;

    private final BoardRows rows;
    private final BoardFeed feed;
    private final Csrf csrf;

    public BoardController(BoardRows rows, BoardFeed feed, Csrf csrf) {
        this.rows = rows;
        this.feed = feed;
        this.csrf = csrf;
    }

    /** The board's query parameters, as read and as links repeat them. */
    record Query(BoardRows.Filter filter, String source, String customer, String q, BoardSort sort, boolean history) {

        static Query of(List<String> severity, String source, String customer, String q, String sort, String dir,
                        boolean history) {
            // A cleared alarm's severity is "cleared" (the one before is not kept): the history has no severity filter.
            BoardRows.Filter filter = new BoardRows.Filter(history ? Set.of()
                    : QueryParameters.choices(Severity.class, severity, "severity"), source, customer, q);
            return new Query(filter, orEmpty(source), orEmpty(customer), orEmpty(q),
                    BoardSort.of(sort, dir, history), history);
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value.strip();
        }

        /** The same filters on the other tab. */
        Query in(boolean otherHistory) {
            return new Query(filter, source, customer, q, sort, otherHistory);
        }

        List<String> chosen() {
            return filter.severities().stream().map(level -> level.name().toLowerCase(Locale.ROOT)).sorted().toList();
        }

        /** {@code path} with these filters and {@code sorted}, leaving out what is the default. */
        String link(String path, BoardSort sorted, int page) {
            UriBuilder uri = UriBuilder.of(path);
            if (history && path.equals("/")) {
                uri.queryParam("view", "history");
            }
            chosen().forEach(level -> uri.queryParam("severity", level));
            for (String[] parameter : new String[][] {{"source", source}, {"customer", customer}, {"q", q}}) {
                if (!parameter[1].isEmpty()) {
                    uri.queryParam(parameter[0], parameter[1]);
                }
            }
            if (!sorted.equals(BoardSort.byDefault(history))) {
                uri.queryParam("sort", sorted.column().key());
                if (!sorted.natural()) {
                    uri.queryParam("dir", sorted.direction().key());
                }
            }
            if (page > 1) {
                uri.queryParam("page", page);
            }
            return uri.toString();
        }
    }

    /** A column's header: its text's key, the link that sorts by it, and its {@code aria-sort}. */
    public record Header(String key, String label, String href, @Nullable String ariaSort) {
    }

    @Get(uri = "/", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> board(HttpRequest<?> request, Authentication caller,
                                 @QueryValue @Nullable List<String> severity, @QueryValue @Nullable String source,
                                 @QueryValue @Nullable String customer, @QueryValue @Nullable String q,
                                 @QueryValue @Nullable String sort, @QueryValue @Nullable String dir,
                                 @QueryValue @Nullable String view, @QueryValue @Nullable String page) {
        boolean history = history(view);
        Query query = Query.of(severity, source, customer, q, sort, dir, history);
        MutableHttpResponse<Object> response = HttpResponse.ok();
        Map<String, Object> model = history ? historyModel(query, ConsoleParameters.page(page, MAX_PAGE))
                : boardModel(query);
        model.put("user", caller.getName());
        model.put("csrfToken", csrf.token(request, response));
        model.put("severities", SEVERITIES);
        model.put("history", history);
        // The tabs keep the filters, and the sort where the other tab has its column.
        BoardSort activeSort = query.sort().column() == BoardSort.Column.CLEARED ? BoardSort.byDefault(false)
                : query.sort();
        model.put("boardLink", query.in(false).link("/", activeSort, 1));
        BoardSort historySort = query.sort().equals(BoardSort.byDefault(false)) ? BoardSort.byDefault(true)
                : query.sort();
        model.put("historyLink", query.in(true).link("/", historySort, 1));
        return response.body(new ModelAndView<>("board", model));
    }

    @Get(uri = "/board/rows", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> rows(@QueryValue @Nullable List<String> severity, @QueryValue @Nullable String source,
                                @QueryValue @Nullable String customer, @QueryValue @Nullable String q,
                                @QueryValue @Nullable String sort, @QueryValue @Nullable String dir) {
        return HttpResponse.ok(new ModelAndView<>("board-rows",
                boardModel(Query.of(severity, source, customer, q, sort, dir, false))));
    }

    @Get(uri = "/board/events", produces = MediaType.TEXT_EVENT_STREAM)
    public HttpResponse<Publisher<Event<String>>> events() {
        return feed.follow().<HttpResponse<Publisher<Event<String>>>>map(HttpResponse::ok)
                .orElseGet(() -> HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE));
    }

    private Map<String, Object> boardModel(Query query) {
        BoardRows.Board board = rows.read(query.filter(), query.sort());
        Map<String, Object> model = filterModel(query, BoardSort.BOARD);
        model.put("rows", board.rows());
        model.put("truncated", board.truncated());
        model.put("limit", rows.limit());
        model.put("rowsUrl", query.link("/board/rows", query.sort(), 1));
        return model;
    }

    private Map<String, Object> historyModel(Query query, int number) {
        List<BoardSort.Column> columns = new ArrayList<>(BoardSort.BOARD);
        columns.add(BoardSort.Column.CLEARED);
        BoardRows.History found = rows.history(query.filter(), query.sort(), number);
        Map<String, Object> model = filterModel(query, columns);
        model.put("rows", found.rows());
        model.put("truncated", found.truncated());
        model.put("limit", rows.limit());
        model.put("page", found.page());
        model.put("previous", number > 1 ? query.link("/", query.sort(), number - 1) : null);
        model.put("next", found.more() && number < MAX_PAGE ? query.link("/", query.sort(), number + 1) : null);
        return model;
    }

    private static Map<String, Object> filterModel(Query query, List<BoardSort.Column> columns) {
        Map<String, Object> model = new HashMap<>();
        model.put("chosen", query.chosen());
        model.put("source", query.source());
        model.put("customer", query.customer());
        model.put("q", query.q());
        // The filter form keeps a chosen sort (hidden fields), and leaves the default out of the address.
        boolean chosenSort = !query.sort().equals(BoardSort.byDefault(query.history()));
        model.put("sort", chosenSort ? query.sort().column().key() : null);
        model.put("dir", chosenSort && !query.sort().natural() ? query.sort().direction().key() : null);
        List<Header> headers = new ArrayList<>();
        for (BoardSort.Column column : columns) {
            boolean current = column == query.sort().column();
            headers.add(new Header(column.key(), column.label(),
                    query.link("/", query.sort().next(column), 1),
                    current ? query.sort().direction() == BoardSort.Direction.ASC ? "ascending" : "descending" : null));
        }
        model.put("headers", headers);
        return model;
    }

    private static boolean history(@Nullable String view) {
        if (view == null || view.isBlank() || view.strip().equals("active")) {
            return false;
        }
        if (view.strip().equals("history")) {
            return true;
        }
        throw ProblemException.badRequest("view must be active or history",
                List.of(new Problem.FieldError("view", "must be active or history, not '" + view + "'")));
    }
}
