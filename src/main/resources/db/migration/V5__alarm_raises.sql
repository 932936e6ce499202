-- The last raise times of an alarm (epoch milliseconds, comma-separated), for flapping detection.
ALTER TABLE alarm ADD COLUMN raises VARCHAR(400) NOT NULL DEFAULT '';
