-- Where a ticket stands on the escalation ladder (PROCEDURE.md P-5): its level (0 to 3), when it was
-- last escalated, when that level must acknowledge, who did, and whether a missed restore objective
-- already escalated it.
ALTER TABLE ticket
    ADD COLUMN escalation_level               INT          NOT NULL DEFAULT 0,
    ADD COLUMN escalated_at                   DATETIME(3)  NULL,
    ADD COLUMN escalation_acknowledgement_due DATETIME(3)  NULL,
    ADD COLUMN escalation_acknowledged_by     VARCHAR(255) NULL,
    ADD COLUMN escalation_breach_escalated    BOOLEAN      NOT NULL DEFAULT FALSE;
