-- Sources are keyed by their configured URL; config reloads add rows, never rewrite history.
CREATE TABLE sources (
	id                 INTEGER PRIMARY KEY,
	url                TEXT    NOT NULL UNIQUE,
	name               TEXT    NOT NULL DEFAULT '',  -- title given in the config
	final_url          TEXT    NOT NULL DEFAULT '',
	etag               TEXT    NOT NULL DEFAULT '',
	last_modified      TEXT    NOT NULL DEFAULT '',
	body_hash          TEXT    NOT NULL DEFAULT '',
	title              TEXT    NOT NULL DEFAULT '',
	site_url           TEXT    NOT NULL DEFAULT '',
	last_attempt       INTEGER NOT NULL DEFAULT 0,
	last_success       INTEGER NOT NULL DEFAULT 0,
	next_attempt       INTEGER NOT NULL DEFAULT 0,
	status             INTEGER NOT NULL DEFAULT 0,
	error              TEXT    NOT NULL DEFAULT '',
	consecutive_errors INTEGER NOT NULL DEFAULT 0,
	gone               INTEGER NOT NULL DEFAULT 0,
	config_hash        TEXT    NOT NULL DEFAULT '',
	bytes              INTEGER NOT NULL DEFAULT 0,
	duration_ms        INTEGER NOT NULL DEFAULT 0
);

-- One row per story per source; times are unix seconds (UTC).
CREATE TABLE items (
	id             INTEGER PRIMARY KEY,
	source_id      INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
	key            TEXT    NOT NULL,
	guid           TEXT    NOT NULL DEFAULT '',
	link           TEXT    NOT NULL DEFAULT '',
	canonical_link TEXT    NOT NULL DEFAULT '',
	title          TEXT    NOT NULL DEFAULT '',
	summary        TEXT    NOT NULL DEFAULT '',
	content_html   TEXT    NOT NULL DEFAULT '',
	authors        TEXT    NOT NULL DEFAULT '',  -- JSON array
	categories     TEXT    NOT NULL DEFAULT '',  -- JSON array
	enclosures     TEXT    NOT NULL DEFAULT '',  -- JSON array
	image_url      TEXT    NOT NULL DEFAULT '',
	language       TEXT    NOT NULL DEFAULT '',
	published_at   INTEGER NOT NULL DEFAULT 0,
	updated_at     INTEGER NOT NULL DEFAULT 0,
	first_seen_at  INTEGER NOT NULL,
	sort_at        INTEGER NOT NULL,
	modified_at    INTEGER NOT NULL,
	content_hash   TEXT    NOT NULL DEFAULT '',
	title_key      TEXT    NOT NULL DEFAULT '',
	signature      BLOB,
	UNIQUE (source_id, key)
);
CREATE INDEX items_canonical ON items (canonical_link) WHERE canonical_link <> '';
CREATE INDEX items_title_key ON items (title_key, sort_at) WHERE title_key <> '';

-- Membership of items in sections, with the decision that placed them.
CREATE TABLE section_items (
	section    TEXT    NOT NULL,
	item_id    INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
	state      TEXT    NOT NULL CHECK (state IN ('in', 'filtered', 'duplicate')),
	cluster_id INTEGER NOT NULL,
	reason     TEXT    NOT NULL DEFAULT '',
	sort_at    INTEGER NOT NULL,
	decided_at INTEGER NOT NULL,
	PRIMARY KEY (section, item_id)
) WITHOUT ROWID;
CREATE INDEX section_feed ON section_items (section, state, sort_at DESC, item_id DESC);
CREATE INDEX section_cluster ON section_items (section, cluster_id);
CREATE INDEX section_item ON section_items (item_id);

-- Near-duplicate candidate index: LSH band keys of each item's signature.
CREATE TABLE neardup_bands (
	band    INTEGER NOT NULL,
	item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
	sort_at INTEGER NOT NULL,
	PRIMARY KEY (band, item_id)
) WITHOUT ROWID;
CREATE INDEX neardup_item ON neardup_bands (item_id);

-- What retention keeps of pruned items so that they do not come back as new.
CREATE TABLE seen (
	source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
	key       TEXT    NOT NULL,
	pruned_at INTEGER NOT NULL,
	PRIMARY KEY (source_id, key)
) WITHOUT ROWID;
CREATE TABLE seen_links (
	canonical_link TEXT    NOT NULL PRIMARY KEY,
	pruned_at      INTEGER NOT NULL
) WITHOUT ROWID;

-- Bumped in every transaction that changes a section's feed, so that other
-- processes on the same file (a cron-run fetch beside serve) see changes.
CREATE TABLE section_versions (
	section    TEXT    NOT NULL PRIMARY KEY,
	version    INTEGER NOT NULL,
	changed_at INTEGER NOT NULL
) WITHOUT ROWID;
