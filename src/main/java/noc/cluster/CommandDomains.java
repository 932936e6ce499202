package noc.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import noc.inventory.CorrelationDomains;
import noc.inventory.InventoryStore;
import noc.maintenance.MaintenanceCompletion;
import noc.maintenance.MaintenanceRequest;
import noc.ticket.Declaration;
import noc.ticket.TicketCommand;

/**
 * The correlation domain a person's command is keyed by on the inputs topic (role {@code engine}), so
 * that it reaches the session that holds what it acts on (docs/correlation-domains.md):
 *
 * <ul>
 *   <li>a command on a ticket, and "operation done" on a window (which shares its ticket's
 *       reference): the ticket's domain, by the rule an engine rebuilding a partition follows
 *       ({@link PartitionOwnership#domainOfTicket(String, Supplier, PartitionOwnership.TicketFacts)}),
 *       from MariaDB's rows of that one ticket;</li>
 *   <li>a declaration: {@link CorrelationDomains#ofDeclaration};</li>
 *   <li>a maintenance plan: the one domain its scope lies in; for a scope over several, the least
 *       ticket home of the devices it covers, whose session tells the sessions of the others of the
 *       window ({@link WindowDomains#domainOf}). A scope the inventory places in no domain (services
 *       carried by no device) goes to {@value #UNPLACED}.</li>
 * </ul>
 *
 * The ticket a declaration or a plan opens is recorded with the domain it was keyed by
 * ({@code ticket_domain}), so that the commands on it, and a rebuild, find its session again.
 */
@Singleton
@Requires(condition = Roles.Engine.class)
public class CommandDomains {

    /** The domain of a maintenance plan whose scope the inventory places nowhere. */
    public static final String UNPLACED = "maintenance:unplaced";

    private static final String TICKET = """
            SELECT t.status, t.linked_to,
                   (SELECT MIN(a.source) FROM alarm a WHERE a.ticket_reference = t.reference
                        AND NOT EXISTS (SELECT 1 FROM alarm_ticket x WHERE x.alarm_key = a.reduction_key
                                        AND x.ticket_reference = a.ticket_reference)),
                   (SELECT p.domain FROM ticket_domain p WHERE p.reference = t.reference),
                   (SELECT MIN(x.home) FROM alarm_ticket x WHERE x.ticket_reference = t.reference)
            FROM ticket t WHERE t.reference = ?""";

    private final InventoryStore inventory;
    private final TransactionOperations<Connection> transactions;

    public CommandDomains(InventoryStore inventory, TransactionOperations<Connection> transactions) {
        this.inventory = inventory;
        this.transactions = transactions;
    }

    /** The domain {@code command} is keyed by. */
    public String of(Object command) {
        if (command instanceof TicketCommand ticket) {
            return ofTicket(ticket.reference());
        }
        if (command instanceof MaintenanceCompletion completion) {
            return ofTicket(completion.reference());
        }
        if (command instanceof Declaration declaration) {
            return domains().ofDeclaration(declaration.customerName(), declaration.serviceReferences());
        }
        if (command instanceof MaintenanceRequest request) {
            return WindowDomains.domainOf(domains(), request.devices(), request.sites(), request.services());
        }
        throw new IllegalArgumentException("not a command: " + command.getClass().getName());
    }

    /** The domain of ticket {@code reference}, from its rows (and the inventory, when it has alarms). */
    public String ofTicket(String reference) {
        Map<String, Row> rows = new HashMap<>();
        PartitionOwnership.TicketFacts facts = new PartitionOwnership.TicketFacts() {
            @Override
            public String leastSource(String ticket) {
                Row row = rows.computeIfAbsent(ticket, CommandDomains.this::row);
                return row.open() ? row.leastSource() : null;
            }

            @Override
            public String homeDomain(String ticket) {
                Row row = rows.computeIfAbsent(ticket, CommandDomains.this::row);
                return row.open() ? row.home() : null;
            }

            @Override
            public String pinnedDomain(String ticket) {
                return rows.computeIfAbsent(ticket, CommandDomains.this::row).pinned();
            }

            @Override
            public String linkedTo(String ticket) {
                Row row = rows.computeIfAbsent(ticket, CommandDomains.this::row);
                return row.open() ? row.linkedTo() : null;
            }
        };
        return PartitionOwnership.domainOfTicket(reference, this::domains, facts);
    }

    private CorrelationDomains domains() {
        return CorrelationDomains.of(inventory.load());
    }

    private Row row(String reference) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(TICKET)) {
                select.setString(1, reference);
                try (ResultSet found = select.executeQuery()) {
                    if (!found.next()) {
                        return new Row(false, null, null, null, null);
                    }
                    return new Row(!"CLOSED".equals(found.getString(1)), found.getString(2), found.getString(3),
                            found.getString(4), found.getString(5));
                }
            }
        });
    }

    /** What one ticket's rows say of its domain. */
    private record Row(boolean open, String linkedTo, String leastSource, String pinned, String home) {
    }
}
