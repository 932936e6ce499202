-- Several correlators may deliver from one outbox: a delivery attempt first claims its rows, marking
-- them as its process's until its lease ends, so that no other process sends them meanwhile; the
-- claim of a process that died mid-send runs out and the row is taken over. claimed_by stays as the
-- process that tried last; claimed_until is cleared once the attempt is recorded.
ALTER TABLE outbox
    ADD COLUMN claimed_by    VARCHAR(255) NULL,
    ADD COLUMN claimed_until DATETIME(3)  NULL;
