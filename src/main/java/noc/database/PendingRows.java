package noc.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A table whose rows the engine cycles write {@code pending} and a publisher sends (role {@code engine}:
 * {@code service_access}, {@code alarm_ticket}, {@code window_scope}). {@link #send} claims up to a
 * number of pending rows that no other node is sending ({@code FOR UPDATE SKIP LOCKED}), sends each
 * keyed as it says, waits until every send is acknowledged and clears {@code pending} for what it
 * sent, in the caller's transaction: a row that a cycle changes meanwhile waits for the lock and stays
 * pending, and no other node sends a row before this one's send is done, so one row's records keep
 * their order. A send that fails throws, the transaction rolls back, and the rows are sent again later.
 *
 * @param claim  {@code SELECT … WHERE pending LIMIT ? FOR UPDATE SKIP LOCKED}
 * @param done   {@code UPDATE … SET pending = FALSE WHERE …}, bound by {@code sent}
 * @param reader a claimed row
 * @param key    the record key a row is sent under
 * @param input  what is sent of a row
 * @param sent   binds {@code done}'s parameters for a row: its key and the version sent
 * @param <T>    a claimed row
 */
public record PendingRows<T>(String claim, String done, Reader<T> reader, java.util.function.Function<T, String> key,
                             java.util.function.Function<T, Object> input, Binder<T> sent) {

    /** Reads one claimed row. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Binds a statement's parameters for one row. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    /** Sends a pending row keyed by {@code key}; the future completes when the record is acknowledged. */
    @FunctionalInterface
    public interface Sender {
        Future<?> send(String key, Object input);
    }

    /** Claims, sends and marks sent up to {@code limit} rows on {@code connection}'s transaction; how many. */
    public int send(Connection connection, int limit, Sender sender, Duration wait) throws SQLException {
        List<T> claimed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(claim)) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    claimed.add(reader.read(rows));
                }
            }
        }
        if (claimed.isEmpty()) {
            return 0;
        }
        List<Future<?>> acknowledged = new ArrayList<>(claimed.size());
        try (PreparedStatement marked = connection.prepareStatement(done)) {
            for (T row : claimed) {
                acknowledged.add(sender.send(key.apply(row), input.apply(row)));
                sent.bind(marked, row);
                marked.addBatch();
            }
            await(acknowledged, wait);
            marked.executeBatch();
        }
        return claimed.size();
    }

    /** Waits until every send is acknowledged, within {@code wait} in all; fails on the first that is not. */
    private static void await(List<Future<?>> sends, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            for (Future<?> send : sends) {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("not acknowledged: " + e.getMessage(), e);
        }
    }
}
