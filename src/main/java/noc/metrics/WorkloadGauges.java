package noc.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import noc.alarm.AlarmState;
import noc.ticket.Priority;
import noc.ticket.TicketStatus;
import io.micronaut.context.annotation.Requires;
import noc.cluster.Roles;

/**
 * The gauges of open tickets by priority and of active alarms. They are counted in MariaDB on a
 * thread of their own every {@code noc.metrics.count-interval} (two indexed counts), so that a
 * scrape reads the last count and never waits for the database, even while it is down.
 */
@Context
@Requires(condition = Roles.OwnsDatabase.class)
public final class WorkloadGauges {

    private static final Logger LOG = LoggerFactory.getLogger(WorkloadGauges.class);
    private static final String OPEN_STATUSES = Arrays.stream(TicketStatus.values()).filter(TicketStatus::isOpen)
            .map(status -> "'" + status.name() + "'").collect(Collectors.joining(", "));

    private final TransactionOperations<Connection> transactions;
    private final Map<Priority, AtomicLong> openTickets = new EnumMap<>(Priority.class);
    private final AtomicLong activeAlarms = new AtomicLong();
    private final ScheduledExecutorService counter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "metrics-counts");
        thread.setDaemon(true);
        return thread;
    });

    public WorkloadGauges(TransactionOperations<Connection> transactions, MeterRegistry meters,
                          MetricsConfiguration configuration) {
        this.transactions = transactions;
        for (Priority priority : Priority.values()) {
            AtomicLong count = new AtomicLong();
            openTickets.put(priority, count);
            Gauge.builder("noc.tickets.open", count, AtomicLong::get).tag("priority", priority.name())
                    .register(meters);
        }
        Gauge.builder("noc.alarms.active", activeAlarms, AtomicLong::get).register(meters);
        counter.scheduleWithFixedDelay(this::count, 0, configuration.countInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void count() {
        try {
            transactions.executeRead(status -> {
                Connection connection = status.getConnection();
                Map<Priority, Long> byPriority = new EnumMap<>(Priority.class);
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT priority, COUNT(*) FROM ticket WHERE status IN (" + OPEN_STATUSES + ") GROUP BY priority");
                     ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        byPriority.put(Priority.valueOf(rows.getString(1)), rows.getLong(2));
                    }
                }
                long active;
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT COUNT(*) FROM alarm WHERE state = ?")) {
                    statement.setString(1, AlarmState.RAISED.name());
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        active = rows.getLong(1);
                    }
                }
                openTickets.forEach((priority, count) -> count.set(byPriority.getOrDefault(priority, 0L)));
                activeAlarms.set(active);
                return null;
            });
        } catch (RuntimeException e) {
            // The gauges keep their last count; the next round tries again.
            LOG.warn("Cannot count open tickets and active alarms for their gauges: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        counter.shutdownNow();
    }
}
