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

// IN-list queries of the write path (inChunks prepares them).
const (
	qKnownItems     = `SELECT key, id, content_hash FROM items WHERE source_id = ? AND key IN `
	qKnownSeen      = `SELECT key FROM seen WHERE source_id = ? AND key IN `
	qKnownSeenLinks = `SELECT canonical_link FROM seen_links WHERE ? AND canonical_link IN `
	qKnownLinks     = `SELECT canonical_link FROM items WHERE ? AND canonical_link <> '' AND canonical_link IN `
	qKnownTitles    = `SELECT title_key FROM items WHERE story_at / 86400 = ? AND title_key <> '' AND title_key IN `
	qSharedGUIDs    = `SELECT guid, key, canonical_link FROM items WHERE source_id = ? AND guid <> '' AND substr(key, 1, 5) <> 'guid:' AND guid IN `
)

// adoptSharedGUIDs keeps the stored identity of an item whose feed once
// gave its guid to several different items. normalize keys an item by
// its guid unless the document shares that guid between different items;
// a feed that writes one guid for every item and then lists a single item
// would have it keyed by that guid, stored a second time beside the same
// item stored under its link. So an item keyed by its guid, whose guid
// the source's stored items carry under other keys, takes the key of the
// stored item with its canonical link, else its own link's key (the key
// normalize gives when the guid is shared); with neither, it keeps its
// guid. The look-up reads a partial index of only such items.
func adoptSharedGUIDs(ctx context.Context, tx querier, sid int64, items []newsdesk.Item) error {
	var guids []any
	for i := range items {
		if g := items[i].GUID; g != "" && items[i].Key == "guid:"+g {
			guids = append(guids, g)
		}
	}
	if len(guids) == 0 {
		return nil
	}
	type stored struct{ key, link string }
	shared := map[string][]stored{}
	err := inChunks(ctx, tx, qSharedGUIDs, sid, guids, func(rows *sql.Rows) error {
		var g string
		var st stored
		err := rows.Scan(&g, &st.key, &st.link)
		shared[g] = append(shared[g], st)
		return err
	})
	if err != nil || len(shared) == 0 {
		return err
	}
	for i := range items {
		it := &items[i]
		rows, ok := shared[it.GUID]
		if !ok || it.Key != "guid:"+it.GUID {
			continue
		}
		key := ""
		if it.CanonicalLink != "" {
			key = "link:" + it.CanonicalLink
		}
		for _, st := range rows {
			if st.link != "" && st.link == it.CanonicalLink {
				key = st.key
				break
			}
		}
		if key != "" {
			it.Key = key
		}
	}
	return nil
}

// lookupChunk bounds the parameters of one IN list.
const lookupChunk = 200

// loadKnown reads, inside tx, which of items are stored for source sid
// (hadItems false skips that query: the source has none) and which were
// pruned. loadClusterKeys completes it for the items to insert.
func loadKnown(ctx context.Context, tx querier, sid int64, items []newsdesk.Item, hadItems bool) (known, error) {
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
		err := inChunks(ctx, tx, qKnownItems, sid, keys,
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
	err := inChunks(ctx, tx, qKnownSeen, sid, keys, func(rows *sql.Rows) error {
		var key string
		err := rows.Scan(&key)
		k.seen[key] = true
		return err
	})
	if err != nil {
		return k, err
	}
	err = inChunks(ctx, tx, qKnownSeenLinks, true, links,
		func(rows *sql.Rows) error {
			var link string
			err := rows.Scan(&link)
			k.seenLinks[link] = true
			return err
		})
	return k, err
}

// titleLookup is what the title look-up of a fetch needs: the title key
// of each item (by item) and the days of the items_title_day index their
// windows cover.
type titleLookup struct {
	keys []string
	days map[int64]bool
}

// maxTitleDays bounds the days looked up in one batch; a fetch whose
// items' windows cover more (a backlog spread over weeks) looks each item
// up on its own.
const maxTitleDays = 8

func (t *titleLookup) addDays(from, to int64) {
	if t.days == nil {
		t.days = map[int64]bool{}
	}
	for d := from; d <= to && len(t.days) <= maxTitleDays; d++ {
		t.days[d] = true
	}
}

// loadClusterKeys fills k.links and k.titles: which of the canonical links
// and title keys of the items to insert some stored item has (title keys:
// within the days of titles). A few batched queries replace two per new
// item, most of which would find nothing.
func (k *known) loadClusterKeys(ctx context.Context, tx querier, links []any, titles titleLookup) error {
	k.links = map[string]bool{}
	err := inChunks(ctx, tx, qKnownLinks, true, links,
		func(rows *sql.Rows) error {
			var link string
			err := rows.Scan(&link)
			k.links[link] = true
			return err
		})
	if err != nil || len(titles.days) > maxTitleDays {
		return err // too many days: k.titles stays nil, each item is looked up
	}
	k.titles = map[string]bool{}
	keys := make([]any, 0, len(titles.keys))
	for _, tk := range titles.keys {
		if tk != "" {
			keys = append(keys, tk)
		}
	}
	for day := range titles.days {
		err := inChunks(ctx, tx, qKnownTitles, day, keys,
			func(rows *sql.Rows) error {
				var tk string
				err := rows.Scan(&tk)
				k.titles[tk] = true
				return err
			})
		if err != nil {
			return err
		}
	}
	return nil
}

// querier is a transaction or a connection pool.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// inChunks runs query (ending in "IN ") with first and each chunk of
// values as arguments, calling row for every result row. Through a
// preparer (a write transaction's statements) the queries of inQueries
// run prepared: chunks of at most preparedChunk values, each padded to a
// size of inSizes by repeating its last value (which changes no IN).
func inChunks(ctx context.Context, tx querier, query string, first any, values []any, row func(*sql.Rows) error) error {
	p, _ := tx.(preparer)
	for len(values) > 0 {
		var rows *sql.Rows
		var err error
		if st := preparedIn(p, query, len(values)); st != nil {
			n := min(len(values), preparedChunk)
			size := inSize(n)
			args := append(make([]any, 0, size+1), first)
			args = append(args, values[:n]...)
			for len(args) < size+1 {
				args = append(args, values[n-1])
			}
			values = values[n:]
			rows, err = st.QueryContext(ctx, args...)
		} else {
			n := min(len(values), lookupChunk)
			args := append([]any{first}, values[:n]...)
			values = values[n:]
			rows, err = tx.QueryContext(ctx, query+"(?"+strings.Repeat(", ?", n-1)+")", args...)
		}
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

// preparer gives a statement prepared for query, or nil.
type preparer interface {
	prepared(query string) *sql.Stmt
}

// preparedChunk bounds the values of a prepared IN list; inSizes are the
// sizes prepared.
const preparedChunk = 64

var inSizes = []int{1, 2, 4, 8, 16, 32, 64}

// inSize is the prepared size a chunk of n values is padded to.
func inSize(n int) int {
	for _, s := range inSizes {
		if n <= s {
			return s
		}
	}
	return preparedChunk
}

func inList(query string, n int) string { return query + "(?" + strings.Repeat(", ?", n-1) + ")" }

func preparedIn(p preparer, query string, left int) *sql.Stmt {
	if p == nil {
		return nil
	}
	return p.prepared(inList(query, inSize(min(left, preparedChunk))))
}

// inStatements are the prepared forms of the write path's IN queries.
func inStatements() []string {
	var out []string
	for _, q := range inQueries {
		for _, n := range inSizes {
			out = append(out, inList(q, n))
		}
	}
	return out
}

var inQueries = []string{qKnownItems, qKnownSeen, qKnownSeenLinks, qKnownLinks, qKnownTitles, qNearMembers}

// boundTx is a write transaction whose prepared statements inChunks uses.
type boundTx struct {
	*sql.Tx
	s *saver
}

func (b boundTx) prepared(query string) *sql.Stmt {
	if b.s.db.stmts[query] == nil {
		return nil
	}
	return b.s.q(query)
}
