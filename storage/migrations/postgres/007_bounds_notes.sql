-- Bounds (SQLite's migration 007). A fetch that succeeded with a
-- reservation (a document truncated to fetch.max_items) says so here; a
-- fetch without one clears it.
ALTER TABLE sources ADD COLUMN warning TEXT COLLATE "C" NOT NULL DEFAULT '';

-- What normalize cut from an item to fit the field caps, for explain.
CREATE TABLE item_notes (
	item_id BIGINT NOT NULL PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
	note    TEXT   COLLATE "C" NOT NULL
);
