-- Several correlators may deliver from one outbox: a delivery attempt first claims its rows, marking
-- them as its process's until its lease ends, so that no other process sends them meanwhile; the
-- claim of a process that died mid-send runs out and the row is taken over. claimed_by stays as the
-- process that tried last; claimed_until is cleared once the attempt is recorded.
ALTER TABLE outbox
    ADD COLUMN claimed_by    VARCHAR(255) NULL,
    ADD COLUMN claimed_until DATETIME(3)  NULL;
-- A claim walks the due rows of one channel in id order and stops at its limit: with the old index
-- (delivered_at, failed_at, next_attempt_at) MariaDB read and sorted every due row of both channels,
-- and locked them all until the claim committed, so that a second process found nothing to take.
CREATE INDEX outbox_claim ON outbox (channel, delivered_at, failed_at, id);
