package storage

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"
	"time"

	"newsdesk/curate"
	"newsdesk/neardup"
)

// backfill computes, for items stored before migration 005, what SQL
// cannot: the stable order key (a hash) and the word count. It runs at
// Open; once done, change_seq.backfilled says so and later Opens skip it.
func (db *DB) backfill(ctx context.Context) error {
	var done bool
	if err := db.r.QueryRowContext(ctx, `SELECT backfilled FROM change_seq`).Scan(&done); err != nil {
		return fmt.Errorf("backfill: %w", err)
	}
	if done {
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
		r.text = firstWords(tags.ReplaceAllString(content, " "), leadWords) // what normalize's lead holds
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
		if _, err := tx.ExecContext(ctx, `UPDATE change_seq SET backfilled = 1`); err != nil {
			return err
		}
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

// resignWindow bounds the items resign signs again: those dated within it
// of now (older ones would rarely meet a new report).
const resignWindow = 45 * 24 * time.Hour

// resign signs again, from their stored text, the items whose signature
// is of an older version of the scheme (neardup.UnmarshalBinary refuses
// it), and those stored with no signature (a flash under 12 words had
// none before encoding 5): without it they would never be near-duplicate
// candidates. The text
// is the start of the stored content (what normalize's lead holds), else
// the summary. It runs at Open; once done, it records the encoding in
// change_seq.signing and later Opens skip the scan while the encoding is
// the same. Other processes see the new signatures through the change
// sequence.
func (db *DB) resign(ctx context.Context) error {
	// Signatures of the current encoding start with its version byte: only
	// the others are read.
	cur, err := neardup.Sign("", strings.Repeat("un deux trois quatre cinq six sept huit ", 3)).MarshalBinary()
	if err != nil || len(cur) == 0 {
		return fmt.Errorf("re-sign: no current signature encoding: %v", err)
	}
	var signing int64
	if err := db.r.QueryRowContext(ctx, `SELECT signing FROM change_seq`).Scan(&signing); err != nil {
		return fmt.Errorf("re-sign: %w", err)
	}
	if signing == int64(cur[0]) {
		return nil // done at an earlier Open, for this encoding
	}
	rows, err := db.r.QueryContext(ctx, `SELECT i.id, i.title, i.summary, i.content_html, g.signature
		FROM items i LEFT JOIN signatures g ON g.item_id = i.id
		WHERE i.story_at >= ? AND (g.item_id IS NULL OR substr(g.signature, 1, 1) <> ?)`,
		db.Now().Add(-resignWindow).Unix(), cur[:1])
	if err != nil {
		return fmt.Errorf("re-sign: %w", err)
	}
	type resigned struct {
		id       int64
		sig      []byte
		unsigned bool // stored with no signature row
	}
	var todo []resigned
	for rows.Next() {
		var id int64
		var title, summary, content string
		var raw []byte
		if err := rows.Scan(&id, &title, &summary, &content, &raw); err != nil {
			rows.Close()
			return fmt.Errorf("re-sign: %w", err)
		}
		var sig neardup.Signature
		if raw != nil && sig.UnmarshalBinary(raw) == nil {
			continue
		}
		text := firstWords(tags.ReplaceAllString(content, " "), leadWords)
		if text == "" {
			text = summary
		}
		b, err := neardup.Sign(title, text).MarshalBinary()
		if err != nil {
			rows.Close()
			return fmt.Errorf("re-sign: %w", err)
		}
		if raw == nil && len(b) == 0 {
			continue // unsigned, and still too short to sign
		}
		todo = append(todo, resigned{id, b, raw == nil})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(todo) > 0 {
		db.Logger.Info("re-signing items stored with an older near-duplicate signature", "items", len(todo))
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE change_seq SET signing = ?`, int64(cur[0])); err != nil {
			return err
		}
		if len(todo) == 0 {
			return nil
		}
		var seq int64
		if err := tx.QueryRowContext(ctx, `UPDATE change_seq SET seq = seq + 1 RETURNING seq`).Scan(&seq); err != nil {
			return err
		}
		for _, r := range todo {
			var err error
			switch {
			case len(r.sig) == 0:
				_, err = tx.ExecContext(ctx, `DELETE FROM signatures WHERE item_id = ?`, r.id)
			case r.unsigned:
				_, err = tx.ExecContext(ctx, `INSERT INTO signatures (item_id, signature) VALUES (?, ?)
					ON CONFLICT (item_id) DO UPDATE SET signature = excluded.signature`, r.id, r.sig)
			default:
				_, err = tx.ExecContext(ctx, `UPDATE signatures SET signature = ? WHERE item_id = ?`, r.sig, r.id)
			}
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE items SET seq = ? WHERE id = ?`, seq, r.id); err != nil {
				return err
			}
		}
		return nil
	})
}

// leadWords is how many words of the text a signature reads (normalize's
// lead).
const leadWords = 200

// firstWords returns the first n words of s, space-separated.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}
