package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"newsdesk"
)

// seenKeep is how long retention remembers the identity of a pruned item.
// Feeds rarely carry items for longer, and the table stays bounded.
const seenKeep = 365 * 24 * time.Hour

// Prune removes items older than maxAge (by sort date) and, in every
// section, items beyond the newest maxItems. Their identity keys and
// canonical links are remembered, so an item still present in its source's
// feed does not come back as new. Freed pages are returned to the file
// system (incremental vacuum). A zero maxAge or maxItems disables that rule.
// It returns the number of items removed.
func (db *DB) Prune(ctx context.Context, maxAge time.Duration, maxItems int) (int, error) {
	now := db.Now().UTC()
	var removed int
	err := db.inNearTx(ctx, func(tx *sql.Tx, nt *nearTx) error {
		// The SQL is shared by both backends (ON CONFLICT, an alias on
		// every subquery, typed parameters in a SELECT list).
		if _, err := tx.ExecContext(ctx, db.tempPruneTable()); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM prune`); err != nil {
			return err
		}
		var affected []storyRef
		if maxAge > 0 {
			if _, err := tx.ExecContext(ctx, `INSERT INTO prune SELECT id FROM items WHERE sort_at < ? ON CONFLICT DO NOTHING`,
				now.Add(-maxAge).Unix()); err != nil {
				return fmt.Errorf("select old items: %w", err)
			}
		}
		// A hidden story stays hidden when its hidden member leaves: the
		// engine moves the mark to the members that stay.
		if err := db.inheritHidden(ctx, tx, nt, now, maxItems); err != nil {
			return fmt.Errorf("keep hidden stories hidden: %w", err)
		}
		if maxItems > 0 {
			// Items ranked beyond maxItems in a section leave it; those left in
			// no section at all are removed.
			trimmed, err := collectStories(ctx, tx, `SELECT section, cluster_id FROM (SELECT section, cluster_id, state,
				row_number() OVER (PARTITION BY section ORDER BY sort_at DESC, ord DESC) AS n
				FROM section_items) AS ranked WHERE n > ? AND state <> 'filtered'`, maxItems)
			if err != nil {
				return fmt.Errorf("trim sections: %w", err)
			}
			affected = append(affected, trimmed...)
			if _, err := tx.ExecContext(ctx, `DELETE FROM section_items WHERE (section, item_id) IN (
				SELECT section, item_id FROM (SELECT section, item_id,
				row_number() OVER (PARTITION BY section ORDER BY sort_at DESC, ord DESC) AS n
				FROM section_items) AS ranked WHERE n > ?)`, maxItems); err != nil {
				return fmt.Errorf("trim sections: %w", err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO prune SELECT i.id FROM items i
				WHERE NOT EXISTS (SELECT 1 FROM section_items si WHERE si.item_id = i.id) ON CONFLICT DO NOTHING`); err != nil {
				return fmt.Errorf("select trimmed items: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO seen (source_id, key, pruned_at)
			SELECT source_id, key, CAST(? AS BIGINT) FROM items WHERE id IN (SELECT id FROM prune)
			ON CONFLICT (source_id, key) DO UPDATE SET pruned_at = excluded.pruned_at`, now.Unix()); err != nil {
			return fmt.Errorf("remember pruned items: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO seen_links (canonical_link, pruned_at)
			SELECT DISTINCT canonical_link, CAST(? AS BIGINT) FROM items WHERE canonical_link <> '' AND id IN (SELECT id FROM prune)
			ON CONFLICT (canonical_link) DO UPDATE SET pruned_at = excluded.pruned_at`, now.Unix()); err != nil {
			return fmt.Errorf("remember pruned links: %w", err)
		}
		pruned, err := collectStories(ctx, tx, `SELECT si.section, si.cluster_id FROM section_items si
			WHERE si.item_id IN (SELECT id FROM prune) AND si.state <> 'filtered'`)
		if err != nil {
			return fmt.Errorf("select stories: %w", err)
		}
		affected = append(affected, pruned...)
		res, err := tx.ExecContext(ctx, `DELETE FROM items WHERE id IN (SELECT id FROM prune)`)
		if err != nil {
			return fmt.Errorf("delete items: %w", err)
		}
		n, _ := res.RowsAffected()
		removed = int(n)
		// Stories stay whole: each one that lost members is regrouped
		// over its survivors, which elect a live representative (or the
		// story goes when none is left).
		if err := db.regroup(ctx, tx, nt, now, affected); err != nil {
			return fmt.Errorf("regroup stories: %w", err)
		}
		cutoff := now.Add(-seenKeep).Unix()
		if _, err := tx.ExecContext(ctx, `DELETE FROM seen WHERE pruned_at < ?`, cutoff); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM seen_links WHERE pruned_at < ?`, cutoff); err != nil {
			return err
		}
		if removed > 0 {
			if _, err := tx.ExecContext(ctx, `INSERT INTO section_versions (section, version, changed_at)
				SELECT DISTINCT section, 1, CAST(? AS BIGINT) FROM section_items WHERE true
				ON CONFLICT (section) DO UPDATE SET version = section_versions.version + 1, changed_at = excluded.changed_at`, now.Unix()); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM prune`)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("prune: %w", err)
	}
	if removed > 0 {
		if err := db.vacuum(ctx); err != nil {
			return removed, fmt.Errorf("prune: %w", err)
		}
	}
	return removed, nil
}

// vacuum returns the free pages to the file system. incremental_vacuum
// frees pages as its statement is stepped, so its rows are read to the end.
func (db *DB) vacuum(ctx context.Context) error {
	if db.pg {
		return nil // PostgreSQL's autovacuum reclaims the space
	}
	rows, err := db.w.QueryContext(ctx, `PRAGMA incremental_vacuum`)
	if err != nil {
		return fmt.Errorf("vacuum: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("vacuum: %w", err)
	}
	return nil
}

// storyRef names one story of one section.
type storyRef struct {
	section string
	id      int64
}

// collectStories returns the distinct (section, story) pairs a query yields.
func collectStories(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]storyRef, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []storyRef
	for rows.Next() {
		var r storyRef
		if err := rows.Scan(&r.section, &r.id); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// regroup has the engine recompute each story (once) after members left.
func (db *DB) regroup(ctx context.Context, tx *sql.Tx, nt *nearTx, now time.Time, stories []storyRef) error {
	if len(stories) == 0 {
		return nil
	}
	out := Outcome{Sections: map[string]*SectionCounts{}}
	s := db.newSaver(ctx, tx, nt, now, newsdesk.Source{}, &out)
	done := map[storyRef]bool{}
	for _, r := range stories {
		if done[r] || r.id == 0 {
			continue
		}
		done[r] = true
		sec := db.section(r.section)
		if sec == nil {
			sec = &newsdesk.Section{ID: r.section} // a section no longer configured: no priorities
		}
		if err := db.engine.Regroup(s.et, sec, r.id); err != nil {
			return err
		}
	}
	return s.err
}

// tempPruneTable creates the transaction's table of items to prune.
func (db *DB) tempPruneTable() string {
	if db.pg {
		return `CREATE TEMP TABLE IF NOT EXISTS prune (id BIGINT PRIMARY KEY)`
	}
	return `CREATE TEMP TABLE IF NOT EXISTS prune (id INTEGER PRIMARY KEY)`
}

// inheritHidden has the engine keep hidden the stories whose hidden
// members retention is about to remove (items in the prune table, rows ranked
// beyond maxItems).
func (db *DB) inheritHidden(ctx context.Context, tx *sql.Tx, nt *nearTx, now time.Time, maxItems int) error {
	rows, err := tx.QueryContext(ctx, `SELECT mk.section, mk.item_id FROM editor_marks mk WHERE mk.hidden = 1
		AND (mk.item_id IN (SELECT id FROM prune) OR ? > 0 AND (mk.section, mk.item_id) IN (
			SELECT section, item_id FROM (SELECT section, item_id,
			row_number() OVER (PARTITION BY section ORDER BY sort_at DESC, ord DESC) AS n FROM section_items) AS ranked WHERE n > ?))`,
		maxItems, maxItems)
	if err != nil {
		return err
	}
	var leaving []storyRef
	for rows.Next() {
		var r storyRef
		if err := rows.Scan(&r.section, &r.id); err != nil {
			rows.Close()
			return err
		}
		leaving = append(leaving, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(leaving) == 0 {
		return err
	}
	out := Outcome{Sections: map[string]*SectionCounts{}}
	s := db.newSaver(ctx, tx, nt, now, newsdesk.Source{}, &out)
	for _, r := range leaving {
		sec := db.section(r.section)
		if sec == nil {
			sec = &newsdesk.Section{ID: r.section}
		}
		m, err := s.memberRow(r.section, r.id)
		if err != nil {
			return err
		}
		if m == nil {
			continue
		}
		if err := db.engine.Inherit(s.et, sec, *m); err != nil {
			return err
		}
	}
	return s.err
}
