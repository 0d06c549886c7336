package storage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"newsdesk"
)

// RenameSources stores the configured title of each known source whose
// title changed in the config (a reload), so that the items already
// published name the source as the config now does, and returns the ids of
// the sections those sources feed. A fetch stores the title too; this
// makes a rename visible without waiting for one.
func (db *DB) RenameSources(ctx context.Context, sources []newsdesk.Source) ([]string, error) {
	var changed []string
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		for _, src := range sources {
			res, err := tx.ExecContext(ctx, `UPDATE sources SET name = ? WHERE url = ? AND name <> ?`, src.Title, src.URL, src.Title)
			if err != nil {
				return fmt.Errorf("rename source %s: %w", src.URL, err)
			}
			if n, err := res.RowsAffected(); err == nil && n > 0 {
				for _, id := range src.Sections {
					if !slices.Contains(changed, id) {
						changed = append(changed, id)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return changed, nil
}
