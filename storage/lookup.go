package storage

import (
	"context"
	"database/sql"
	"strings"

	"newsdesk"
)

// known is what the database holds of one fetch's items before the fetch
// is saved: read with a few batched queries instead of two per item.
type known struct {
	items     map[string]knownItem // stored items of the source, by identity key
	seen      map[string]bool      // keys of the source's pruned items
	seenLinks map[string]bool      // canonical links of pruned items
	// links and titles hold the canonical links and title keys of the
	// fetch's items that some stored item (of any source) has, and those
	// of the items stored since by the transaction: the only ones the
	// same-link and same-title rules need to look up. nil means unknown.
	links, titles map[string]bool
}

type knownItem struct {
	id   int64
	hash string
}

// lookupChunk bounds the parameters of one IN list.
const lookupChunk = 200

// loadKnown reads, inside tx, which of items are stored for source sid
// (hadItems false skips that query: the source has none), which were
// pruned, and which of their canonical links and title keys (titleKeys,
// by item) some stored item has.
func loadKnown(ctx context.Context, tx *sql.Tx, sid int64, items []newsdesk.Item, titleKeys []string, hadItems bool) (known, error) {
	k := known{items: map[string]knownItem{}, seen: map[string]bool{}, seenLinks: map[string]bool{}}
	keys := make([]any, 0, len(items))
	links := make([]any, 0, len(items))
	for i := range items {
		keys = append(keys, items[i].Key)
		if items[i].CanonicalLink != "" {
			links = append(links, items[i].CanonicalLink)
		}
	}
	if hadItems {
		err := inChunks(ctx, tx, `SELECT key, id, content_hash FROM items WHERE source_id = ? AND key IN `, sid, keys,
			func(rows *sql.Rows) error {
				var key string
				var it knownItem
				if err := rows.Scan(&key, &it.id, &it.hash); err != nil {
					return err
				}
				k.items[key] = it
				return nil
			})
		if err != nil {
			return k, err
		}
	}
	if err := k.loadClusterKeys(ctx, tx, links, titleKeys); err != nil {
		return k, err
	}
	err := inChunks(ctx, tx, `SELECT key FROM seen WHERE source_id = ? AND key IN `, sid, keys, func(rows *sql.Rows) error {
		var key string
		err := rows.Scan(&key)
		k.seen[key] = true
		return err
	})
	if err != nil {
		return k, err
	}
	err = inChunks(ctx, tx, `SELECT canonical_link FROM seen_links WHERE ? AND canonical_link IN `, true, links,
		func(rows *sql.Rows) error {
			var link string
			err := rows.Scan(&link)
			k.seenLinks[link] = true
			return err
		})
	return k, err
}

// loadClusterKeys fills k.links and k.titles: which of the fetch's
// canonical links and title keys some stored item has. Two batched
// queries replace two per new item, most of which would find nothing.
func (k *known) loadClusterKeys(ctx context.Context, tx *sql.Tx, links []any, titleKeys []string) error {
	k.links, k.titles = map[string]bool{}, map[string]bool{}
	err := inChunks(ctx, tx, `SELECT canonical_link FROM items WHERE ? AND canonical_link <> '' AND canonical_link IN `, true, links,
		func(rows *sql.Rows) error {
			var link string
			err := rows.Scan(&link)
			k.links[link] = true
			return err
		})
	if err != nil {
		return err
	}
	titles := make([]any, 0, len(titleKeys))
	for _, tk := range titleKeys {
		if tk != "" {
			titles = append(titles, tk)
		}
	}
	return inChunks(ctx, tx, `SELECT title_key FROM items WHERE ? AND title_key <> '' AND title_key IN `, true, titles,
		func(rows *sql.Rows) error {
			var tk string
			err := rows.Scan(&tk)
			k.titles[tk] = true
			return err
		})
}

// querier is a transaction or a connection pool.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// inChunks runs query (ending in "IN ") with first and each chunk of
// values as arguments, calling row for every result row.
func inChunks(ctx context.Context, tx querier, query string, first any, values []any, row func(*sql.Rows) error) error {
	for len(values) > 0 {
		n := min(len(values), lookupChunk)
		args := append([]any{first}, values[:n]...)
		values = values[n:]
		rows, err := tx.QueryContext(ctx, query+"(?"+strings.Repeat(", ?", n-1)+")", args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := row(rows); err != nil {
				rows.Close()
				return err
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return err
		}
	}
	return nil
}
