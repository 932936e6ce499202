-- Engines sharing the inputs topic (noc.role engine): a person's command received by one node is
-- applied by the node that owns its ticket's partition. The owner writes the command's outcome here,
-- in the transaction of the cycle that applied it; the node that took the request waits for the row
-- and answers from it. 'pending' is written by that node before it publishes the command; 'unsent'
-- when Kafka refused it. Rows older than a day are purged.
CREATE TABLE command_outcome (
    id     VARCHAR(64) NOT NULL PRIMARY KEY,
    status VARCHAR(16) NOT NULL,
    reply  LONGTEXT    NULL,
    at     DATETIME(3) NOT NULL,
    INDEX command_outcome_at (at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The correlation domain a ticket opened by a command (a declaration, a maintenance plan) was opened
-- in: such a ticket has no alarms to tell its domain by, and its session must be found again, by the
-- commands on it and by the engine rebuilding a partition. Written in the cycle that opened it.
CREATE TABLE ticket_domain (
    reference VARCHAR(32)  NOT NULL PRIMARY KEY,
    domain    VARCHAR(600) NOT NULL,
    pinned_at DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
