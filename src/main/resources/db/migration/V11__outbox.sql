-- Notifications to deliver (PROCEDURE.md P-4.2, P-5), written in the engine's cycle transaction and
-- delivered after it, retried with back-off; a row is delivered once.
CREATE TABLE outbox (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_reference VARCHAR(32)   NOT NULL,
    channel          VARCHAR(16)   NOT NULL,
    recipient        VARCHAR(1000) NOT NULL,
    event            VARCHAR(64)   NOT NULL,
    body             LONGTEXT      NOT NULL,
    created_at       DATETIME(3)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(3)   NOT NULL,
    delivered_at     DATETIME(3)   NULL,
    failed_at        DATETIME(3)   NULL,
    last_error       VARCHAR(2000) NULL,
    INDEX outbox_due (delivered_at, failed_at, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
