package storage

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

// Fetches are written in groups: whoever calls SaveFetch while no group
// is being written writes every fetch queued by then in one transaction;
// the others wait for the commit of the group that holds theirs, or to be
// the one that writes the next group. The writer is SQLite's single one:
// while it writes a group, the fetches stored meanwhile queue for the
// next, so a busy desk pays one BEGIN, one change-sequence step and one
// commit (its WAL frames: the pages shared by the fetches written once)
// for several fetches, and a tick where most sources answer 304 a few
// commits instead of one per source. Each caller returns once its fetch is
// committed, as with a transaction of its own. A group that fails is
// written again one fetch per transaction, so that a fetch that cannot be
// stored fails alone and nothing of it is kept.

// maxGroupItems bounds the items of the fetches written in one
// transaction, and maxGroup the fetches.
const (
	maxGroupItems = 1000
	maxGroup      = 512
)

type saveQueue struct {
	mu      sync.Mutex
	pending []*saveReq
	busy    bool  // a group is being written
	groups  int64 // transactions written, and the fetches they held
	fetches int64
}

// WriteGroups returns how many write transactions SaveFetch made and how
// many fetches they held (their ratio is the mean group size).
func (db *DB) WriteGroups() (transactions, fetches int64) {
	db.saves.mu.Lock()
	defer db.saves.mu.Unlock()
	return db.saves.groups, db.saves.fetches
}

type saveReq struct {
	ctx     context.Context
	f       Fetch
	now     time.Time
	out     Outcome
	dated   []string // sections dated by the fetch
	err     error
	done    chan struct{} // closed once written (or failed)
	promote chan struct{} // closed when this request is to write the next group
}

// save queues a fetch and returns once it is written.
func (db *DB) save(ctx context.Context, f Fetch) (Outcome, error) {
	r := &saveReq{ctx: ctx, f: f, now: db.Now().UTC(), done: make(chan struct{}), promote: make(chan struct{})}
	q := &db.saves
	q.mu.Lock()
	q.pending = append(q.pending, r)
	lead := !q.busy
	q.busy = true
	q.mu.Unlock()
	if !lead {
		select {
		case <-r.done:
			return r.out, r.err
		case <-r.promote: // r is first in the queue: it writes the next group
		}
	}
	q.mu.Lock()
	n, items := 0, 0
	for n < len(q.pending) && n < maxGroup && (n == 0 || items+len(q.pending[n].f.Items) <= maxGroupItems) {
		items += len(q.pending[n].f.Items)
		n++
	}
	group := q.pending[:n:n]
	q.pending = q.pending[n:]
	q.groups++
	q.fetches += int64(n)
	q.mu.Unlock()
	db.writeGroup(group)
	q.mu.Lock()
	if len(q.pending) > 0 {
		close(q.pending[0].promote)
	} else {
		q.busy = false
	}
	q.mu.Unlock()
	return r.out, r.err
}

// writeGroup writes a group of fetches in one transaction, or one by one
// if that fails, and wakes their callers.
func (db *DB) writeGroup(group []*saveReq) {
	defer func() {
		for _, r := range group {
			close(r.done)
		}
	}()
	live := group[:0:0]
	for _, r := range group {
		if r.err = r.ctx.Err(); r.err == nil {
			live = append(live, r)
		}
	}
	if len(live) > 1 {
		// The transaction runs under the first live caller's context: a
		// cancellation fails the group, which is then written one by one
		// under each caller's own.
		if db.writeTx(live[0].ctx, live) == nil {
			return
		}
	}
	for _, r := range live {
		r.err = db.writeTx(r.ctx, []*saveReq{r})
	}
}

// writeTx writes fetches in one transaction. On failure their outcomes
// are reset and every one gets the error.
func (db *DB) writeTx(ctx context.Context, rs []*saveReq) error {
	err := db.inNearTx(ctx, func(tx *sql.Tx, nt *nearTx) error {
		for _, r := range rs {
			if err := db.saveIn(ctx, tx, nt, r); err != nil {
				return err
			}
			if db.failSave != nil {
				if err := db.failSave(&r.f); err != nil {
					return err
				}
			}
		}
		return nil
	})
	for _, r := range rs {
		if err != nil {
			r.out, r.err = Outcome{}, err
			continue
		}
		db.markDated(r.dated)
	}
	return err
}
