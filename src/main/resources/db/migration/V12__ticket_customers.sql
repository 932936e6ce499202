-- Who a ticket concerns and who is told of it (PROCEDURE.md P-1.3, P-2.3, P-4.2): the customers
-- (their contacts and project managers are told) and further addresses such as the declaring contact.
-- JSON arrays of strings.
ALTER TABLE ticket
    ADD COLUMN customers LONGTEXT NOT NULL DEFAULT '[]',
    ADD COLUMN watchers  LONGTEXT NOT NULL DEFAULT '[]';
