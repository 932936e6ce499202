package noc.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import noc.api.Problem;
import noc.maintenance.MaintenanceStore;
import noc.notify.Outbox;
import noc.security.Role;
import noc.ticket.EscalationState;
import noc.ticket.TicketAction;
import noc.ticket.TicketController;
import noc.ticket.TicketStatus;
import noc.ticket.TicketViews;

/**
 * What the ticket page shows: the API's own view of the ticket ({@link TicketController#show}, so the
 * page and {@code GET /api/v1/tickets/{reference}} never disagree), its notifications from the outbox,
 * and the buttons of the actions the state table allows now, for an operator only.
 */
@Singleton
public class TicketPage {

    /** The actions the support centre takes from the page, in the order of their buttons. */
    static final List<TicketAction> STAFF_ACTIONS = List.of(TicketAction.ACKNOWLEDGE,
            TicketAction.ACKNOWLEDGE_ESCALATION, TicketAction.COMMENT, TicketAction.SET_PRIORITY, TicketAction.WAIT,
            TicketAction.RESUME, TicketAction.ASK_CUSTOMER, TicketAction.CUSTOMER_REPLY, TicketAction.RESOLVE,
            TicketAction.ESCALATE, TicketAction.LINK_CUSTOMER, TicketAction.CLOSE_UNRESPONSIVE);

    private final TicketController tickets;
    private final Outbox outbox;
    private final MaintenanceStore maintenance;

    public TicketPage(TicketController tickets, Outbox outbox, MaintenanceStore maintenance) {
        this.tickets = tickets;
        this.outbox = outbox;
        this.maintenance = maintenance;
    }

    /**
     * The page's model for {@code caller}, with what a refused or invalid action answered, if anything.
     *
     * @param refusal why the last action was refused (the 409's reason), or null
     * @param errors  the fields the last form got wrong, or empty
     */
    public Map<String, Object> model(String reference, Authentication caller, @Nullable String refusal,
                                     List<Problem.FieldError> errors) {
        TicketViews.Detail ticket = tickets.show(reference, caller);
        boolean operator = caller.getRoles().contains(Role.OPERATOR_NAME);
        Map<String, Object> model = new HashMap<>();
        model.put("user", caller.getName());
        model.put("ticket", ticket);
        model.put("sla", bar(ticket.sla()));
        model.put("escalation", ticket.escalation() == null ? EscalationState.none() : ticket.escalation());
        model.put("maintenance", maintenance.find(reference).isPresent());
        model.put("actions", operator ? actions(ticket) : List.of());
        model.put("notifications", outbox.ofTicket(reference));
        model.put("operator", operator);
        model.put("refusal", refusal);
        model.put("errors", errors);
        model.put("priorities", List.of(noc.ticket.Priority.values()));
        model.put("waitReasons", List.of(noc.ticket.WaitReason.values()));
        return model;
    }

    /** The path words ({@code set-priority}) of the actions the state table allows on {@code ticket} now. */
    static List<String> actions(TicketViews.Detail ticket) {
        TicketStatus status = TicketStatus.valueOf(ticket.status());
        EscalationState escalation = ticket.escalation();
        List<String> allowed = new ArrayList<>();
        for (TicketAction action : STAFF_ACTIONS) {
            // An escalation is acknowledged only while a level awaits it.
            boolean pending = action != TicketAction.ACKNOWLEDGE_ESCALATION
                    || (escalation != null && escalation.level() > 0 && escalation.acknowledgementDue() != null);
            if (pending && action.allowedFrom(status)) {
                allowed.add(action.path());
            }
        }
        return allowed;
    }

    /** The bar of the API's {@code sla} view (ISO 8601 durations). */
    static SlaBar bar(TicketViews.Sla sla) {
        return SlaBar.of(sla.restoreObjective() == null ? null : Duration.parse(sla.restoreObjective()),
                Duration.parse(sla.elapsed()), sla.breached(), sla.waitingSince() != null);
    }
}
