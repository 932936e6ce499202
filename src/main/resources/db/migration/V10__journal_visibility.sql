-- Who may read a journal entry: PUBLIC ones are for the customer too (PROCEDURE.md P-4.2).
ALTER TABLE ticket_journal ADD COLUMN visibility VARCHAR(16) NOT NULL DEFAULT 'INTERNAL';
