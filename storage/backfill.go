package storage

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"

	"newsdesk/curate"
)

// backfill computes, for items stored before migration 005, what SQL
// cannot: the stable order key (a hash) and the word count. It runs at
// Open and finds nothing to do once done.
func (db *DB) backfill(ctx context.Context) error {
	var n int
	if err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM items WHERE ord = 0`).Scan(&n); err != nil {
		return fmt.Errorf("backfill: %w", err)
	}
	if n == 0 {
		return nil
	}
	type row struct {
		id       int64
		src, key string
		text     string
	}
	rows, err := db.r.QueryContext(ctx, `SELECT i.id, s.url, i.key, i.summary, i.content_html FROM items i
		JOIN sources s ON s.id = i.source_id WHERE i.ord = 0`)
	if err != nil {
		return fmt.Errorf("backfill: %w", err)
	}
	var all []row
	for rows.Next() {
		var r row
		var summary, content string
		if err := rows.Scan(&r.id, &r.src, &r.key, &summary, &content); err != nil {
			rows.Close()
			return fmt.Errorf("backfill: %w", err)
		}
		r.text = tags.ReplaceAllString(content, " ")
		if r.text == "" {
			r.text = summary
		}
		all = append(all, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("backfill: %w", err)
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		for _, r := range all {
			ord := curate.OrdKey(r.src, r.key)
			if _, err := tx.ExecContext(ctx, `UPDATE items SET ord = ?, words = ? WHERE id = ?`, ord, curate.Words(r.text), r.id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE section_items SET ord = ? WHERE item_id = ?`, ord, r.id); err != nil {
				return err
			}
		}
		return nil
	})
}

var tags = regexp.MustCompile(`<[^>]*>`)
