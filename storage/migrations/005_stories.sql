-- foreign_keys: off
-- Stories become rows, and every decision a function of what is stored.
--
-- items is rebuilt with AUTOINCREMENT so that the id of a pruned item is
-- never given again, and with what the curation engine compares items by:
-- story_at (the source's date, else first seen: the duplicate windows are
-- about the stories' own dates, not about now), ord (a stable order key
-- from the source and the identity key, filled by Open: it breaks ties
-- instead of the id, which follows arrival order), words (a digest never
-- represents an article) and seq (the change sequence: other processes
-- catch up from it, never from max(id)). The migration runs with foreign
-- keys off (the table is dropped and renamed), checked before commit.
CREATE TABLE items_new (
	id             INTEGER PRIMARY KEY AUTOINCREMENT,
	source_id      INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
	key            TEXT    NOT NULL,
	guid           TEXT    NOT NULL DEFAULT '',
	link           TEXT    NOT NULL DEFAULT '',
	canonical_link TEXT    NOT NULL DEFAULT '',
	title          TEXT    NOT NULL DEFAULT '',
	summary        TEXT    NOT NULL DEFAULT '',
	content_html   TEXT    NOT NULL DEFAULT '',
	authors        TEXT    NOT NULL DEFAULT '',
	categories     TEXT    NOT NULL DEFAULT '',
	enclosures     TEXT    NOT NULL DEFAULT '',
	image_url      TEXT    NOT NULL DEFAULT '',
	language       TEXT    NOT NULL DEFAULT '',
	published_at   INTEGER NOT NULL DEFAULT 0,
	updated_at     INTEGER NOT NULL DEFAULT 0,
	first_seen_at  INTEGER NOT NULL,
	sort_at        INTEGER NOT NULL,
	modified_at    INTEGER NOT NULL,
	content_hash   TEXT    NOT NULL DEFAULT '',
	title_key      TEXT    NOT NULL DEFAULT '',
	story_at       INTEGER NOT NULL DEFAULT 0,
	ord            INTEGER NOT NULL DEFAULT 0,
	words          INTEGER NOT NULL DEFAULT 0,
	seq            INTEGER NOT NULL DEFAULT 0,
	UNIQUE (source_id, key)
);
INSERT INTO items_new (id, source_id, key, guid, link, canonical_link, title, summary, content_html, authors,
	categories, enclosures, image_url, language, published_at, updated_at, first_seen_at, sort_at, modified_at,
	content_hash, title_key, story_at)
SELECT id, source_id, key, guid, link, canonical_link, title, summary, content_html, authors,
	categories, enclosures, image_url, language, published_at, updated_at, first_seen_at, sort_at, modified_at,
	content_hash, title_key,
	CASE WHEN published_at = 0 OR published_at > first_seen_at + 86400 THEN first_seen_at ELSE published_at END
FROM items;
DROP TABLE items;
ALTER TABLE items_new RENAME TO items;
CREATE INDEX items_canonical ON items (canonical_link) WHERE canonical_link <> '';
CREATE INDEX items_title_day ON items (story_at / 86400, title_key) WHERE title_key <> '';
CREATE INDEX items_story ON items (story_at);
CREATE INDEX items_seq ON items (seq);

-- Clusters are rows: the connected components of the engine's "same
-- story" relation in a section. A cluster holds one story or, when one
-- source's items would meet in it, several (a story never holds two items
-- of one source); rep_id names the representative of each member's story.
CREATE TABLE clusters (
	id      INTEGER PRIMARY KEY AUTOINCREMENT,
	section TEXT    NOT NULL
);
ALTER TABLE section_items ADD COLUMN rep_id INTEGER NOT NULL DEFAULT 0;
CREATE TEMP TABLE old_clusters (id INTEGER PRIMARY KEY, section TEXT, rep INTEGER);
INSERT INTO old_clusters (section, rep) SELECT section, item_id FROM section_items WHERE state = 'in';
INSERT INTO clusters (id, section) SELECT id, section FROM old_clusters;
CREATE INDEX temp.old_clusters_rep ON old_clusters (section, rep);
UPDATE section_items SET rep_id = cluster_id WHERE state = 'duplicate';
UPDATE section_items SET rep_id = item_id WHERE state = 'in';
UPDATE section_items SET cluster_id = coalesce((SELECT o.id FROM old_clusters o
	WHERE o.section = section_items.section AND o.rep = section_items.rep_id), 0) WHERE state <> 'filtered';
UPDATE section_items SET cluster_id = 0, rep_id = 0 WHERE state = 'filtered';
-- A duplicate whose representative was pruned (retention did not keep
-- stories whole) becomes a story of its own.
INSERT INTO old_clusters (section, rep) SELECT section, item_id FROM section_items WHERE state = 'duplicate' AND cluster_id = 0;
INSERT INTO clusters (id, section) SELECT o.id, o.section FROM old_clusters o WHERE o.id NOT IN (SELECT id FROM clusters);
UPDATE section_items SET state = 'in', rep_id = item_id, cluster_id = (SELECT o.id FROM old_clusters o
	WHERE o.section = section_items.section AND o.rep = section_items.item_id)
	WHERE state = 'duplicate' AND cluster_id = 0;
DROP TABLE temp.old_clusters;

-- The feed order breaks ties by the stable order key.
ALTER TABLE section_items ADD COLUMN ord INTEGER NOT NULL DEFAULT 0;
DROP INDEX section_feed;
CREATE INDEX section_feed ON section_items (section, state, sort_at DESC, ord DESC);

-- The change sequence: bumped by every write transaction that stores or
-- re-signs an item; items.seq is the value of the transaction that last did.
CREATE TABLE change_seq (
	id  INTEGER PRIMARY KEY CHECK (id = 1),
	seq INTEGER NOT NULL
);
INSERT INTO change_seq (id, seq) VALUES (1, 1);
UPDATE items SET seq = 1;
