-- Engines sharing the work (noc.role engine): a maintenance window whose devices have several ticket
-- homes is held, with its P5 ticket, by the session of the least of them; the sessions of the other
-- homes' devices must know it, so that an alarm raised under it goes to that session instead of being
-- ticketed where it is (docs/correlation-domains.md, "50-maintenance.drl"). The holding session's cycle
-- writes one row per window and domain to tell; a publisher sends each pending row keyed by 'domain'
-- and clears 'pending'. A rebuilt session reads the windows themselves (maintenance_window).
CREATE TABLE window_scope (
    reference  VARCHAR(32)  NOT NULL,
    domain     VARCHAR(600) NOT NULL,
    scope      LONGTEXT     NOT NULL,
    pending    BOOLEAN      NOT NULL,
    updated_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (reference, domain),
    INDEX window_scope_pending (pending)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
