-- A clear/repeat line of a flapping alarm is written once and then counted (noc.retention, README
-- "Bounded growth"): how many times it happened, and when last. The text is the last one's.
ALTER TABLE ticket_journal
    ADD COLUMN repeat_count BIGINT NOT NULL DEFAULT 1,
    ADD COLUMN last_at DATETIME(3) NULL;

-- The session loads the alarms cleared within the retention, not every cleared alarm ever stored.
CREATE INDEX alarm_state_cleared_at ON alarm (state, cleared_at);
