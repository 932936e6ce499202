package noc.console;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import noc.api.ProblemException;
import noc.api.QueryParameters;
import noc.security.Role;
import noc.ticket.Priority;
import noc.ticket.TicketStatus;

/**
 * The ticket queue ({@code /tickets}): the open tickets by priority with their SLA bars, filtered by
 * {@code priority} and {@code status} (each repeated or comma-separated), {@code customer} (an inventory
 * customer's exact name) and {@code view} ({@code mine}, {@code unacknowledged}, {@code escalated}),
 * {@code page} by {@code page}.
 */
@Controller
@ConsolePage
@Hidden
@Secured(Role.VIEWER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TicketQueueController {

    private final TicketQueue queue;
    private final Csrf csrf;
    private final Clock clock;

    public TicketQueueController(TicketQueue queue, Csrf csrf, Clock clock) {
        this.queue = queue;
        this.csrf = csrf;
        this.clock = clock;
    }

    @Get(uri = "/tickets", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> queue(HttpRequest<?> request, Authentication caller,
                                 @QueryValue @Nullable List<String> priority, @QueryValue @Nullable List<String> status,
                                 @QueryValue @Nullable String customer, @QueryValue @Nullable String view,
                                 @QueryValue @Nullable String page) {
        TicketQueue.Filter filter = new TicketQueue.Filter(
                QueryParameters.choices(Priority.class, priority, "priority"),
                QueryParameters.choices(TicketStatus.class, status, "status"), customer,
                QueryParameters.choice(TicketQueue.View.class, view, "view", TicketQueue.View.ALL), ConsoleParameters.page(page, TicketQueue.MAX_PAGE));
        TicketQueue.Page found = queue.read(filter, caller.getName(), clock.instant());
        MutableHttpResponse<Object> response = HttpResponse.ok();
        Map<String, Object> model = new HashMap<>();
        model.put("user", caller.getName());
        model.put("csrfToken", csrf.token(request, response));
        model.put("rows", found.rows());
        model.put("priorities", List.of(Priority.values()));
        model.put("statuses", List.of(TicketStatus.values()).stream().filter(TicketStatus::isOpen).toList());
        model.put("views", List.of(TicketQueue.View.values()));
        model.put("chosenPriorities", filter.priorities());
        model.put("chosenStatuses", filter.statuses());
        model.put("customer", filter.customer() == null ? "" : filter.customer());
        model.put("view", filter.view());
        model.put("page", filter.page());
        model.put("previous", filter.page() > 1 ? link(filter, filter.page() - 1) : null);
        boolean more = found.more() && filter.page() < TicketQueue.MAX_PAGE;
        model.put("next", more ? link(filter, filter.page() + 1) : null);
        return response.body(new ModelAndView<>("tickets", model));
    }

    /** The queue's page {@code number} with the same filters. */
    private static String link(TicketQueue.Filter filter, int number) {
        UriBuilder uri = UriBuilder.of("/tickets");
        filter.priorities().stream().sorted().forEach(chosen -> uri.queryParam("priority", chosen.name()));
        filter.statuses().stream().sorted().forEach(chosen -> uri.queryParam("status", lower(chosen)));
        if (filter.customer() != null) {
            uri.queryParam("customer", filter.customer());
        }
        if (filter.view() != TicketQueue.View.ALL) {
            uri.queryParam("view", lower(filter.view()));
        }
        return uri.queryParam("page", number).toString();
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
