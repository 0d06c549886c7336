package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"newsdesk"
	"newsdesk/curate"
)

// ErrNoItem is returned when an editor's reference names no item filed in
// the section (or in any section).
var ErrNoItem = errors.New("no such item")

// Filed is one item as filed in one section, with the editor's marks.
type Filed struct {
	Section     string
	ID          int64
	Title       string
	Link        string
	OutputID    string
	State       string // in, duplicate, filtered, hidden
	Rep         int64
	Reason      string
	Hidden      bool      // the editor's mark on this item
	PinnedUntil time.Time // the editor's pin on this item (zero: none)
	StoryPinned time.Time // the pin its story's representative carries
	StoryHidden bool      // its story is hidden (the representative is)
}

// Published reports whether the item is in its section's outputs.
func (f Filed) Published() bool { return f.State == StateIn }

// EditorAction is one editor action with its audit: who ("api", "desk",
// the OS user of the CLI) and why.
type EditorAction struct {
	Kind   string    // curate.Hide, Unhide, Pin, Unpin
	Until  time.Time // for a pin
	Who    string
	Reason string
}

// FindItems resolves an editor's reference to the items it names in
// section, or in every section when section is "": the number explain
// shows ("#12" or "12"), an item's output id, or its link as published
// or canonical (alt gives other forms of ref to try, e.g. its canonical
// form). It returns ErrNoItem when nothing matches.
func (db *DB) FindItems(ctx context.Context, section, ref string, alt ...string) ([]Filed, error) {
	ref = strings.TrimSpace(ref)
	var ids []int64
	if n, err := strconv.ParseInt(strings.TrimPrefix(ref, "#"), 10, 64); err == nil && n > 0 {
		ids = append(ids, n)
	} else if ref != "" {
		forms := append([]string{ref}, alt...)
		// The canonical link is indexed; the guid and the published link
		// are looked for only when it finds nothing.
		for _, q := range []string{`SELECT id FROM items WHERE canonical_link = ? AND canonical_link <> ''`,
			`SELECT id FROM items WHERE guid = ?1 OR link = ?1`} {
			for _, f := range forms {
				rows, err := db.r.QueryContext(ctx, q, f)
				if err != nil {
					return nil, fmt.Errorf("find item %q: %w", ref, err)
				}
				for rows.Next() {
					var id int64
					if err := rows.Scan(&id); err != nil {
						rows.Close()
						return nil, fmt.Errorf("find item %q: %w", ref, err)
					}
					ids = append(ids, id)
				}
				rows.Close()
			}
			if len(ids) > 0 {
				break
			}
		}
		if len(ids) == 0 && strings.HasPrefix(ref, "tag:") {
			// A derived output id: a hash of the source and identity key.
			rows, err := db.r.QueryContext(ctx, `SELECT i.id, s.url, i.key, i.guid FROM items i JOIN sources s ON s.id = i.source_id
				WHERE i.id IN (SELECT item_id FROM section_items WHERE CAST(? AS TEXT) = '' OR section = ?)`, section, section)
			if err != nil {
				return nil, fmt.Errorf("find item %q: %w", ref, err)
			}
			for rows.Next() {
				var it newsdesk.Item
				if err := rows.Scan(&it.ID, &it.SourceURL, &it.Key, &it.GUID); err != nil {
					rows.Close()
					return nil, fmt.Errorf("find item %q: %w", ref, err)
				}
				if it.OutputID() == ref {
					ids = append(ids, it.ID)
				}
			}
			rows.Close()
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	var out []Filed
	for _, id := range ids {
		fs, err := db.filed(ctx, db.r, section, id)
		if err != nil {
			return nil, fmt.Errorf("find item %q: %w", ref, err)
		}
		out = append(out, fs...)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: %q", ErrNoItem, ref)
	}
	return out, nil
}

// filed reads the memberships of item id (in section, or all when "").
func (db *DB) filed(ctx context.Context, q queryer, section string, id int64) ([]Filed, error) {
	rows, err := q.QueryContext(ctx, `SELECT si.section, i.id, i.title, i.link, s.url, i.key, i.guid, si.state, si.rep_id,
		si.reason, coalesce(mk.hidden, 0), coalesce(mk.pinned_until, 0), coalesce(r.pinned_until, 0), coalesce(r.state, '')
		FROM section_items si JOIN items i ON i.id = si.item_id JOIN sources s ON s.id = i.source_id
		LEFT JOIN section_items r ON r.section = si.section AND r.item_id = si.rep_id`+marksJoin+`
		WHERE si.item_id = ? AND (CAST(? AS TEXT) = '' OR si.section = ?) ORDER BY si.section`, id, section, section)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Filed
	for rows.Next() {
		var f Filed
		var it newsdesk.Item
		var pin, storyPin int64
		var repState string
		if err := rows.Scan(&f.Section, &f.ID, &f.Title, &f.Link, &it.SourceURL, &it.Key, &it.GUID, &f.State, &f.Rep,
			&f.Reason, &f.Hidden, &pin, &storyPin, &repState); err != nil {
			return nil, err
		}
		f.StoryHidden = f.State == StateHidden || repState == StateHidden
		f.OutputID = it.OutputID()
		f.PinnedUntil, f.StoryPinned = fromUnix(pin), fromUnix(storyPin)
		out = append(out, f)
	}
	return out, rows.Err()
}

// Edit applies an editor's action to item id in section, through the
// curation engine (a hidden item hides its story; a pin orders its story
// first until it expires), and records it in the audit, all in one
// transaction. It returns the item's membership afterwards. The section
// must be one SetSections gave.
func (db *DB) Edit(ctx context.Context, section string, id int64, a EditorAction) (Filed, error) {
	sec := db.section(section)
	if sec == nil {
		return Filed{}, fmt.Errorf("edit: %w: section %q", ErrNotFound, section)
	}
	var after Filed
	now := db.Now().UTC()
	err := db.inNearTx(ctx, func(tx *sql.Tx, nt *nearTx) error {
		out := Outcome{Sections: map[string]*SectionCounts{}}
		s := db.newSaver(ctx, tx, nt, now, newsdesk.Source{}, &out)
		if err := db.edit(s, sec, id, a); err != nil {
			return err
		}
		fs, err := db.filed(ctx, tx, section, id)
		if err != nil {
			return err
		}
		after = fs[0]
		return nil
	})
	if err != nil {
		return Filed{}, err
	}
	return after, nil
}

// edit applies one action inside the saver's transaction and bumps the
// versions of what changed.
func (db *DB) edit(s *saver, sec *newsdesk.Section, id int64, a EditorAction) error {
	m, err := s.memberRow(sec.ID, id)
	if err != nil {
		return err
	}
	if m == nil {
		return fmt.Errorf("%w: #%d in section %s", ErrNoItem, id, sec.ID)
	}
	if _, err := db.engine.Edit(s.et, sec, *m, curate.Action{Kind: a.Kind, Until: a.Until}); err != nil {
		return err
	}
	if s.err != nil {
		return s.err
	}
	if _, err := s.tx.ExecContext(s.ctx, `INSERT INTO editor_actions (section, item_id, title, action, who, reason, until, at)
		SELECT ?, id, title, ?, ?, ?, ?, ? FROM items WHERE id = ?`,
		sec.ID, a.Kind, a.Who, a.Reason, unix(a.Until), s.now.Unix(), id); err != nil {
		return fmt.Errorf("record editor action: %w", err)
	}
	for sid := range s.changed {
		if err := bumpVersion(s.ctx, s.tx, sid, s.now.Unix()); err != nil {
			return err
		}
	}
	clear(s.changed)
	return nil
}

// ExpirePins unpins the stories whose pin has expired (audited as
// "expiry") and returns the sections that changed. A running serve calls
// it every few seconds; readers already ignore an expired pin.
func (db *DB) ExpirePins(ctx context.Context) ([]string, error) {
	now := db.Now().UTC()
	type ref struct {
		section string
		id      int64
	}
	var due []ref
	rows, err := db.r.QueryContext(ctx, `SELECT section, item_id FROM editor_marks WHERE pinned_until <> 0 AND pinned_until <= ?`, now.Unix())
	if err != nil {
		return nil, fmt.Errorf("expire pins: %w", err)
	}
	for rows.Next() {
		var r ref
		if err := rows.Scan(&r.section, &r.id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("expire pins: %w", err)
		}
		due = append(due, r)
	}
	rows.Close()
	if len(due) == 0 {
		return nil, nil
	}
	changed := map[string]bool{}
	err = db.inNearTx(ctx, func(tx *sql.Tx, nt *nearTx) error {
		out := Outcome{Sections: map[string]*SectionCounts{}}
		s := db.newSaver(ctx, tx, nt, now, newsdesk.Source{}, &out)
		for _, r := range due {
			sec := db.section(r.section)
			if sec == nil {
				continue // a section no longer configured
			}
			var until int64
			err := tx.QueryRowContext(ctx, `SELECT pinned_until FROM editor_marks WHERE section = ? AND item_id = ?`, r.section, r.id).Scan(&until)
			if errors.Is(err, sql.ErrNoRows) || err == nil && (until == 0 || until > now.Unix()) {
				continue // unpinned or pinned again meanwhile
			}
			if err != nil {
				return err
			}
			if err := db.edit(s, sec, r.id, EditorAction{Kind: curate.Unpin, Who: "expiry", Reason: "pin expired"}); err != nil {
				return err
			}
			changed[r.section] = true
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("expire pins: %w", err)
	}
	var out []string
	for id := range changed {
		out = append(out, id)
	}
	slices.Sort(out)
	return out, nil
}

// Audit is one recorded editor action.
type Audit struct {
	Section string
	ItemID  int64
	Title   string
	Action  string
	Who     string
	Reason  string
	Until   time.Time
	At      time.Time
}

// EditorActions returns the section's recorded editor actions, newest
// first, limit at most; item, when not 0, selects one item's.
func (db *DB) EditorActions(ctx context.Context, section string, item int64, limit int) ([]Audit, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT section, item_id, title, action, who, reason, until, at FROM editor_actions
		WHERE section = ? AND (? = 0 OR item_id = ?) ORDER BY at DESC, id DESC LIMIT ?`, section, item, item, limit)
	if err != nil {
		return nil, fmt.Errorf("read editor actions of %s: %w", section, err)
	}
	defer rows.Close()
	var out []Audit
	for rows.Next() {
		var a Audit
		var until, at int64
		if err := rows.Scan(&a.Section, &a.ItemID, &a.Title, &a.Action, &a.Who, &a.Reason, &until, &at); err != nil {
			return nil, fmt.Errorf("read editor actions of %s: %w", section, err)
		}
		a.Until, a.At = fromUnix(until), fromUnix(at)
		out = append(out, a)
	}
	return out, rows.Err()
}

// EditorCounts returns, per section and action, the editor actions
// recorded since since.
func (db *DB) EditorCounts(ctx context.Context, since time.Time) (map[string]map[string]int, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT section, action, count(*) FROM editor_actions WHERE at >= ? GROUP BY section, action`, since.Unix())
	if err != nil {
		return nil, fmt.Errorf("count editor actions: %w", err)
	}
	defer rows.Close()
	out := map[string]map[string]int{}
	for rows.Next() {
		var sec, action string
		var n int
		if err := rows.Scan(&sec, &action, &n); err != nil {
			return nil, fmt.Errorf("count editor actions: %w", err)
		}
		if out[sec] == nil {
			out[sec] = map[string]int{}
		}
		out[sec][action] = n
	}
	return out, rows.Err()
}
