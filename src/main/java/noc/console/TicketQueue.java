package noc.console;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import noc.database.SqlFilter;
import noc.ticket.EscalationState;
import noc.ticket.Priority;
import noc.ticket.SlaClock;
import noc.ticket.Ticket;
import noc.ticket.TicketRow;
import noc.ticket.TicketStatus;
import noc.ticket.TicketStore;

/**
 * The ticket queue: the tickets not yet closed, highest priority first and oldest first within a
 * priority, a bounded page at a time. The API lists newest first by a keyset; a queue is worked by
 * priority, so it reads its own order here, with the same rows turned into the same facts
 * ({@link TicketStore#toFact}) and the SLA counted as the API counts it.
 */
@Singleton
public class TicketQueue {

    /** Tickets on one page of the queue. */
    static final int PAGE_SIZE = 50;
    /** The last page one can ask for: open tickets are few, and an offset this deep is still cheap. */
    static final int MAX_PAGE = 200;

    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;
    private final TicketStore store;

    public TicketQueue(TransactionOperations<Connection> transactions, JdbcOperations jdbc, TicketStore store) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.store = store;
    }

    /** Which of the queue's views: everything, what the user worked on, what no one took yet, what was escalated. */
    public enum View {
        ALL, MINE, UNACKNOWLEDGED, ESCALATED
    }

    /**
     * What the queue shows: each filter narrows, empty or null narrows nothing.
     *
     * @param customer an inventory customer's name, exactly
     * @param page     from 1
     */
    public record Filter(Set<Priority> priorities, Set<TicketStatus> statuses, @Nullable String customer, View view,
                         int page) {

        public Filter {
            priorities = Set.copyOf(priorities);
            statuses = Set.copyOf(statuses);
            customer = ConsoleParameters.blankToNull(customer);
        }
    }

    /** One ticket of the queue, ready to show. */
    public record Row(String reference, String priority, String status, String title, List<String> customers,
                      int escalationLevel, @Nullable Instant acknowledgementDue, String age, SlaBar sla) {
    }

    /** A page of the queue, and whether another follows. */
    public record Page(List<Row> rows, boolean more) {
    }

    /** The page {@code filter} asks for, as {@code user} sees it (for {@link View#MINE}), at {@code now}. */
    public Page read(Filter filter, String user, Instant now) {
        SqlFilter where = new SqlFilter();
        where.in("status", (filter.statuses().isEmpty() ? Arrays.stream(TicketStatus.values())
                .filter(TicketStatus::isOpen).toList() : filter.statuses().stream().sorted().toList())
                .stream().map(TicketStatus::name).toList());
        where.in("priority", filter.priorities().stream().sorted().map(Priority::name).toList());
        if (filter.customer() != null) {
            where.and("JSON_CONTAINS(customers, JSON_QUOTE(?))", filter.customer());
        }
        switch (filter.view()) {
            case ALL -> {
            }
            // Mine: a ticket the user acted on (acknowledged, commented, any journaled action of theirs)
            // or whose escalation they acknowledged.
            case MINE -> where.and("escalation_acknowledged_by = ? OR EXISTS (SELECT 1 FROM ticket_journal j "
                    + "WHERE j.ticket_reference = ticket.reference AND j.author_kind = 'PERSON' AND j.author = ?)",
                    user, user);
            // Unacknowledged: no one took it yet, or its escalation level has not acknowledged.
            case UNACKNOWLEDGED -> where.and("status = ? OR escalation_acknowledgement_due IS NOT NULL",
                    TicketStatus.OPEN.name());
            case ESCALATED -> where.and("escalation_level > 0");
        }
        String sql = "SELECT * FROM ticket" + where.where()
                + " ORDER BY priority, opened_at, reference LIMIT ? OFFSET ?";
        List<TicketRow> found = transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                int next = where.bind(statement);
                statement.setInt(next, PAGE_SIZE + 1);
                statement.setInt(next + 1, (filter.page() - 1) * PAGE_SIZE);
                List<TicketRow> rows = new ArrayList<>();
                try (ResultSet results = statement.executeQuery()) {
                    while (results.next()) {
                        rows.add(jdbc.readEntity(results, TicketRow.class));
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the ticket queue: " + e.getMessage(), e);
            }
        });
        List<Row> rows = found.stream().limit(PAGE_SIZE).map(store::toFact).map(ticket -> row(ticket, now)).toList();
        return new Page(rows, found.size() > PAGE_SIZE);
    }

    private Row row(Ticket ticket, Instant now) {
        EscalationState escalation = ticket.escalation();
        return new Row(ticket.reference(), ticket.priority().name(), ticket.status().name(), ticket.title(),
                ticket.customers(), escalation.level(),
                escalation.acknowledgementDue(),
                SlaBar.text(Duration.between(ticket.openedAt(), now)), bar(ticket, now));
    }

    /** The ticket's SLA bar at {@code now}, counted as the API's {@code sla} view counts it. */
    static SlaBar bar(Ticket ticket, Instant now) {
        SlaClock clock = ticket.sla();
        Instant end = ticket.status() == TicketStatus.CLOSED ? ticket.updatedAt() : now;
        return SlaBar.of(clock.restoreObjective(), clock.elapsedAt(ticket.openedAt(), end), clock.breached(),
                clock.waitingSince() != null);
    }
}
