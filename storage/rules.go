package storage

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"newsdesk"
)

// RuleChange is an item a (re)application of the section rules adds to or
// removes from a section's published output, and why.
type RuleChange struct {
	Section string
	ItemID  int64
	Title   string
	Source  string
	Change  string // "add" or "remove"
	Why     string // the rule, or the story change that follows from one
}

// errDryRun rolls back a dry run.
var errDryRun = errors.New("dry run")

// Reapply applies the rules of the current sections (SetSections) to the
// items stored in them again: include, exclude, a source's categories and
// max_age (source_cap applies whenever a page is read). Only items whose
// admission changed are re-filed through the engine; stories they leave
// or join are settled again. With dryRun nothing is written: the changes
// it would make are returned. It returns the changes to what is published.
func (db *DB) Reapply(ctx context.Context, dryRun bool) ([]RuleChange, error) {
	db.mu.RLock()
	var secs []*newsdesk.Section
	for _, s := range db.sections {
		secs = append(secs, s)
	}
	db.mu.RUnlock()
	slices.SortFunc(secs, func(a, b *newsdesk.Section) int { return strings.Compare(a.ID, b.ID) })
	now := db.Now().UTC()
	var all []RuleChange
	for _, sec := range secs {
		changes, err := db.reapply(ctx, sec, now, dryRun)
		if err != nil && !errors.Is(err, errDryRun) {
			return nil, fmt.Errorf("apply the rules of %s: %w", sec.ID, err)
		}
		all = append(all, changes...)
	}
	return all, nil
}

// published reads the section's published items (id → state) and titles.
func published(ctx context.Context, q queryer, section string) (map[int64]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT item_id, state, reason FROM section_items WHERE section = ?`, section)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var state, reason string
		if err := rows.Scan(&id, &state, &reason); err != nil {
			return nil, err
		}
		out[id] = state + "\x00" + reason
	}
	return out, rows.Err()
}

func (db *DB) reapply(ctx context.Context, sec *newsdesk.Section, now time.Time, dryRun bool) ([]RuleChange, error) {
	// Which stored items' admission differs from their decision, read
	// outside the write lock: usually none, and then nothing is written.
	// Without rules only filtered items can change (they come back); the
	// content is read only for a rule on it.
	columns := itemColumns
	if !usesContent(sec) {
		columns = strings.Replace(columns, "i.content_html", "''", 1)
	}
	// Without rules the filtered rows are found through the section_feed
	// index, in a subquery (SQLite would otherwise walk the section's rows
	// by its primary key, at every start of fetch or serve: 0.4 s over the
	// 1,000,000 items of a 200-section desk).
	where, args := `si.section = ?`, []any{sec.ID}
	if !hasRules(sec) {
		where += ` AND si.item_id IN (SELECT f.item_id FROM section_items f WHERE f.section = ? AND f.state = 'filtered')`
		args = append(args, sec.ID)
	}
	rows, err := db.r.QueryContext(ctx, `SELECT `+columns+`, si.state, si.reason, i.story_at FROM section_items si
		CROSS JOIN items i ON i.id = si.item_id CROSS JOIN sources s ON s.id = i.source_id
		WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	type cand struct {
		it     newsdesk.Item
		reason string // the rule that leaves it out now ("" : admitted)
		out    bool   // it leaves the section
		story  int64
	}
	var leave, enter []cand
	for rows.Next() {
		var state, stored string
		var story int64
		it, err := scanItem(scanWith{rows, []any{&state, &stored, &story}})
		if err != nil {
			rows.Close()
			return nil, err
		}
		reason := sec.Admit(&it, sec.Source(it.SourceURL), now)
		switch filtered := state == StateFiltered; {
		case reason != "" && !filtered:
			leave = append(leave, cand{it, reason, true, story})
		case reason == "" && filtered:
			enter = append(enter, cand{it, stored, false, story})
		case reason != "" && filtered && reason != stored:
			enter = append(enter, cand{it, reason, false, story}) // another rule: its reason changes
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// In the engine's stable order (story date, then order key).
	byStory := func(a, b cand) int {
		if c := cmp.Compare(a.story, b.story); c != 0 {
			return c
		}
		return cmp.Compare(a.it.Ord, b.it.Ord)
	}
	slices.SortFunc(leave, byStory)
	slices.SortFunc(enter, byStory)
	if len(leave) == 0 && len(enter) == 0 {
		return nil, nil
	}
	before, err := published(ctx, db.r, sec.ID)
	if err != nil {
		return nil, err
	}
	own := map[int64]string{} // why an item's own admission changed
	for _, c := range leave {
		own[c.it.ID] = c.reason
	}
	for _, c := range enter {
		own[c.it.ID] = c.reason
	}
	var changes []RuleChange
	err = db.inNearTx(ctx, func(tx *sql.Tx, nt *nearTx) error {
		out := Outcome{Sections: map[string]*SectionCounts{}}
		s := db.newSaver(ctx, tx, nt, now, newsdesk.Source{}, &out)
		// Items leave first, so that an item coming back never joins a
		// story that is about to lose members.
		for _, c := range append(leave, enter...) {
			m, err := s.memberRow(sec.ID, c.it.ID)
			if err != nil {
				return err
			}
			if m == nil {
				continue
			}
			it := c.it
			if _, err := db.engine.Readmit(s.et, sec, *m, &it, now); err != nil {
				return fmt.Errorf("item #%d: %w", c.it.ID, err)
			}
		}
		if s.err != nil {
			return s.err
		}
		after, err := published(ctx, tx, sec.ID)
		if err != nil {
			return err
		}
		titles := map[int64]newsdesk.Item{}
		for _, c := range append(leave, enter...) {
			titles[c.it.ID] = c.it
		}
		var ids []int64
		for id := range after {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			was, now := stateOf(before[id]), stateOf(after[id])
			if (was == StateIn) == (now == StateIn) {
				continue
			}
			ch := RuleChange{Section: sec.ID, ItemID: id, Change: "add"}
			if was == StateIn {
				ch.Change = "remove"
			}
			switch why, mine := own[id]; {
			case mine && ch.Change == "remove":
				ch.Why = why
			case mine:
				ch.Why = "no longer left out by " + why
			default:
				ch.Why = reasonOf(after[id])
			}
			if it, ok := titles[id]; ok {
				ch.Title, ch.Source = it.Title, it.SourceTitle
			} else if err := tx.QueryRowContext(ctx, `SELECT i.title, s.url FROM items i JOIN sources s ON s.id = i.source_id
				WHERE i.id = ?`, id).Scan(&ch.Title, &ch.Source); err != nil {
				return err
			}
			changes = append(changes, ch)
		}
		if dryRun {
			return errDryRun
		}
		for sid := range s.changed {
			if err := bumpVersion(ctx, tx, sid, now.Unix()); err != nil {
				return err
			}
		}
		return nil
	})
	return changes, err
}

// hasRules reports whether the section has a rule that can leave an item
// out.
func hasRules(sec *newsdesk.Section) bool {
	if len(sec.Include) > 0 || len(sec.Exclude) > 0 || sec.MaxAge > 0 {
		return true
	}
	for _, src := range sec.Sources {
		if len(src.Categories) > 0 {
			return true
		}
	}
	return false
}

// usesContent reports whether a rule of the section reads the content.
func usesContent(sec *newsdesk.Section) bool {
	for _, r := range append(slices.Clone(sec.Include), sec.Exclude...) {
		if r.Field == "content" {
			return true
		}
	}
	return false
}

func stateOf(v string) string  { s, _, _ := strings.Cut(v, "\x00"); return s }
func reasonOf(v string) string { _, r, _ := strings.Cut(v, "\x00"); return r }
