-- SQLite's migration 009 (008 is the editor's). The signature encoding
-- every stored signature is known to use: resign (storage/backfill.go)
-- sets it once it has signed again what an older encoding left, and skips
-- its scan at the next Open while the encoding is the same.
ALTER TABLE change_seq ADD COLUMN signing BIGINT NOT NULL DEFAULT 0;

-- Whether the order keys and word counts of items stored before migration
-- 005 are computed (storage/backfill.go): once they are, Open no longer
-- counts the items still without one.
ALTER TABLE change_seq ADD COLUMN backfilled BIGINT NOT NULL DEFAULT 0;

-- The source priorities each section's stories were ranked under
-- (storage/rerank.go): when the config changes them, the stories of that
-- section are ranked again.
CREATE TABLE section_ranks (
	section    TEXT COLLATE "C" NOT NULL PRIMARY KEY,
	priorities TEXT COLLATE "C" NOT NULL
);
