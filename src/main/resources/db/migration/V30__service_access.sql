-- Engines sharing the work (noc.role engine): the alarms of a device whose group (devices linked by
-- customer services and parent links) is homed in another correlation domain are ticketed in the
-- home's session (docs/correlation-domains.md, "Alarms across domains"). The session holding such an alarm writes its latest state here, in the
-- transaction of the cycle that changed it; a publisher sends each pending row to the home's partition
-- and clears 'pending' for the version it sent. The home applies a state only when newer than the one
-- it holds (a later first occurrence, else version = 2 x occurrences, plus 1 when cleared), so a
-- repeat changes nothing. A rebuilt
-- home session starts from these rows.
CREATE TABLE service_access (
    alarm_key  VARCHAR(700) NOT NULL PRIMARY KEY,
    home       VARCHAR(600) NOT NULL,
    access     LONGTEXT     NOT NULL,
    version    BIGINT       NOT NULL,
    raised     BOOLEAN      NOT NULL,
    pending    BOOLEAN      NOT NULL,
    updated_at DATETIME(3)  NOT NULL,
    INDEX service_access_pending (pending),
    INDEX service_access_updated (updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The ticket the home's session gave such an alarm, written in the home's cycle and sent back to the
-- alarm's own domain ('domain'), whose session sets it on the alarm; 'seq' counts the changes, so that
-- the publisher clears 'pending' only for the one it sent. Also where a rebuilt home finds the tickets
-- of the alarms it mirrors, and where the partition of a ticket with such alarms is read from.
CREATE TABLE alarm_ticket (
    alarm_key        VARCHAR(700) NOT NULL PRIMARY KEY,
    domain           VARCHAR(600) NOT NULL,
    home             VARCHAR(600) NOT NULL,
    ticket_reference VARCHAR(32)  NULL,
    seq              BIGINT       NOT NULL,
    pending          BOOLEAN      NOT NULL,
    updated_at       DATETIME(3)  NOT NULL,
    INDEX alarm_ticket_pending (pending),
    INDEX alarm_ticket_reference (ticket_reference)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
