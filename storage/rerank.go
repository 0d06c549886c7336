package storage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"newsdesk"
)

// Rerank has the engine settle again every story of the sections whose
// source priorities differ from those their stories were ranked under
// (the config changed them, then a restart or a reload): the highest
// priority represents a story, so without it which report is shown would
// depend on when the config changed rather than on the config. It
// records the priorities ranked under per section (section_ranks) and
// returns the sections whose output may have changed. Call it after
// SetSections.
//
// A section met for the first time (a new section, or a database from
// before the record) is ranked again only when some of its sources have
// a priority: with none, every stored decision was made under the same.
func (db *DB) Rerank(ctx context.Context) ([]string, error) {
	db.mu.RLock()
	ids := make([]string, 0, len(db.sections))
	for id := range db.sections {
		ids = append(ids, id)
	}
	db.mu.RUnlock()
	slices.Sort(ids)
	var changed []string
	for _, id := range ids {
		sec := db.section(id)
		if sec == nil {
			continue
		}
		want := priorities(sec.Sources)
		var have string
		err := db.r.QueryRowContext(ctx, `SELECT priorities FROM section_ranks WHERE section = ?`, id).Scan(&have)
		switch {
		case err == sql.ErrNoRows:
			if want == "" {
				have = want // nothing ranked by priority yet
			} else {
				have = "\x00" // unknown: rank again
			}
		case err != nil:
			return changed, fmt.Errorf("rerank %s: %w", id, err)
		}
		if have == want {
			if err == sql.ErrNoRows {
				if _, err := db.w.ExecContext(ctx, `INSERT INTO section_ranks (section, priorities) VALUES (?, ?)
					ON CONFLICT (section) DO UPDATE SET priorities = excluded.priorities`, id, want); err != nil {
					return changed, fmt.Errorf("rerank %s: %w", id, err)
				}
			}
			continue
		}
		now := db.Now().UTC()
		err = db.inNearTx(ctx, func(tx *sql.Tx, nt *nearTx) error {
			rows, err := tx.QueryContext(ctx, `SELECT cluster_id FROM section_items WHERE section = ? AND state <> 'filtered'
				GROUP BY cluster_id HAVING count(*) > 1`, id)
			if err != nil {
				return err
			}
			var stories []storyRef
			for rows.Next() {
				r := storyRef{section: id}
				if err := rows.Scan(&r.id); err != nil {
					rows.Close()
					return err
				}
				stories = append(stories, r)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			if err := db.regroup(ctx, tx, nt, now, stories); err != nil {
				return err
			}
			if err := bumpVersion(ctx, tx, id, now.Unix()); err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, `INSERT INTO section_ranks (section, priorities) VALUES (?, ?)
				ON CONFLICT (section) DO UPDATE SET priorities = excluded.priorities`, id, want)
			return err
		})
		if err != nil {
			return changed, fmt.Errorf("rerank %s: %w", id, err)
		}
		changed = append(changed, id)
	}
	return changed, nil
}

// priorities is the record of a section's source priorities: the sources
// with one, by URL ("3 http://…" lines). Sources without one rank alike.
func priorities(sources []newsdesk.SectionSource) string {
	var lines []string
	for _, s := range sources {
		if s.Priority != 0 {
			lines = append(lines, fmt.Sprintf("%d %s", s.Priority, s.URL))
		}
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}
