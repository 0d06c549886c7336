-- Near-duplicate data takes less room and fewer writes.
--
-- Signatures (516 bytes) move out of the items table into their own. With
-- them an item row (about 1 KB of content, summary, links) grew past half
-- a 4 KB page, so every page held a single row and was half empty.
CREATE TABLE signatures (
	item_id   INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
	signature BLOB    NOT NULL
);
INSERT INTO signatures (item_id, signature) SELECT id, signature FROM items WHERE signature IS NOT NULL;
UPDATE items SET signature = NULL WHERE signature IS NOT NULL;

-- The band index loses its foreign key and its item_id index. That index
-- was as large as the band rows (about 570 bytes per item) and took 32
-- more B-tree inserts per new item, only so that ON DELETE CASCADE could
-- find an item's bands; retention now deletes the bands of the items it
-- prunes by their keys, recomputed from the stored signature.
CREATE TABLE neardup_bands_new (
	band    INTEGER NOT NULL,
	item_id INTEGER NOT NULL,
	sort_at INTEGER NOT NULL,
	PRIMARY KEY (band, item_id)
) WITHOUT ROWID;
INSERT INTO neardup_bands_new (band, item_id, sort_at) SELECT band, item_id, sort_at FROM neardup_bands;
DROP TABLE neardup_bands;
ALTER TABLE neardup_bands_new RENAME TO neardup_bands;
