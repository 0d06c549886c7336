// Package ingest runs sources through the pipeline: fetch (package fetcher),
// normalize (package normalize), store and place in sections (package
// storage). It decides when a source may be fetched (gone, backoff,
// Retry-After) and reports what each fetch did. It does not schedule: the
// scheduler package and the fetch command call it.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"newsdesk"
	"newsdesk/fetcher"
	"newsdesk/normalize"
	"newsdesk/storage"
)

// Desk fetches sources and files their items. It is safe for concurrent
// use; the fetcher bounds how many requests run at once.
type Desk struct {
	Fetcher  *fetcher.Fetcher
	Store    *storage.DB
	Tracking []string // extra tracking query parameters to strip
	Now      func() time.Time
	Logger   *slog.Logger
	// OnChange, when set, is called with the sections whose feeds changed.
	OnChange func(sections []string)
	// Observe, when set, is called with every report (metrics).
	Observe func(Report)
	// AfterStore, when set, is called once a fetch of a source whose
	// full_text is on is stored (its items already published): the
	// article stage (package article) starts there.
	AfterStore func(ctx context.Context, src newsdesk.Source)
	// MaxPending bounds the fetches between the start of their request and
	// the end of their store transaction (default 16). Stores are
	// serialized on one writer; without a bound, documents fetched faster
	// than they are stored pile up in memory.
	MaxPending int
	// Claim, when set, is asked before each fetch that is not forced
	// whether this process may fetch the source now (several processes on
	// one database: see storage.DB.ClaimSource). When it may, release is
	// called once the fetch is stored.
	Claim func(ctx context.Context, src newsdesk.Source) (release func(), ok bool, err error)

	pendingOnce sync.Once
	pending     chan struct{}
	failed      failures // fetches that could not be stored (failures.go)

	warnedMu sync.Mutex
	warned   map[string]bool // source + fetch warning already logged
}

// firstWarning reports whether this process has not yet logged warning
// for source: a producer's mistake is logged once, not at every fetch.
func (d *Desk) firstWarning(source, warning string) bool {
	d.warnedMu.Lock()
	defer d.warnedMu.Unlock()
	if d.warned == nil {
		d.warned = map[string]bool{}
	}
	k := source + "\x00" + warning
	if d.warned[k] {
		return false
	}
	d.warned[k] = true
	return true
}

// Report is what one fetch of one source did.
type Report struct {
	Source      string
	Sections    []string
	Skipped     string // why the source was not fetched, empty when it was
	Status      int
	Err         error
	NotModified bool
	Moved       string   // new URL after a permanent redirect
	Discovered  string   // feed URL found in an HTML page
	Items       int      // items in the document
	Partial     bool     // the document ended early; its complete items were kept
	Warnings    []string // what was wrong with a document read anyway
	Truncated   string   // the document had more entries than fetch.max_items: what was kept
	Outcome     storage.Outcome
	Bytes       int64
	Duration    time.Duration
	Next        time.Time // next attempt allowed
}

// ConfigHash digests a source's config entry; a gone source is fetched again
// once it changes.
func ConfigHash(src newsdesk.Source) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n%s\n%s\n", src.URL, src.Title, src.Schedule, strings.Join(src.Sections, ","))
	for _, re := range src.Strip {
		b.WriteString(re.String() + "\n")
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:8])
}

// FetchSource fetches one source and stores what it brought, in one
// transaction with its new state. Unless force is set, a source marked gone
// (with an unchanged config entry) or not due before its next allowed
// attempt (backoff, Retry-After, cache hints) is skipped.
func (d *Desk) FetchSource(ctx context.Context, src newsdesk.Source, force bool) Report {
	rep := Report{Source: src.URL, Sections: src.Sections}
	log := d.logger().With("source", src.URL)
	if d.Claim != nil && !force {
		// Claimed before the state is read, so that it holds the
		// validators of the last fetch, whichever process made it.
		release, ok, err := d.Claim(ctx, src)
		if err != nil {
			rep.Err = err
			log.Error("fetch", "err", err)
			return rep
		}
		if !ok {
			rep.Skipped = "claimed by another process"
			return rep
		}
		defer release()
	}
	now := d.now()
	prev, err := d.Store.FetchState(ctx, src.URL)
	if err != nil {
		// The store cannot even be read: record it against the source and
		// back off, as for a failed write.
		prev = d.withFailure(src.URL, newsdesk.SourceState{URL: src.URL})
		if !force && now.Before(prev.NextAttempt) {
			rep.Skipped = "not before " + prev.NextAttempt.Format(time.RFC3339)
			rep.Next = prev.NextAttempt
			return rep
		}
		st := d.storeFailed(ctx, log, prev, fetcher.Result{}, err, now)
		rep.Err, rep.Next = fmt.Errorf("read state: %w", err), st.NextAttempt
		d.log(log, rep)
		if d.Observe != nil {
			d.Observe(rep)
		}
		return rep
	}
	prev = d.withFailure(src.URL, prev)
	hash := ConfigHash(src)
	if prev.Gone && prev.ConfigHash == hash && !force {
		rep.Skipped = "gone (HTTP 410); change its config entry to try again"
		return rep
	}
	if prev.Gone {
		prev.Gone, prev.FinalURL = false, ""
	}
	if !force && now.Before(prev.NextAttempt) {
		rep.Skipped = "not before " + prev.NextAttempt.Format(time.RFC3339)
		rep.Next = prev.NextAttempt
		return rep
	}
	if err := d.enter(ctx); err != nil {
		rep.Err = err
		rep.Skipped = "cancelled"
		return rep
	}
	defer d.leave()
	res := d.Fetcher.Fetch(ctx, src, prev)
	if ctx.Err() != nil && res.Err != nil {
		// Shutdown cancelled the fetch: nothing to record, the source is
		// fetched again at the next start.
		rep.Err = res.Err
		rep.Skipped = "cancelled"
		return rep
	}
	res.State.ConfigHash = hash
	// The feed's own title names the source in outputs: plain text, like
	// item titles.
	res.State.Title = normalize.StripBidi(normalize.Title(res.State.Title))
	rep.Status, rep.Err, rep.NotModified = res.State.Status, res.Err, res.NotModified
	rep.Partial, rep.Warnings = res.Partial, res.Warnings
	for _, w := range res.Warnings {
		if res.Partial || d.firstWarning(src.URL, w) {
			log.Warn("feed", "warning", w)
		}
	}
	rep.Moved, rep.Discovered = res.Moved, res.Discovered
	rep.Bytes, rep.Duration, rep.Next = res.State.Bytes, res.State.Duration, res.State.NextAttempt

	fetch := storage.Fetch{Source: src, State: res.State}
	if res.Feed != nil {
		feedURL := src.URL
		if res.State.FinalURL != "" {
			feedURL = res.State.FinalURL
		}
		norm := normalize.Feed(res.Feed, normalize.Options{
			SourceURL: src.URL, FeedURL: feedURL, Strip: src.Strip, Tracking: d.Tracking, Now: now,
		})
		for _, w := range norm.Warnings {
			log.Warn("normalize", "warning", w)
		}
		fetch.Items = norm.Items
		rep.Items = len(norm.Items)
		if t := res.Truncated.String(); t != "" {
			rep.Truncated = t
			log.Warn("document truncated", "entries", res.Truncated.Entries, "kept", res.Truncated.Kept)
		}
	}
	err = d.Store.Prepare(ctx, &fetch)
	var out storage.Outcome
	if err == nil {
		out, err = d.Store.SaveFetch(ctx, fetch)
	}
	if err != nil {
		// Nothing of this fetch was stored, validators included: the next
		// attempt fetches the same document again. The failure is recorded
		// against the source, with its streak and next attempt.
		rep.Err = fmt.Errorf("store: %w", err)
		rep.Next = d.storeFailed(ctx, log, prev, res, err, now).NextAttempt
	} else {
		d.failed.clear(src.URL)
		notes := map[string]string{}
		for _, it := range fetch.Items {
			if it.Capped != "" {
				notes[it.Key] = it.Capped
			}
		}
		if len(notes) > 0 {
			log.Warn("items cut to the field caps", "items", len(notes))
			if werr := d.Store.NoteItems(ctx, src.URL, notes); werr != nil {
				log.Warn("record field caps", "err", werr)
			}
		}
		// A new document sets or clears the reservation; an unchanged one
		// keeps it.
		if res.Feed != nil && rep.Truncated != prev.Warning {
			if werr := d.Store.SetWarning(ctx, src.URL, rep.Truncated); werr != nil {
				log.Warn("record truncation", "err", werr)
			}
		}
	}
	rep.Outcome = out
	d.log(log, rep)
	if len(out.Changed) > 0 && d.OnChange != nil {
		d.OnChange(out.Changed)
	}
	if d.Observe != nil {
		d.Observe(rep)
	}
	if err == nil && d.AfterStore != nil && src.FullText != newsdesk.FullTextOff {
		d.AfterStore(ctx, src)
	}
	return rep
}

// FetchAll fetches the sources concurrently (the fetcher's limits apply) and
// returns one report per source, in the order given. progress, when set, is
// called as each finishes.
func (d *Desk) FetchAll(ctx context.Context, sources []newsdesk.Source, force bool, progress func(Report)) []Report {
	reports := make([]Report, len(sources))
	var wg sync.WaitGroup
	var mu sync.Mutex
	var next atomic.Int64
	// A bounded set of workers takes the sources in order: at most
	// MaxPending fetches are in flight anyway, and a goroutine per source
	// (10,000 at a tick) only held their stacks and their state reads.
	for range min(len(sources), 2*d.slots()) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(sources) {
					return
				}
				reports[i] = d.FetchSource(ctx, sources[i], force)
				if progress != nil {
					mu.Lock()
					progress(reports[i])
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return reports
}

// Failed returns the reports of sources whose fetch failed.
func Failed(reports []Report) []Report {
	var out []Report
	for _, r := range reports {
		if r.Err != nil {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Source < out[j].Source })
	return out
}

func (d *Desk) log(log *slog.Logger, rep Report) {
	var dropped, dup int
	for _, c := range rep.Outcome.Sections {
		dropped += c.Filtered
		dup += c.Duplicate
	}
	attrs := []any{"sections", strings.Join(rep.Sections, ","), "status", rep.Status,
		"new", rep.Outcome.New, "updated", rep.Outcome.Updated, "filtered", dropped, "duplicates", dup,
		"bytes", rep.Bytes, "duration", rep.Duration.Round(time.Millisecond).String()}
	if rep.NotModified {
		attrs = append(attrs, "not_modified", true)
	}
	if rep.Moved != "" {
		attrs = append(attrs, "moved_permanently_to", rep.Moved)
	}
	if rep.Discovered != "" {
		attrs = append(attrs, "discovered_feed", rep.Discovered)
	}
	if rep.Truncated != "" {
		attrs = append(attrs, "truncated", rep.Truncated)
	}
	if rep.Err != nil {
		attrs = append(attrs, "err", rep.Err)
		if !rep.Next.IsZero() { // zero: no backoff, the schedule decides
			attrs = append(attrs, "next_attempt", rep.Next.Format(time.RFC3339))
		}
		log.Warn("fetch failed", attrs...)
		return
	}
	log.Info("fetch", attrs...)
}

// slots returns the number of fetches allowed between request and store
// (MaxPending, default 16).
func (d *Desk) slots() int {
	d.pendingOnce.Do(func() {
		n := d.MaxPending
		if n <= 0 {
			n = 16
		}
		d.pending = make(chan struct{}, n)
	})
	return cap(d.pending)
}

// enter waits for one of MaxPending slots.
func (d *Desk) enter(ctx context.Context) error {
	d.slots()
	select {
	case d.pending <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (d *Desk) leave() { <-d.pending }

func (d *Desk) logger() *slog.Logger {
	if d.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return d.Logger
}

func (d *Desk) now() time.Time {
	if d.Now == nil {
		return time.Now()
	}
	return d.Now()
}
