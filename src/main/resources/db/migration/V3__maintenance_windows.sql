-- Planned maintenance (PROCEDURE.md P-7); a window's reference is that of its P5 ticket.

ALTER TABLE ticket ADD COLUMN linked_to VARCHAR(32) NULL,
    ADD CONSTRAINT ticket_linked_to_fk FOREIGN KEY (linked_to) REFERENCES ticket (reference);

CREATE TABLE maintenance_window (
    reference          VARCHAR(32)   NOT NULL PRIMARY KEY,
    title              VARCHAR(512)  NOT NULL,
    description        VARCHAR(4000) NOT NULL,
    starts_at          DATETIME(3)   NOT NULL,
    ends_at            DATETIME(3)   NOT NULL,
    recurrence         VARCHAR(16)   NOT NULL,
    recurs_until       DATETIME(3)   NULL,
    operation_open     BOOLEAN       NOT NULL,
    checked_occurrence DATETIME(3)   NULL,
    affected_customers LONGTEXT      NOT NULL,
    requested_by       VARCHAR(255)  NOT NULL,
    CONSTRAINT maintenance_ticket_fk FOREIGN KEY (reference) REFERENCES ticket (reference)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE maintenance_scope (
    reference VARCHAR(32)  NOT NULL,
    kind      VARCHAR(16)  NOT NULL,
    name      VARCHAR(255) NOT NULL,
    PRIMARY KEY (reference, kind, name),
    CONSTRAINT maintenance_scope_window_fk FOREIGN KEY (reference) REFERENCES maintenance_window (reference)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
