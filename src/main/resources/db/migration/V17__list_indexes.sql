-- The keyset orders of the paged lists (GET /api/v1/tickets and /api/v1/alarms), so that a page reads
-- its rows in index order and stops after limit + 1 of them. InnoDB appends the primary key to every
-- secondary index; it is named here anyway, as the tie-breaker of each order.

-- ?status=open (the default) and ?status=closed: the few open tickets are found among many closed ones
-- by status first; ?status=all walks the existing ticket_opened_at (opened_at, reference).
CREATE INDEX ticket_status_opened_at ON ticket (status, opened_at, reference);
-- Its prefix does the work of the index on status alone.
DROP INDEX ticket_status ON ticket;

-- ?state=raised (the default) and ?state=cleared, newest first.
CREATE INDEX alarm_state_last_seen ON alarm (state, last_seen, id);
DROP INDEX alarm_state ON alarm;

-- ?state=all, and the alarms of one source.
CREATE INDEX alarm_last_seen ON alarm (last_seen, id);
CREATE INDEX alarm_source_last_seen ON alarm (source, last_seen, id);
