-- Full text (issue 17). Article pages are fetched once per link: the
-- extraction is kept here and reused by every item, source and section
-- carrying the link, and refetched (conditionally) only when an item that
-- links to it changes in its feed.
CREATE TABLE articles (
	url           TEXT    NOT NULL PRIMARY KEY, -- the item's canonical link
	final_url     TEXT    NOT NULL DEFAULT '',  -- after redirects
	canonical     TEXT    NOT NULL DEFAULT '',  -- the page's <link rel="canonical">
	status        INTEGER NOT NULL DEFAULT 0,   -- HTTP status of the last request
	etag          TEXT    NOT NULL DEFAULT '',
	last_modified TEXT    NOT NULL DEFAULT '',
	html          TEXT    NOT NULL DEFAULT '',  -- extractor output, unsanitized: cleaned at each use
	byline        TEXT    NOT NULL DEFAULT '',
	published_at  INTEGER NOT NULL DEFAULT 0,
	image_url     TEXT    NOT NULL DEFAULT '',
	error         TEXT    NOT NULL DEFAULT '',  -- why there is no text; '' when html holds it
	fetched_at    INTEGER NOT NULL
) WITHOUT ROWID;

-- The full-text decision of each item of a full_text source. feed_hash is
-- the item's content_hash when decided: the item changing in its feed
-- asks again. state: full (published), kept (the summary stays, reason
-- says why), retry (a transient failure, tried again up to three times),
-- skipped (not wanted: auto and not a summary, or off-site).
CREATE TABLE item_articles (
	item_id    INTEGER NOT NULL PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
	url        TEXT    NOT NULL,
	feed_hash  TEXT    NOT NULL,
	state      TEXT    NOT NULL CHECK (state IN ('full', 'kept', 'retry', 'skipped')),
	reason     TEXT    NOT NULL DEFAULT '',
	tries      INTEGER NOT NULL DEFAULT 0,
	words      INTEGER NOT NULL DEFAULT 0,
	decided_at INTEGER NOT NULL
);
CREATE INDEX item_articles_url ON item_articles (url);

-- Recurring-block detection per site: how many of a host's pages held a
-- short block of text (by digest). A block on enough of a site's pages is
-- its furniture.
CREATE TABLE site_pages (
	host  TEXT    NOT NULL PRIMARY KEY,
	pages INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE site_blocks (
	host      TEXT    NOT NULL,
	digest    TEXT    NOT NULL,
	pages     INTEGER NOT NULL,
	last_seen INTEGER NOT NULL,
	PRIMARY KEY (host, digest)
) WITHOUT ROWID;
