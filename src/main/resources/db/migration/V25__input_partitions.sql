-- Engines sharing the inputs topic (noc.role engine) store here, per partition, where to resume: the
-- offset after the last input a committed cycle applied, written in that cycle's transaction. The
-- node that takes a partition bumps owner_epoch; a cycle commits only while the epoch it took the
-- partition under is still the row's, so that a node that lost the partition writes nothing more.
CREATE TABLE input_partition (
    topic        VARCHAR(249) NOT NULL,
    partition_no INT          NOT NULL,
    next_offset  BIGINT       NULL,
    owner_epoch  BIGINT       NOT NULL,
    owner_node   VARCHAR(255) NOT NULL,
    taken_at     DATETIME(3)  NOT NULL,
    committed_at DATETIME(3)  NULL,
    PRIMARY KEY (topic, partition_no)
) ENGINE = InnoDB;
