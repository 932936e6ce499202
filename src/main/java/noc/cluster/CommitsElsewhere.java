package noc.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import noc.console.BoardFeed;
import noc.console.ConsoleConfiguration;

/**
 * On an engine node, the board's live refresh for what the other engines commit: their cycles raise
 * no event here, but each one that wrote something moved its partition's {@code committed_at}
 * ({@link PartitionOffsets}). Read once a second (or per {@code noc.console.live-interval}, if longer)
 * while a browser follows the board; a change tells the browsers to read their rows again, as a cycle
 * committed here does.
 */
@Context
@Requires(condition = Roles.Engine.class)
public class CommitsElsewhere {

    private static final Logger LOG = LoggerFactory.getLogger(CommitsElsewhere.class);
    private static final String LATEST = "SELECT MAX(committed_at) FROM input_partition";

    private final TransactionOperations<Connection> transactions;
    private final BoardFeed board;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "commits-elsewhere");
        thread.setDaemon(true);
        return thread;
    });
    private Object latest;
    private boolean failing;

    public CommitsElsewhere(TransactionOperations<Connection> transactions, BoardFeed board,
                            ConsoleConfiguration configuration) {
        this.transactions = transactions;
        this.board = board;
        // at most once a second: a board a second late is live enough, and the engines' database is spared
        long interval = Math.max(1_000, configuration.liveInterval().toMillis());
        ticker.scheduleWithFixedDelay(this::look, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void look() {
        if (board.following() == 0) {
            return; // nobody watches the board: MariaDB is not asked (a new follower gets a first refresh anyway)
        }
        try {
            Object now = transactions.executeRead(status -> {
                try (PreparedStatement statement = status.getConnection().prepareStatement(LATEST);
                     ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getObject(1);
                }
            });
            if (!Objects.equals(now, latest)) {
                latest = now;
                board.changedElsewhere();
            }
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("Cannot read when the engines last committed; the board refreshes on this node's commits "
                        + "only until it can", e);
            }
            failing = true;
        }
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }
}
