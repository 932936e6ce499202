-- A ticket's SLA clock (PROCEDURE.md P-3, P-6.2): its restore objective, the time spent waiting on
-- the customer (which counts toward nothing), the current wait, and whether the objective was missed.
ALTER TABLE ticket
    ADD COLUMN restore_objective_ms BIGINT      NULL,
    ADD COLUMN paused_ms            BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN waiting_since        DATETIME(3) NULL,
    ADD COLUMN breached             BOOLEAN     NOT NULL DEFAULT FALSE;
