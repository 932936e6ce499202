package noc.ticket;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;
import noc.api.EngineCommands;
import noc.api.FieldReader;
import noc.api.ProblemException;
import noc.security.Callers;
import noc.security.Role;

/**
 * Incidents declared by customers (PROCEDURE.md P-2): every P-2.2 field is required and named in the
 * 400 answer when missing or invalid; the answer, once committed, carries the ticket reference.
 */
@Secured({Role.OPERATOR_NAME, Role.CUSTOMER_NAME})
@Controller("/api/v1/incidents")
// on an engine node a declaration is published to Kafka and its outcome awaited: never on the event loop
@io.micronaut.scheduling.annotation.ExecuteOn(io.micronaut.scheduling.TaskExecutors.BLOCKING)
public class IncidentController {

    private final EngineCommands commands;
    private final TicketRepository tickets;
    private final TicketStore store;

    public IncidentController(EngineCommands commands, TicketRepository tickets, TicketStore store) {
        this.store = store;
        this.commands = commands;
        this.tickets = tickets;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<TicketViews.Summary>> declare(@Valid @Body DeclarationBody body,
                                                                        Authentication caller) {
        // A customer declares for its own customer, whatever the body names.
        String customer = Callers.customer(caller).orElse(body.customerName().strip());
        FieldReader errors = new FieldReader();
        Declaration declaration = body.declaration(customer, caller.getName(), errors);
        errors.refuseIfInvalid("the declaration was not taken");
        return commands.submit(declaration, reply -> {
            if (!(reply instanceof Declaration.Opened opened)) {
                throw new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "not-opened", "The declaration was taken "
                        + "but no rule opened its ticket: check the rules at GET /api/v1/rules/status", List.of());
            }
            return HttpResponse.created(tickets.findById(opened.reference())
                    .map(row -> TicketViews.Summary.of(store.toFact(row))).orElseThrow());
        });
    }
}
