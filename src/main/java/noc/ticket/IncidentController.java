package noc.ticket;

import io.micronaut.security.annotation.Secured;
import noc.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import noc.api.EngineCommands;
import noc.api.FieldReader;
import noc.api.JsonBodies;
import noc.api.ProblemException;
import io.micronaut.security.authentication.Authentication;
import noc.security.Callers;

/**
 * Incidents declared by customers (PROCEDURE.md P-2): every P-2.2 field is required and named in the
 * 400 answer when missing or invalid; the answer, once committed, carries the ticket reference.
 */
@Secured({Role.OPERATOR_NAME, Role.CUSTOMER_NAME})
@Controller("/api/v1/incidents")
public class IncidentController {

    private static final List<String> TEXT_FIELDS = List.of("customerName", "siteAddress", "contactName",
            "contactPhone", "contactEmail", "faultyElements", "description");

    private final EngineCommands commands;
    private final JsonMapper json;
    private final TicketRepository tickets;
    private final TicketStore store;

    public IncidentController(EngineCommands commands, JsonMapper json, TicketRepository tickets, TicketStore store) {
        this.store = store;
        this.commands = commands;
        this.json = json;
        this.tickets = tickets;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<TicketViews.Summary>> declare(@Body String body, Authentication caller) {
        Map<String, Object> fields = new java.util.HashMap<>(JsonBodies.object(json, body));
        // A customer declares for its own customer, whatever the body names.
        Callers.customer(caller).ifPresent(customer -> fields.put("customerName", customer));
        FieldReader errors = new FieldReader();
        for (String field : TEXT_FIELDS) {
            Object value = fields.get(field);
            if (value == null || String.valueOf(value).isBlank()) {
                errors.error(field, "is required (P-2.2)");
            } else if (String.valueOf(value).length() > (field.equals("description") ? 2000 : 255)) {
                errors.error(field, "is too long");
            }
        }
        String email = JsonBodies.text(fields, "contactEmail");
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.error("contactEmail", "must be an email address");
        }
        String phone = JsonBodies.text(fields, "contactPhone");
        if (phone != null && !phone.matches("[+0-9 ().-]{4,32}")) {
            errors.error("contactPhone", "must be a phone number such as +33 1 41 58 22 50");
        }
        List<String> services = new ArrayList<>();
        if (!(fields.get("serviceReferences") instanceof List<?> list) || list.isEmpty()) {
            errors.error("serviceReferences", "is required (P-2.2): an array of service references");
        } else {
            for (Object item : list) {
                if (item == null || String.valueOf(item).isBlank()) {
                    errors.error("serviceReferences", "must hold non-empty references");
                } else {
                    services.add(String.valueOf(item).strip());
                }
            }
        }
        Declaration.Impact impact = Declaration.Impact.DEGRADATION;
        String impactText = JsonBodies.text(fields, "impact");
        if (impactText != null) {
            try {
                impact = Declaration.Impact.valueOf(impactText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.error("impact", "must be loss, disruption, degradation or request, not '" + impactText + "'");
            }
        }
        if (!errors.ok()) {
            throw ProblemException.badRequest(errors.errors().size() + " problem(s); the declaration was not taken",
                    errors.errors());
        }
        AtomicReference<String> assigned = new AtomicReference<>();
        Declaration declaration = new Declaration(JsonBodies.text(fields, "customerName"),
                JsonBodies.text(fields, "siteAddress"), services, JsonBodies.text(fields, "contactName"), phone, email,
                JsonBodies.text(fields, "faultyElements"), JsonBodies.text(fields, "description"), impact,
                caller.getName(), assigned);
        return commands.submit(declaration, () -> {
            if (assigned.get() == null) {
                throw new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "not-opened", "The declaration was taken "
                        + "but no rule opened its ticket: check the rules at GET /api/v1/rules/status", List.of());
            }
            return HttpResponse.created(tickets.findById(assigned.get())
                    .map(row -> TicketViews.Summary.of(store.toFact(row))).orElseThrow());
        });
    }

}
