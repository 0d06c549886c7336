-- The signature encoding every stored signature is known to use: resign
-- (storage/backfill.go) sets it once it has signed again what an older
-- encoding left, and skips its scan at the next Open while the encoding
-- is the same (the scan read every signature of 45 days at each start).
ALTER TABLE change_seq ADD COLUMN signing INTEGER NOT NULL DEFAULT 0;

-- Whether the order keys and word counts of items stored before migration
-- 005 are computed (storage/backfill.go): once they are, Open no longer
-- counts the items still without one (a scan of the whole items table).
ALTER TABLE change_seq ADD COLUMN backfilled INTEGER NOT NULL DEFAULT 0;

-- The source priorities each section's stories were ranked under
-- (storage/rerank.go): when the config changes them, the stories of that
-- section are ranked again, so that which report represents a story is a
-- function of the stored items and the current config.
CREATE TABLE section_ranks (
	section    TEXT PRIMARY KEY,
	priorities TEXT NOT NULL
);
