package storage

import (
	"context"
	"database/sql"
	"sync"
	"time"

	"newsdesk/neardup"
)

// nearIndex holds, per section, the near-duplicate candidate index
// (neardup.Index) of the items a new item can be compared with: those
// dated within the horizon (DuplicateWindow plus the day by which a sort
// date may trail the fetch, see saver.sortAt).
//
// The signatures table is the truth; the index is derived from it. It is
// read at Open, and each write transaction first reads the items another
// process (a cron-run fetch beside serve) stored since: the write lock is
// held by then, so the index is exact for the transaction. Candidates are
// checked against their stored row and signature, so an entry left behind
// by retention never makes a wrong match. Keeping the band keys out of
// SQLite is what keeps a stored item's cost flat: 32 band rows per item
// on random B-tree pages were three quarters of the writer's work.
//
// Near-duplicate matching therefore covers items dated within the horizon
// of now; an item dated earlier (a new source's backlog) is compared with
// the items of that backlog added since the last eviction only. The link
// and title rules, indexed in SQLite, still apply to it.
type nearIndex struct {
	mu        sync.Mutex // held for a whole write transaction
	sections  map[string]*neardup.Index
	lastID    int64 // highest item id the index has read or added
	span      int64 // shard span, seconds
	horizon   time.Duration
	lastEvict time.Time
}

// nearTx records what one write transaction added to the index, to undo
// it if the transaction does not commit.
type nearTx struct {
	idx   *nearIndex
	added []nearEntry
	maxID int64
}

type nearEntry struct {
	section string
	id, at  int64
}

// evictEvery is how often the index drops its shards beyond the horizon.
const evictEvery = time.Hour

func (db *DB) nearHorizon() time.Duration { return db.DuplicateWindow + 24*time.Hour }

// loadNear builds the index from the database: every filed (not
// filtered) item with a signature, dated within the horizon.
func (db *DB) loadNear(ctx context.Context) error {
	n := &db.near
	n.mu.Lock()
	defer n.mu.Unlock()
	n.sections = map[string]*neardup.Index{}
	n.span = max(int64(db.DuplicateWindow.Seconds())/2, 3600)
	n.horizon = db.nearHorizon()
	n.lastEvict = db.Now()
	if err := db.r.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM items`).Scan(&n.lastID); err != nil {
		return err
	}
	rows, err := db.r.QueryContext(ctx, `SELECT si.section, si.item_id, i.sort_at, g.signature
		FROM items i CROSS JOIN section_items si ON si.item_id = i.id
		CROSS JOIN signatures g ON g.item_id = i.id
		WHERE i.sort_at >= ? AND i.id <= ? AND si.state <> 'filtered' ORDER BY i.id`,
		db.Now().Add(-n.horizon).Unix(), n.lastID)
	if err != nil {
		return err
	}
	return n.addRows(rows)
}

// catchUp adds the items other processes stored since the index last
// looked, and drops shards beyond the horizon once an hour. It runs inside
// a write transaction.
func (db *DB) catchUp(ctx context.Context, tx *sql.Tx) error {
	n := &db.near
	now := db.Now()
	if now.Sub(n.lastEvict) >= evictEvery {
		cut := now.Add(-n.horizon).Unix()
		for _, x := range n.sections {
			x.Evict(cut)
		}
		n.lastEvict = now
	}
	var maxID int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM items`).Scan(&maxID); err != nil {
		return err
	}
	if maxID <= n.lastID {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT si.section, si.item_id, i.sort_at, g.signature
		FROM items i CROSS JOIN section_items si ON si.item_id = i.id
		CROSS JOIN signatures g ON g.item_id = i.id
		WHERE i.id > ? AND i.sort_at >= ? AND si.state <> 'filtered' ORDER BY i.id`, n.lastID, now.Add(-n.horizon).Unix())
	if err != nil {
		return err
	}
	if err := n.addRows(rows); err != nil {
		return err
	}
	n.lastID = maxID
	return nil
}

func (n *nearIndex) addRows(rows *sql.Rows) error {
	defer rows.Close()
	for rows.Next() {
		var section string
		var id, at int64
		var raw []byte
		if err := rows.Scan(&section, &id, &at, &raw); err != nil {
			return err
		}
		var sig neardup.Signature
		if sig.UnmarshalBinary(raw) != nil {
			continue // an older signature version: never a candidate
		}
		n.index(section).Add(id, at, sig)
	}
	return rows.Err()
}

func (n *nearIndex) index(section string) *neardup.Index {
	x := n.sections[section]
	if x == nil {
		x = neardup.NewIndex(n.span)
		n.sections[section] = x
	}
	return x
}

// add indexes a filed item within the transaction t.
func (t *nearTx) add(section string, id, at int64, sig neardup.Signature) {
	if sig.Empty() {
		return
	}
	t.idx.index(section).Add(id, at, sig)
	t.added = append(t.added, nearEntry{section, id, at})
	t.maxID = max(t.maxID, id)
}

// end keeps the transaction's additions if it committed, or removes them.
func (t *nearTx) end(committed bool) {
	if committed {
		t.idx.lastID = max(t.idx.lastID, t.maxID)
		return
	}
	for i := len(t.added) - 1; i >= 0; i-- {
		e := t.added[i]
		t.idx.index(e.section).Remove(e.id, e.at)
	}
}

// NearIndexItems returns the number of items the in-memory near-duplicate
// index holds, over all sections (an item filed in two sections counts
// twice). It waits for a write transaction in progress.
func (db *DB) NearIndexItems() int {
	db.near.mu.Lock()
	defer db.near.mu.Unlock()
	n := 0
	for _, x := range db.near.sections {
		n += x.Len()
	}
	return n
}

// inNearTx runs fn in a write transaction that may file items: the index
// is brought up to date first and kept locked until the transaction ends.
func (db *DB) inNearTx(ctx context.Context, fn func(tx *sql.Tx, nt *nearTx) error) error {
	db.near.mu.Lock()
	defer db.near.mu.Unlock()
	nt := &nearTx{idx: &db.near}
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if err := db.catchUp(ctx, tx); err != nil {
			return err
		}
		return fn(tx, nt)
	})
	nt.end(err == nil)
	return err
}
