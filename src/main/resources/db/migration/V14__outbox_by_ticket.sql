-- A ticket's notifications are listed with it; delivered and failed ones are purged by age.
CREATE INDEX outbox_ticket ON outbox (ticket_reference, id);
CREATE INDEX outbox_delivered ON outbox (delivered_at);
CREATE INDEX outbox_failed ON outbox (failed_at);
