-- The editor's desk: marks an editor puts on items, the story decisions
-- the engine derives from them, and the audit of every action.
--
-- section_items is rebuilt for its state check to admit 'hidden' (the
-- representative of a story an editor hid) and to carry the story's pin
-- on its representative's row. Nothing references section_items.
CREATE TABLE section_items_new (
	section      TEXT    NOT NULL,
	item_id      INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
	state        TEXT    NOT NULL CHECK (state IN ('in', 'filtered', 'duplicate', 'hidden')),
	cluster_id   INTEGER NOT NULL,
	reason       TEXT    NOT NULL DEFAULT '',
	sort_at      INTEGER NOT NULL,
	decided_at   INTEGER NOT NULL,
	rep_id       INTEGER NOT NULL DEFAULT 0,
	ord          INTEGER NOT NULL DEFAULT 0,
	pinned_until INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (section, item_id)
) WITHOUT ROWID;
INSERT INTO section_items_new (section, item_id, state, cluster_id, reason, sort_at, decided_at, rep_id, ord)
SELECT section, item_id, state, cluster_id, reason, sort_at, decided_at, rep_id, ord FROM section_items;
DROP TABLE section_items;
ALTER TABLE section_items_new RENAME TO section_items;
CREATE INDEX section_feed ON section_items (section, state, sort_at DESC, ord DESC);
CREATE INDEX section_cluster ON section_items (section, cluster_id);
CREATE INDEX section_item ON section_items (item_id);
CREATE INDEX section_pinned ON section_items (section, pinned_until) WHERE pinned_until <> 0;

-- An editor's marks on one item in one section (hidden, pinned until).
-- They outlive the item's decisions: a filtered item keeps them for when
-- a rule admits it again.
CREATE TABLE editor_marks (
	section      TEXT    NOT NULL,
	item_id      INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
	hidden       INTEGER NOT NULL DEFAULT 0,
	pinned_until INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (section, item_id)
) WITHOUT ROWID;
CREATE INDEX editor_marks_pinned ON editor_marks (pinned_until) WHERE pinned_until <> 0;

-- Every hide, unhide, pin and unpin: who (the OS user of the CLI, "api",
-- "desk", "expiry"), when, why. Rows outlive pruned items (no foreign key).
CREATE TABLE editor_actions (
	id      INTEGER PRIMARY KEY AUTOINCREMENT,
	section TEXT    NOT NULL,
	item_id INTEGER NOT NULL,
	title   TEXT    NOT NULL DEFAULT '',
	action  TEXT    NOT NULL,
	who     TEXT    NOT NULL,
	reason  TEXT    NOT NULL DEFAULT '',
	until   INTEGER NOT NULL DEFAULT 0,
	at      INTEGER NOT NULL
);
CREATE INDEX editor_actions_item ON editor_actions (section, item_id);
CREATE INDEX editor_actions_at ON editor_actions (section, at);
