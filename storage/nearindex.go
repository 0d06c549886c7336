package storage

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"time"

	"newsdesk/neardup"
)

// nearIndex holds, per section, the near-duplicate candidate index
// (neardup.Index) of the filed items, by their story dates.
//
// The signatures table is the truth; the index is derived from it, one
// section and span of story dates at a time: a look-up reads the spans of
// its section that its dates need first, inside its transaction
// (nearlazy.go), so that a process writing to a few sections (a cron-run
// fetch of one section) reads only their windows, and the duplicate window
// is about the stories' own dates whatever the time they arrive (a new
// source's backlog, a fetch after an outage). Each write transaction first reads what other processes (a
// cron-run fetch beside serve, another worker) stored or signed again
// since, from the change sequence (change_seq, items.seq): the write lock
// is held by then, so the index is exact for the transaction. Candidates
// are checked against their stored row and signature, so an entry left
// behind (a pruned item, an older signature) never makes a wrong match.
type nearIndex struct {
	mu        sync.Mutex // held for a whole write transaction
	ready     bool       // read from the database (at the first write: read-only commands never pay for it)
	sections  map[string]*neardup.Index
	loaded    map[sectionSpan]bool // spans of story dates read from the database, per section
	spans     map[int64]bool       // spans read for every section at once (nearlazy.go)
	lazyReads int                  // per-section reads since the index started
	lastSeq   int64                // change sequence the index has caught up with
	span      int64                // shard span, seconds
	lookups   int64                // look-ups made, and candidates they returned (benchmarks report the ratio)
	cands     int64
	read      int64         // stored candidates read whole (their text part passed in memory)
	passed    int64         // candidates whose signature passed neardup.Same
	horizon   time.Duration // spans older than now-horizon are evicted
	lastEvict time.Time
}

// nearTx records what one write transaction added to the index, to undo
// it if the transaction does not commit.
type nearTx struct {
	idx   *nearIndex
	added []nearEntry
	seq   int64 // the transaction's change sequence number
}

type nearEntry struct {
	section string
	id, at  int64
}

// evictEvery is how often the index drops its spans beyond the horizon.
const evictEvery = time.Hour

func (db *DB) nearHorizon() time.Duration { return db.engine.DuplicateWindow + 24*time.Hour }

// loadNear starts the index afresh, through q: empty, caught up with the
// change sequence; each section's spans are read by the first look-up that
// needs them (loadSection). The caller holds n.mu.
func (db *DB) loadNear(ctx context.Context, q queryer) error {
	n := &db.near
	n.ready = false
	n.sections = map[string]*neardup.Index{}
	n.loaded = map[sectionSpan]bool{}
	n.spans = map[int64]bool{}
	n.lazyReads = 0
	n.span = max(int64(db.engine.DuplicateWindow.Seconds())/2, 3600)
	n.horizon = db.nearHorizon()
	n.lastEvict = db.Now()
	if err := q.QueryRowContext(ctx, `SELECT seq FROM change_seq`).Scan(&n.lastSeq); err != nil {
		return err
	}
	n.ready = true
	return nil
}

// queryer is a transaction or a pool.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// catchUp adds what other processes stored or signed again since the index
// last looked, takes the transaction's change sequence number, and drops
// spans beyond the horizon once an hour. It runs first in every write
// transaction.
func (db *DB) catchUp(ctx context.Context, tx *sql.Tx, nt *nearTx) error {
	n := &db.near
	if !n.ready {
		if err := db.loadNear(ctx, tx); err != nil {
			return fmt.Errorf("load near-duplicate index: %w", err)
		}
	}
	now := db.Now()
	if now.Sub(n.lastEvict) >= evictEvery {
		cut := now.Add(-n.horizon).Unix()
		for _, x := range n.sections {
			x.Evict(cut)
		}
		for k := range n.loaded {
			if (k.span+1)*n.span <= cut {
				delete(n.loaded, k)
			}
		}
		for b := range n.spans {
			if (b+1)*n.span <= cut {
				delete(n.spans, b)
			}
		}
		n.lastEvict = now
	}
	var seq int64
	if err := tx.QueryRowContext(ctx, `UPDATE change_seq SET seq = seq + 1 RETURNING seq`).Scan(&seq); err != nil {
		return err
	}
	nt.seq = seq
	return n.readChanges(ctx, tx, seq-1)
}

// readChanges adds to the index what was stored or signed again after
// lastSeq, up to seq.
func (n *nearIndex) readChanges(ctx context.Context, q queryer, seq int64) error {
	if seq <= n.lastSeq {
		return nil
	}
	rows, err := q.QueryContext(ctx, `SELECT si.section, i.id, i.story_at, g.signature
		FROM items i CROSS JOIN section_items si ON si.item_id = i.id
		CROSS JOIN signatures g ON g.item_id = i.id
		WHERE i.seq > ? AND i.seq <= ? AND si.state <> 'filtered'`, n.lastSeq, seq)
	if err != nil {
		return err
	}
	if err := n.addRows(rows, true); err != nil {
		return err
	}
	n.lastSeq = seq
	return nil
}

// addRows indexes (section, id, story_at, signature) rows; loadedOnly
// skips those whose span is not loaded (reading the span will find them).
func (n *nearIndex) addRows(rows *sql.Rows, loadedOnly bool) error {
	defer rows.Close()
	for rows.Next() {
		var section string
		var id, at int64
		var raw []byte
		if err := rows.Scan(&section, &id, &at, &raw); err != nil {
			return err
		}
		if loadedOnly && !n.isLoaded(section, floorDiv(at, n.span)) {
			continue
		}
		var sig neardup.Signature
		if sig.UnmarshalBinary(raw) != nil {
			continue // an older signature version: never a candidate
		}
		n.index(section).Add(id, at, sig)
	}
	return rows.Err()
}

// loadBatch is how many rows addAll reads before handing them over.
const loadBatch = 1024

type loadedRow struct {
	section string
	id, at  int64
	sig     []byte // the encoded signature, in the batch's buffer
}

// addAll indexes (section, id, story_at, signature) rows as addRows does,
// but those skip reports (nil: none), in two goroutines: this one reads the rows, another adds them to the
// index (neardup.Index.AddEncoded reads the encoded signatures in place),
// so that loading a window (at the first write after Open) takes about
// the longer of the two rather than their sum.
func (n *nearIndex) addAll(rows *sql.Rows, skip func(section string, at int64) bool) error {
	defer rows.Close()
	type batch struct {
		rows []loadedRow
		buf  []byte
	}
	batches := make(chan batch, 4)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for b := range batches {
			for _, r := range b.rows {
				if skip != nil && skip(r.section, r.at) {
					continue
				}
				// An older encoding is never a candidate (resign signs it
				// again at Open).
				_ = n.index(r.section).AddEncoded(r.id, r.at, r.sig)
			}
		}
	}()
	err := func() error {
		defer close(batches)
		next := func() batch { return batch{make([]loadedRow, 0, loadBatch), make([]byte, 0, loadBatch*600)} }
		b := next()
		var raw sql.RawBytes
		var section string
		for rows.Next() {
			var r loadedRow
			if err := rows.Scan(&section, &r.id, &r.at, &raw); err != nil {
				return err
			}
			if len(b.rows) > 0 && b.rows[len(b.rows)-1].section == section {
				r.section = b.rows[len(b.rows)-1].section // one string per run of a section
			} else {
				r.section = section
			}
			if len(b.buf)+len(raw) > cap(b.buf) {
				batches <- b
				b = next()
			}
			at := len(b.buf)
			b.buf = append(b.buf, raw...)
			r.sig = b.buf[at:len(b.buf):len(b.buf)]
			b.rows = append(b.rows, r)
			if len(b.rows) == loadBatch {
				batches <- b
				b = next()
			}
		}
		if len(b.rows) > 0 {
			batches <- b
		}
		return rows.Err()
	}()
	<-done
	return err
}

func (n *nearIndex) index(section string) *neardup.Index {
	x := n.sections[section]
	if x == nil {
		x = neardup.NewIndex(n.span)
		n.sections[section] = x
	}
	return x
}

// ensure loads the spans of section a look-up of story dates [from, to]
// needs.
func (t *nearTx) ensure(ctx context.Context, tx *sql.Tx, section string, from, to int64) error {
	return t.idx.loadSection(ctx, tx, section, from, to)
}

// add indexes a filed item within the transaction t.
func (t *nearTx) add(section string, id, at int64, sig neardup.Signature) {
	if sig.Empty() {
		return
	}
	t.idx.index(section).Add(id, at, sig)
	t.added = append(t.added, nearEntry{section, id, at})
}

// end keeps the transaction's additions if it committed, or removes them.
func (t *nearTx) end(committed bool) {
	if committed {
		t.idx.lastSeq = max(t.idx.lastSeq, t.seq)
		return
	}
	for i := len(t.added) - 1; i >= 0; i-- {
		e := t.added[i]
		t.idx.index(e.section).Remove(e.id, e.at)
	}
}

// NearIndexItems returns the number of items the in-memory near-duplicate
// index holds, over all sections (an item filed in two sections counts
// twice): 0 until the first write transaction reads it. It waits for a
// write transaction in progress.
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
		if err := db.catchUp(ctx, tx, nt); err != nil {
			return err
		}
		return fn(tx, nt)
	})
	nt.end(err == nil)
	return err
}
