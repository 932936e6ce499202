package noc.notify;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import noc.api.ProblemException;
import noc.security.Role;
import noc.ticket.TicketRepository;

/** What was told of a ticket, to whom and how it went; a given-up notification sent again. */
@Secured(Role.VIEWER_NAME)
@Controller("/api/v1")
public class NotificationController {

    private final Outbox outbox;
    private final TicketRepository tickets;
    private final Clock clock;

    public NotificationController(Outbox outbox, TicketRepository tickets, Clock clock) {
        this.outbox = outbox;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** The ticket's notifications, oldest first: channel, recipient, event, PENDING/DELIVERED/FAILED. */
    @Get("/tickets/{reference}/notifications")
    public List<Outbox.Sent> ofTicket(@PathVariable String reference) {
        tickets.findById(reference).orElseThrow(() -> ProblemException.notFound("No ticket " + reference));
        return outbox.ofTicket(reference);
    }

    /** Sends a given-up (FAILED) notification again, its attempts counted afresh (journaled under the caller's name). */
    @Secured(Role.OPERATOR_NAME)
    @Post(uri = "/notifications/{id}/retry", consumes = {MediaType.APPLICATION_JSON, MediaType.ALL})
    public Map<String, Object> retry(@PathVariable long id, Authentication caller) {
        String by = caller.getName();
        Boolean retried = outbox.resend(id, by, clock.instant());
        if (retried == null) {
            throw ProblemException.notFound("No notification " + id);
        }
        if (!retried) {
            throw new ProblemException(HttpStatus.CONFLICT, "not-allowed", "Notification " + id
                    + " was not given up: it is delivered or still being tried", List.of());
        }
        return Map.of("id", id, "status", "PENDING");
    }
}
