-- A site's correlation domain: sites that share one have their alarms correlated in one rules session
-- (cluster mode keys its Kafka partitions by it). NULL: the site is its own domain, its name.
ALTER TABLE site ADD COLUMN domain VARCHAR(255) NULL;
