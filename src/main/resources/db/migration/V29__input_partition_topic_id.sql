-- The id Kafka gave the topic whose offsets a row stores: a topic deleted and made again under the same
-- name starts its offsets at 0, so a stored offset of the old topic would skip or repeat the new one's
-- records. A node that takes a partition of a topic with another id starts it from its beginning.
ALTER TABLE input_partition ADD COLUMN topic_id VARCHAR(64) NULL;
