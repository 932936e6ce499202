package noc.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * {@code /health/readiness} (and {@code /health}) shows whether MariaDB answers, without its URL or
 * user name (Micronaut's JDBC indicator, turned off, would show both to anyone).
 *
 * <p>It answers within {@link #ANSWER_WITHIN} whatever the database does: the check runs on a thread
 * of its own, and a check still waiting (for the pool's connection timeout, 30 s, while MariaDB is
 * unreachable) is reported DOWN instead of being waited for. At most one check runs at a time, and a
 * result is reused for {@link #REUSE_FOR}, so that frequent probes cost one round trip.
 */
@Singleton
@Readiness
public class DatabaseHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    static final Duration ANSWER_WITHIN = Duration.ofMillis(1500);
    static final Duration REUSE_FOR = Duration.ofSeconds(1);

    private final TransactionOperations<Connection> transactions;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-health");
        thread.setDaemon(true);
        return thread;
    });
    private final Object lock = new Object();
    private CompletableFuture<Check> check;
    private long checkedAt;

    /** What a check found: {@code reason} says why the database is not usable, null when it is. */
    record Check(String reason) {
    }

    public DatabaseHealthIndicator(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Check result = await(currentCheck());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("answers", result.reason() == null);
        if (result.reason() != null) {
            details.put("reason", result.reason());
        }
        healthStatus = result.reason() == null ? HealthStatus.UP : HealthStatus.DOWN;
        return details;
    }

    /** The running check, a result young enough to reuse, or a new check. */
    private CompletableFuture<Check> currentCheck() {
        synchronized (lock) {
            long now = System.nanoTime();
            boolean stale = check == null
                    || check.isDone() && now - checkedAt > REUSE_FOR.toNanos();
            if (stale) {
                check = CompletableFuture.supplyAsync(this::probe, checker)
                        .whenComplete((result, failure) -> {
                            synchronized (lock) {
                                checkedAt = System.nanoTime();
                            }
                        });
            }
            return check;
        }
    }

    private static Check await(CompletableFuture<Check> check) {
        try {
            return check.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Check("database unreachable: no answer within " + ANSWER_WITHIN.toMillis() + " ms");
        } catch (ExecutionException e) {
            return new Check(unreachable(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Check("health check interrupted");
        }
    }

    private Check probe() {
        try {
            boolean valid = transactions.executeRead(status -> status.getConnection().isValid(1));
            return new Check(valid ? null : "database unreachable: the connection does not answer");
        } catch (RuntimeException e) {
            return new Check(unreachable(e));
        }
    }

    /**
     * The SQL state of the failure, never its message: messages can hold the URL, the user or SQL.
     */
    static String unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return "database unreachable: SQL state " + sql.getSQLState();
            }
        }
        return "database unreachable: " + failure.getClass().getSimpleName();
    }

    @PreDestroy
    void stop() {
        checker.shutdownNow();
    }

    @Override
    protected String getName() {
        return "database";
    }
}
