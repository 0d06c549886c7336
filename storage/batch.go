package storage

import (
	"context"
	"database/sql"
	"sync"
)

// States of fetches that brought nothing to file (304, an unchanged body,
// an error) are written in groups: whoever finds no group being written
// writes every state queued by then in one transaction, the others wait
// for the commit of the group that holds theirs. A tick where most
// sources answer 304 then costs a few commits instead of one per source.
// Each caller returns once its state is committed, as with a transaction
// of its own; a group that fails is written again one state per
// transaction, so that one bad state fails only its own fetch.

// maxStateGroup bounds the states written in one transaction.
const maxStateGroup = 512

type stateQueue struct {
	mu      sync.Mutex
	pending []*stateReq
	busy    bool // a group is being written
}

type stateReq struct {
	ctx     context.Context
	f       Fetch
	out     Outcome
	err     error
	done    chan struct{} // closed once written (or failed)
	promote chan struct{} // closed when this request is to write the next group
}

// saveStates records a fetch without items (SaveFetch's path for them).
func (db *DB) saveStates(ctx context.Context, f Fetch, out Outcome) (Outcome, error) {
	r := &stateReq{ctx: ctx, f: f, out: out, done: make(chan struct{}), promote: make(chan struct{})}
	q := &db.states
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
	n := min(len(q.pending), maxStateGroup)
	group := q.pending[:n:n]
	q.pending = q.pending[n:]
	q.mu.Unlock()
	db.writeStates(group)
	q.mu.Lock()
	if len(q.pending) > 0 {
		close(q.pending[0].promote)
	} else {
		q.busy = false
	}
	q.mu.Unlock()
	return r.out, r.err
}

// writeStates writes a group of states in one transaction, or one by one
// if that fails, and wakes their callers.
func (db *DB) writeStates(group []*stateReq) {
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
	if len(live) == 0 {
		return
	}
	if len(live) > 1 {
		// The transaction runs under the first live caller's context: a
		// cancellation fails the group, which is then written one by one
		// under each caller's own.
		var dated []string
		err := db.inTx(live[0].ctx, func(tx *sql.Tx) error {
			dated = dated[:0]
			now := db.Now().UTC()
			for _, r := range live {
				s := db.newSaver(live[0].ctx, tx, &nearTx{idx: &db.near}, now, r.f.Source, &r.out)
				if err := s.writeSource(&r.f); err != nil {
					return err
				}
				dated = append(dated, s.datedNow...)
			}
			return nil
		})
		if err == nil {
			db.markDated(dated)
			return
		}
	}
	for _, r := range live {
		var dated []string
		r.err = db.inTx(r.ctx, func(tx *sql.Tx) error {
			s := db.newSaver(r.ctx, tx, &nearTx{idx: &db.near}, db.Now().UTC(), r.f.Source, &r.out)
			err := s.writeSource(&r.f)
			dated = s.datedNow
			return err
		})
		if r.err != nil {
			r.out = Outcome{}
			continue
		}
		db.markDated(dated)
	}
}
