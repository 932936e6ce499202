-- Times are UTC, to the millisecond.

CREATE TABLE ticket (
    reference       VARCHAR(32)   NOT NULL PRIMARY KEY,
    status          VARCHAR(32)   NOT NULL,
    priority        VARCHAR(2)    NOT NULL,
    title           VARCHAR(512)  NOT NULL,
    priority_reason VARCHAR(2000) NOT NULL,
    group_key       VARCHAR(512)  NOT NULL,
    opened_at       DATETIME(3)   NOT NULL,
    updated_at      DATETIME(3)   NOT NULL,
    INDEX ticket_status (status),
    INDEX ticket_opened_at (opened_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE alarm (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    reduction_key    VARCHAR(700)  NOT NULL,
    source_kind      VARCHAR(16)   NOT NULL,
    source           VARCHAR(255)  NOT NULL,
    name             VARCHAR(255)  NOT NULL,
    oid              VARCHAR(255)  NOT NULL,
    resource         VARCHAR(255)  NOT NULL,
    severity         VARCHAR(16)   NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    occurrences      BIGINT        NOT NULL,
    first_seen       DATETIME(3)   NOT NULL,
    last_seen        DATETIME(3)   NOT NULL,
    cleared_at       DATETIME(3)   NULL,
    ticket_reference VARCHAR(32)   NULL,
    attributes       LONGTEXT      NOT NULL,
    UNIQUE KEY alarm_reduction_key (reduction_key),
    INDEX alarm_state (state),
    INDEX alarm_ticket (ticket_reference),
    CONSTRAINT alarm_ticket_fk FOREIGN KEY (ticket_reference) REFERENCES ticket (reference)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ticket_journal (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_reference VARCHAR(32)   NOT NULL,
    at               DATETIME(3)   NOT NULL,
    author_kind      VARCHAR(16)   NOT NULL,
    author           VARCHAR(512)  NOT NULL,
    action           VARCHAR(64)   NOT NULL,
    text             VARCHAR(4000) NOT NULL,
    facts            LONGTEXT      NOT NULL,
    INDEX journal_ticket (ticket_reference, id),
    CONSTRAINT journal_ticket_fk FOREIGN KEY (ticket_reference) REFERENCES ticket (reference)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The last ticket number handed out per year: references are never reused.
CREATE TABLE ticket_reference_counter (
    year       INT    NOT NULL PRIMARY KEY,
    last_value BIGINT NOT NULL
) ENGINE = InnoDB;
