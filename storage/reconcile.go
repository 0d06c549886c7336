package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"newsdesk"
	"newsdesk/curate"
)

// Reconcile files the items already stored for each source into those of
// its sections that have none of them yet: a section added by a config
// reload, or a known source newly listed in a section, fills at once
// instead of waiting for the source to publish something new. It returns
// the sections that changed. Call it after SetSections.
func (db *DB) Reconcile(ctx context.Context, sources []newsdesk.Source) ([]string, error) {
	changed := map[string]bool{}
	for _, src := range sources {
		var sid int64
		err := db.r.QueryRowContext(ctx, `SELECT id FROM sources WHERE url = ?`, src.URL).Scan(&sid)
		if err != nil && err != sql.ErrNoRows {
			return nil, fmt.Errorf("reconcile %s: %w", src.URL, err)
		}
		if testHookReconcileRead != nil {
			testHookReconcileRead(src.URL)
		}
		for _, id := range src.Sections {
			sec := db.section(id)
			if sec == nil {
				continue
			}
			// A section once filed stays filed: the read pool may say so.
			// Its "not yet" (or no source row) is only a hint: a fetch
			// of the source may be committing under the config before
			// the reload, so the writer looks again (fileExisting).
			if sid != 0 {
				filed, err := sourceFiled(ctx, db.r, sid, id)
				if err != nil {
					return nil, fmt.Errorf("reconcile %s: %w", src.URL, err)
				}
				if filed {
					continue
				}
			}
			n, err := db.fileExisting(ctx, src, sec)
			if err != nil {
				return nil, fmt.Errorf("reconcile %s into %s: %w", src.URL, id, err)
			}
			if n > 0 {
				changed[id] = true
			}
		}
	}
	var out []string
	for id := range changed {
		out = append(out, id)
	}
	return out, nil
}

// testHookReconcileRead, when set by a test, runs after Reconcile read a
// source's row through the read pool: a fetch committing there is one
// that raced the reload.
var testHookReconcileRead func(url string)

// sourceFiled says whether an item of the source is in the section.
func sourceFiled(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, sid int64, section string) (bool, error) {
	var filed bool
	err := q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM items i
		JOIN section_items si ON si.item_id = i.id AND si.section = ? WHERE i.source_id = ?)`, section, sid).Scan(&filed)
	return filed, err
}

// fileExisting places every stored item of the source in sec, in one
// write transaction, unless the section already holds one of them, and
// returns how many it placed. Being in the writer, it sees every fetch
// committed before it, and every fetch after it files under the current
// config (sourceSections).
func (db *DB) fileExisting(ctx context.Context, src newsdesk.Source, sec *newsdesk.Section) (int, error) {
	out := Outcome{Sections: map[string]*SectionCounts{}}
	var placed int
	err := db.inNearTx(ctx, func(tx *sql.Tx, nt *nearTx) error {
		var sid int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM sources WHERE url = ?`, src.URL).Scan(&sid)
		if err == sql.ErrNoRows {
			return nil
		}
		if err != nil {
			return err
		}
		if filed, err := sourceFiled(ctx, tx, sid, sec.ID); err != nil || filed {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+itemColumns+`, i.title_key, i.story_at, i.words, i.ord,
			coalesce((SELECT signature FROM signatures WHERE item_id = i.id), x'') FROM items i
			JOIN sources s ON s.id = i.source_id WHERE i.source_id = ? ORDER BY i.ord`, sid)
		if err != nil {
			return err
		}
		type filed struct {
			it newsdesk.Item
			ci curate.Item
		}
		var all []filed
		for rows.Next() {
			var f filed
			var raw []byte
			var story int64
			extra := []any{&f.ci.TitleKey, &story, &f.ci.Words, &f.ci.Ord, &raw}
			it, err := scanItem(scanWith{rows, extra})
			if err != nil {
				rows.Close()
				return err
			}
			f.it = it
			f.ci.ID, f.ci.Source, f.ci.Key, f.ci.Link = it.ID, it.SourceURL, it.Key, it.CanonicalLink
			f.ci.StoryAt = time.Unix(story, 0).UTC()
			if len(raw) > 0 {
				_ = f.ci.Sig.UnmarshalBinary(raw) // an unreadable signature only loses near-dup matching
			}
			all = append(all, f)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		s := db.newSaver(ctx, tx, nt, db.Now().UTC(), src, &out)
		s.sourceID = sid
		for i := range all {
			f := &all[i]
			s.et.pending[f.ci.ID] = pendingItem{sortAt: f.it.SortAt.Unix(), ord: f.ci.Ord}
			if _, err := db.engine.File(s.et, sec, f.ci, &f.it, s.now); err != nil {
				return err
			}
			placed++
		}
		if s.err != nil {
			return s.err
		}
		if placed > 0 {
			return bumpVersion(ctx, tx, sec.ID, s.now.Unix())
		}
		return nil
	})
	return placed, err
}

// scanWith appends extra destinations to a scan.
type scanWith struct {
	sc    interface{ Scan(...any) error }
	extra []any
}

func (s scanWith) Scan(dest ...any) error { return s.sc.Scan(append(dest, s.extra...)...) }

func bumpVersion(ctx context.Context, tx *sql.Tx, section string, now int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO section_versions (section, version, changed_at) VALUES (?, 1, ?)
		ON CONFLICT (section) DO UPDATE SET version = section_versions.version + 1, changed_at = excluded.changed_at`, section, now)
	if err != nil {
		return fmt.Errorf("bump section %s: %w", section, err)
	}
	return nil
}
