-- People who log in, the tokens integrations send, and the audit of logins and admin changes.

-- A person. roles: comma-separated role names (viewer, operator, rules, admin, intake, metrics,
-- customer). customer: the inventory customer a customer user is bound to. Tokens issued before
-- valid_after (a password, role or customer change) are no longer accepted.
CREATE TABLE app_user (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(255) NOT NULL,
    roles         VARCHAR(255) NOT NULL,
    customer      VARCHAR(255) NULL,
    valid_after   DATETIME(6)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- An integration's token: only the SHA-256 of the token is kept, shown once at creation.
CREATE TABLE api_token (
    name         VARCHAR(64)  NOT NULL PRIMARY KEY,
    token_hash   CHAR(64)     NOT NULL UNIQUE,
    roles        VARCHAR(255) NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    last_used_at DATETIME(6)  NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Logins, failed logins and every admin change, newest last.
CREATE TABLE audit (
    id      BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at      DATETIME(6)   NOT NULL,
    actor   VARCHAR(64)   NOT NULL,
    action  VARCHAR(64)   NOT NULL,
    target  VARCHAR(255)  NULL,
    address VARCHAR(64)   NULL,
    detail  VARCHAR(1000) NULL,
    INDEX audit_at (at),
    INDEX audit_actor (actor, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
