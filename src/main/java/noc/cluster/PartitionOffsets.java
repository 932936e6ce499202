package noc.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import noc.configuration.NodeIdentity;
import noc.database.Times;
import noc.engine.FencedException;

/**
 * Where each partition of the inputs topic resumes, and which node owns it (table
 * {@code input_partition}). An engine that is assigned a partition {@link #take}s it, which bumps the
 * partition's epoch; each cycle of that partition then {@link #advance}s the stored offset in its
 * own transaction, under that epoch. Once another node has taken the partition, the epoch no longer
 * matches and the cycle is refused ({@link FencedException}) before anything of it is written: the
 * offset and what the inputs did move together, and only the owner moves them.
 */
@Singleton
@Requires(condition = Roles.Engine.class)
public class PartitionOffsets {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PartitionOffsets.class);

    private static final String TAKE = """
            INSERT INTO input_partition (topic, partition_no, next_offset, owner_epoch, owner_node, taken_at,
                                         topic_id)
            VALUES (?, ?, NULL, 1, ?, ?, ?)
            ON DUPLICATE KEY UPDATE owner_epoch = owner_epoch + 1, owner_node = VALUES(owner_node),
                taken_at = VALUES(taken_at), topic_id = COALESCE(VALUES(topic_id), topic_id)""";
    private static final String READ = "SELECT owner_epoch, next_offset FROM input_partition WHERE topic = ? "
            + "AND partition_no = ?";
    /** Locks the row, if any, while the take decides whether its offset still means anything. */
    private static final String STORED_TOPIC = "SELECT topic_id FROM input_partition WHERE topic = ? "
            + "AND partition_no = ? FOR UPDATE";
    private static final String FORGET_OFFSET = "UPDATE input_partition SET next_offset = NULL WHERE topic = ? "
            + "AND partition_no = ?";
    /** Rows matched, not changed, are counted (the driver's default): an unchanged offset still passes the fence. */
    private static final String ADVANCE = """
            UPDATE input_partition SET next_offset = CASE WHEN ? < 0 THEN next_offset
                    ELSE GREATEST(COALESCE(next_offset, 0), ?) END, committed_at = ?
            WHERE topic = ? AND partition_no = ? AND owner_epoch = ?""";

    private final TransactionOperations<Connection> transactions;
    private final NodeIdentity node;
    private final Clock clock;

    public PartitionOffsets(TransactionOperations<Connection> transactions, NodeIdentity node, Clock clock) {
        this.transactions = transactions;
        this.node = node;
        this.clock = clock;
    }

    /** What a node holds of a partition it took: the epoch its cycles commit under, and where to resume. */
    public record Taken(int partition, long epoch, long nextOffset) {
        /** Whether no cycle of this partition ever committed: start from the topic's beginning. */
        public boolean fromStart() {
            return nextOffset < 0;
        }
    }

    /** Takes {@code partition} of {@code topic} for this node: any earlier owner's cycles are refused from now on. */
    public Taken take(String topic, int partition) {
        return take(topic, partition, null);
    }

    /**
     * Takes {@code partition} of {@code topic}, whose id Kafka says is {@code topicId} (null when not
     * known): a stored offset of a topic of another id (deleted and made again) is forgotten, and the
     * partition starts from the beginning of the topic as it is now.
     */
    public Taken take(String topic, int partition, String topicId) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement stored = connection.prepareStatement(STORED_TOPIC)) {
                stored.setString(1, topic);
                stored.setInt(2, partition);
                try (ResultSet row = stored.executeQuery()) {
                    String before = row.next() ? row.getString(1) : null;
                    if (before != null && topicId != null && !before.equals(topicId)) {
                        LOG.warn("Topic {} was made again (id {}, stored offsets were of id {}): partition {} "
                                + "starts from its beginning", topic, topicId, before, partition);
                        try (PreparedStatement forget = connection.prepareStatement(FORGET_OFFSET)) {
                            forget.setString(1, topic);
                            forget.setInt(2, partition);
                            forget.executeUpdate();
                        }
                    }
                }
            }
            try (PreparedStatement take = connection.prepareStatement(TAKE)) {
                take.setString(1, topic);
                take.setInt(2, partition);
                take.setString(3, node.id());
                take.setObject(4, Times.toColumn(clock.instant()));
                take.setString(5, topicId);
                take.executeUpdate();
            }
            try (PreparedStatement read = connection.prepareStatement(READ)) {
                read.setString(1, topic);
                read.setInt(2, partition);
                try (ResultSet row = read.executeQuery()) {
                    row.next();
                    long epoch = row.getLong(1);
                    long next = row.getLong(2);
                    return new Taken(partition, epoch, row.wasNull() ? -1 : next);
                }
            }
        });
    }

    /**
     * In the cycle's transaction: records that the partition's inputs were applied up to
     * {@code nextOffset} (exclusive; negative when the cycle took none, for the fence alone), or throws
     * {@link FencedException} when another node took the partition since {@code taken}.
     */
    public void advance(Connection connection, String topic, Taken taken, long nextOffset) throws SQLException {
        try (PreparedStatement advance = connection.prepareStatement(ADVANCE)) {
            advance.setLong(1, nextOffset);
            advance.setLong(2, nextOffset);
            advance.setObject(3, Times.toColumn(clock.instant()));
            advance.setString(4, topic);
            advance.setInt(5, taken.partition());
            advance.setLong(6, taken.epoch());
            if (advance.executeUpdate() == 0) {
                throw new FencedException("partition " + taken.partition() + " of " + topic + " (epoch "
                        + taken.epoch() + ")");
            }
        }
    }
}
