-- When a ticket was last resolved, while it stays resolved: its confirmation period runs from there (P-4.3).
ALTER TABLE ticket ADD COLUMN resolved_at DATETIME(3) NULL;
