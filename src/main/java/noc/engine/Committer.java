package noc.engine;

import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import noc.alarm.SourceKind;

/**
 * Writes one cycle, retrying with backoff while the database fails for a passing reason (connection,
 * deadlock, lock wait), and giving up at once when it refuses the data itself, which no retry would
 * change. Used by the commit thread and, while inputs are being isolated, by the engine thread.
 */
final class Committer {

    private static final Logger LOG = LoggerFactory.getLogger(Committer.class);

    /**
     * MariaDB errors about the data reported under the general state HY000: incorrect string value
     * (1366), no default for a field (1364), data truncated (1265), check constraint failed (3819).
     */
    private static final Set<Integer> DATA_ERRORS_WITHOUT_DATA_STATE = Set.of(1265, 1364, 1366, 3819);

    private final Writer writer;
    private final EngineConfiguration configuration;
    private final Map<SourceKind, Counter> committed = new EnumMap<>(SourceKind.class);
    private final BooleanSupplier running;
    private final Counter retries;

    Committer(Writer writer, EngineConfiguration configuration, MeterRegistry meters, BooleanSupplier running) {
        this.writer = writer;
        this.configuration = configuration;
        for (SourceKind source : SourceKind.values()) {
            committed.put(source, meters.counter("noc.engine.events.committed", "source", source.label()));
        }
        this.running = running;
        this.retries = meters.counter("noc.engine.commit.retries");
    }

    /** Writes a cycle in one transaction, or throws having written nothing of it. */
    interface Writer {
        void write(CycleChanges changes);
    }

    /** How a commit ended. */
    enum Result {
        COMMITTED,
        /** The database refused the data; nothing of the cycle was written. */
        REFUSED,
        /** The engine is stopping while the database still fails; nothing of the cycle was written. */
        ABANDONED,
        /** Another node owns the session's partition now: nothing of the cycle was written, nor will be. */
        FENCED
    }

    /** A commit's result, with the failure unless committed. */
    record Outcome(Result result, RuntimeException failure) {
        static final Outcome COMMITTED = new Outcome(Result.COMMITTED, null);
    }

    Outcome commit(CycleChanges changes, int inputs) throws InterruptedException {
        Duration pause = Duration.ofMillis(100);
        while (true) {
            try {
                writer.write(changes);
                break;
            } catch (RuntimeException e) {
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    if (cause instanceof FencedException fenced) {
                        return new Outcome(Result.FENCED, fenced);
                    }
                }
                if (isDataRefusal(e)) {
                    return new Outcome(Result.REFUSED, e);
                }
                if (!running.getAsBoolean()) {
                    LOG.error("Stopping with a cycle that could not be committed ({} inputs)", inputs, e);
                    return new Outcome(Result.ABANDONED, e);
                }
                LOG.error("Committing a cycle failed; retrying in {} ms", pause.toMillis(), e);
                retries.increment();
                TimeUnit.MILLISECONDS.sleep(pause.toMillis());
                Duration doubled = pause.multipliedBy(2);
                pause = doubled.compareTo(configuration.commitRetryMax()) > 0 ? configuration.commitRetryMax() : doubled;
            }
        }
        for (Map.Entry<SourceKind, Integer> events : changes.events().entrySet()) {
            committed.get(events.getKey()).increment(events.getValue());
        }
        return Outcome.COMMITTED;
    }

    /**
     * Whether the database refused the data itself, so that retrying the same cycle can never succeed:
     * SQL state class 22 (data exception: too long, out of range, bad value), 23 (integrity: unique,
     * foreign key, not null), 44 (check option) and 45 (a trigger's or procedure's {@code SIGNAL}), and
     * a few MariaDB data errors reported as HY000. Everything else is retried: 08 (connection), 40
     * (deadlock, serialisation), 57 and HY000 (lost connection, lock wait timeout, server shutting
     * down), 42 (a missing table or privilege, which an operator fixes: refusing the inputs one by one
     * would lose them all), and a failure with no SQL state.
     */
    static boolean isDataRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("22") || state.startsWith("23") || state.startsWith("44")
                        || state.startsWith("45")) {
                    return true;
                }
                if (state.equals("HY000") && DATA_ERRORS_WITHOUT_DATA_STATE.contains(sql.getErrorCode())) {
                    return true;
                }
            }
        }
        return false;
    }
}
