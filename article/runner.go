package article

import (
	"context"
	"sync"

	"newsdesk"
)

// Runner runs a Stage in the background, after a source's feed is stored,
// so that articles never delay the feed: one run per source at a time (a
// kick during a run asks for one more run after it). Safe for concurrent
// use.
type Runner struct {
	Stage *Stage
	// Done, when set, is called with the report of every run.
	Done func(Report, error)

	mu      sync.Mutex
	running map[string]bool
	again   map[string]newsdesk.Source
	wg      sync.WaitGroup
}

// Kick starts a run for src unless its full_text is off.
func (r *Runner) Kick(ctx context.Context, src newsdesk.Source) {
	if src.FullText == newsdesk.FullTextOff || r == nil || r.Stage == nil {
		return
	}
	r.mu.Lock()
	if r.running == nil {
		r.running, r.again = map[string]bool{}, map[string]newsdesk.Source{}
	}
	if r.running[src.URL] {
		r.again[src.URL] = src
		r.mu.Unlock()
		return
	}
	r.running[src.URL] = true
	r.wg.Add(1)
	r.mu.Unlock()
	go func() {
		defer r.wg.Done()
		for {
			rep, err := r.Stage.Run(ctx, src)
			if r.Done != nil {
				r.Done(rep, err)
			}
			r.mu.Lock()
			next, ok := r.again[src.URL]
			delete(r.again, src.URL)
			if !ok || ctx.Err() != nil {
				delete(r.running, src.URL)
				r.mu.Unlock()
				return
			}
			r.mu.Unlock()
			src = next
		}
	}()
}

// Wait waits for every run started to end.
func (r *Runner) Wait() {
	if r != nil {
		r.wg.Wait()
	}
}
