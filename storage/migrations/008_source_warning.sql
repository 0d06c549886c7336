-- A fetch that succeeded with a reservation (a document truncated to
-- fetch.max_items) says so here; a fetch without one clears it.
ALTER TABLE sources ADD COLUMN warning TEXT NOT NULL DEFAULT '';
