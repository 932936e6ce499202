-- What the engines of a cluster (noc.role engine) must each apply when one node changed it: the
-- inventory (written by whichever node's API received the change) and the rules (reloaded on one
-- node). Each engine node reads this small table every second and acts on a version it has not seen.
CREATE TABLE cluster_signal (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    version    BIGINT       NOT NULL,
    changed_by VARCHAR(255) NOT NULL,
    changed_at DATETIME(3)  NOT NULL
) ENGINE = InnoDB;
