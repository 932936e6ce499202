-- The database of the compose file's "cluster" profile (two engines share it), beside the single
-- node's "noc". The MariaDB image runs this once, when its data volume is first made.
CREATE DATABASE IF NOT EXISTS noc_cluster;
GRANT ALL PRIVILEGES ON noc_cluster.* TO 'noc'@'%';
