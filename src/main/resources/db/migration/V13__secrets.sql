-- Keys the service makes for itself at its first start and keeps, such as the one that signs the
-- links of emails (to confirm or dispute a resolution, to acknowledge an escalation).
CREATE TABLE app_secret (
    name  VARCHAR(64)  NOT NULL PRIMARY KEY,
    value VARCHAR(255) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
