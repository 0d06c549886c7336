package storage

import (
	"context"
	"database/sql"
	"fmt"

	"newsdesk"
)

// SetWarning records the reservation of a source's last successful fetch
// (a document truncated to fetch.max_items), or clears it with "". It is
// written beside the fetch's own transaction: a note, not part of what the
// validators describe.
func (db *DB) SetWarning(ctx context.Context, url, warning string) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE sources SET warning = ? WHERE url = ? AND warning <> ?`, warning, url, warning); err != nil {
			return fmt.Errorf("write warning of %s: %w", url, err)
		}
		return nil
	})
}

// RecordFailure stores a fetch that could not be stored: the attempt, its
// status, error, error streak and next attempt, and nothing else (the
// validators stay those of the last stored fetch, so the next attempt
// fetches the document again). It fails like any write when the store
// cannot be written at all; the caller keeps the state in memory then.
func (db *DB) RecordFailure(ctx context.Context, st newsdesk.SourceState) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO sources (url, last_attempt, status, error, consecutive_errors, next_attempt)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (url) DO UPDATE SET last_attempt = excluded.last_attempt, status = excluded.status,
				error = excluded.error, consecutive_errors = excluded.consecutive_errors, next_attempt = excluded.next_attempt`,
			st.URL, unix(st.LastAttempt), st.Status, st.Error, st.ConsecutiveErrors, unix(st.NextAttempt))
		if err != nil {
			return fmt.Errorf("record failure of %s: %w", st.URL, err)
		}
		return nil
	})
}

// NoteItems records, for the items of source url with the given identity
// keys, what was cut from them to fit the field caps; explain shows it.
// Keys not stored (dropped as repeats) are ignored.
func (db *DB) NoteItems(ctx context.Context, url string, notes map[string]string) error {
	if len(notes) == 0 {
		return nil
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		for key, note := range notes {
			_, err := tx.ExecContext(ctx, `INSERT INTO item_notes (item_id, note)
				SELECT i.id, ? FROM items i JOIN sources s ON s.id = i.source_id WHERE s.url = ? AND i.key = ?
				ON CONFLICT (item_id) DO UPDATE SET note = excluded.note`, note, url, key)
			if err != nil {
				return fmt.Errorf("note items of %s: %w", url, err)
			}
		}
		return nil
	})
}

// ItemNotes returns the notes of the given items, by item id.
func (db *DB) ItemNotes(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	for _, id := range ids {
		var note string
		err := db.r.QueryRowContext(ctx, `SELECT note FROM item_notes WHERE item_id = ?`, id).Scan(&note)
		switch {
		case err == sql.ErrNoRows:
		case err != nil:
			return nil, fmt.Errorf("read item notes: %w", err)
		default:
			out[id] = note
		}
	}
	return out, nil
}
