-- Full text (SQLite's migration 006): article extractions, the full-text
-- decision of each item, and the per-site block counts.
CREATE TABLE articles (
	url           TEXT   COLLATE "C" NOT NULL PRIMARY KEY,
	final_url     TEXT   COLLATE "C" NOT NULL DEFAULT '',
	canonical     TEXT   COLLATE "C" NOT NULL DEFAULT '',
	status        BIGINT NOT NULL DEFAULT 0,
	etag          TEXT   COLLATE "C" NOT NULL DEFAULT '',
	last_modified TEXT   COLLATE "C" NOT NULL DEFAULT '',
	html          TEXT   COLLATE "C" NOT NULL DEFAULT '',
	byline        TEXT   COLLATE "C" NOT NULL DEFAULT '',
	published_at  BIGINT NOT NULL DEFAULT 0,
	image_url     TEXT   COLLATE "C" NOT NULL DEFAULT '',
	error         TEXT   COLLATE "C" NOT NULL DEFAULT '',
	fetched_at    BIGINT NOT NULL
);

CREATE TABLE item_articles (
	item_id    BIGINT NOT NULL PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
	url        TEXT   COLLATE "C" NOT NULL,
	feed_hash  TEXT   COLLATE "C" NOT NULL,
	state      TEXT   COLLATE "C" NOT NULL CHECK (state IN ('full', 'kept', 'retry', 'skipped')),
	reason     TEXT   COLLATE "C" NOT NULL DEFAULT '',
	tries      BIGINT NOT NULL DEFAULT 0,
	words      BIGINT NOT NULL DEFAULT 0,
	decided_at BIGINT NOT NULL
);
CREATE INDEX item_articles_url ON item_articles (url);

CREATE TABLE site_pages (
	host  TEXT   COLLATE "C" NOT NULL PRIMARY KEY,
	pages BIGINT NOT NULL
);
CREATE TABLE site_blocks (
	host      TEXT   COLLATE "C" NOT NULL,
	digest    TEXT   COLLATE "C" NOT NULL,
	pages     BIGINT NOT NULL,
	last_seen BIGINT NOT NULL,
	PRIMARY KEY (host, digest)
);
