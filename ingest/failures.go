package ingest

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	"newsdesk"
	"newsdesk/fetcher"
	"newsdesk/storage"
)

// failures holds the sources whose last fetch could not be stored: their
// error, error streak and next attempt. They are written to the sources
// table when the store takes the write, and kept here in any case, so the
// backoff and the sources page hold while the database refuses writes (a
// locked, full or damaged database).
type failures struct {
	mu sync.Mutex
	m  map[string]newsdesk.SourceState
}

// get returns the failure recorded for url, if any.
func (f *failures) get(url string) (newsdesk.SourceState, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	st, ok := f.m[url]
	return st, ok
}

func (f *failures) put(st newsdesk.SourceState) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.m == nil {
		f.m = map[string]newsdesk.SourceState{}
	}
	f.m[st.URL] = st
}

func (f *failures) clear(url string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.m, url)
}

// StoreFailures returns, by configured URL, the sources whose last fetch
// could not be stored, with the error in words, the error streak and the
// next attempt. The sources command and page lay them over the stored
// states, which may be older.
func (d *Desk) StoreFailures() map[string]newsdesk.SourceState {
	d.failed.mu.Lock()
	defer d.failed.mu.Unlock()
	out := make(map[string]newsdesk.SourceState, len(d.failed.m))
	for k, v := range d.failed.m {
		out[k] = v
	}
	return out
}

// withFailure lays a recorded storage failure over prev, the stored state,
// when it is newer: the streak and the next attempt then hold.
func (d *Desk) withFailure(url string, prev newsdesk.SourceState) newsdesk.SourceState {
	st, ok := d.failed.get(url)
	if !ok || !st.LastAttempt.After(prev.LastAttempt) {
		return prev
	}
	prev.LastAttempt, prev.Status, prev.Error = st.LastAttempt, st.Status, st.Error
	prev.ConsecutiveErrors, prev.NextAttempt = st.ConsecutiveErrors, st.NextAttempt
	return prev
}

// storeFailed records that a fetch of src (whose outcome was res, from the
// stored state prev) could not be stored because of err: the error in
// words (the detail goes to the log), one more error, and a next attempt
// backed off like a fetch error's.
func (d *Desk) storeFailed(ctx context.Context, log *slog.Logger, prev newsdesk.SourceState, res fetcher.Result, err error, now time.Time) newsdesk.SourceState {
	st := prev
	st.LastAttempt, st.Status = now, res.State.Status
	st.Error = storage.Describe(err)
	if st.Error == "" {
		st.Error = "storage failed (the log has the detail)"
	}
	if res.Err != nil {
		// The fetch failed too: its own error says more to the reader.
		st.Error = res.State.Error + "; and " + st.Error
	}
	st.ConsecutiveErrors = max(prev.ConsecutiveErrors, res.State.ConsecutiveErrors-1) + 1
	st.NextAttempt = now.Add(fetcher.Backoff(st.ConsecutiveErrors, (rand.Float64()*2-1)*0.1))
	if ra := res.State.NextAttempt; res.Err != nil && ra.After(st.NextAttempt) {
		st.NextAttempt = ra
	}
	d.failed.put(st)
	if ctx.Err() == nil && !errors.Is(err, storage.ErrLost) {
		if rerr := d.Store.RecordFailure(ctx, st); rerr != nil {
			log.Debug("record storage failure", "err", rerr)
		}
	}
	return st
}
