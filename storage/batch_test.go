package storage

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"newsdesk"
)

// queueFetches holds the writer (the near-duplicate index lock every
// write transaction takes), starts SaveFetch for each fetch and waits
// until all but the first are queued behind the one writing, so that they
// form one group when the writer is released.
func queueFetches(t *testing.T, db *DB, ctxs []context.Context, fs []Fetch, whileQueued ...func()) ([]Outcome, []error) {
	t.Helper()
	outs, errs := make([]Outcome, len(fs)), make([]error, len(fs))
	db.near.mu.Lock()
	var wg sync.WaitGroup
	start := func(i int) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i], errs[i] = db.SaveFetch(ctxs[i], fs[i])
		}()
	}
	wait := func(what string, cond func(busy bool, pending int) bool) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			db.saves.mu.Lock()
			busy, n := db.saves.busy, len(db.saves.pending)
			db.saves.mu.Unlock()
			if cond(busy, n) {
				return
			}
			if time.Now().After(deadline) {
				db.near.mu.Unlock()
				t.Fatalf("%s: busy %v, %d of %d fetches queued", what, busy, n, len(fs)-1)
			}
			time.Sleep(time.Millisecond)
		}
	}
	// The first is the writer, its group taken (it alone), before the
	// others start: otherwise, however unlikely, some of them could join
	// its group before it takes it.
	start(0)
	wait("the first fetch writing", func(busy bool, n int) bool { return busy && n == 0 })
	for i := 1; i < len(fs); i++ {
		start(i)
	}
	wait("the others queued", func(_ bool, n int) bool { return n == len(fs)-1 })
	for _, f := range whileQueued {
		f()
	}
	db.near.mu.Unlock()
	wg.Wait()
	return outs, errs
}

func groupFetches(n int) []Fetch {
	fs := make([]Fetch, n)
	for i := range fs {
		u := fmt.Sprintf("http://127.0.0.1/g/%d", i)
		var items []newsdesk.Item
		for j := range 3 {
			items = append(items, item(fmt.Sprintf("g%d-%d", i, j), fmt.Sprintf("Titre %d numéro %d", i, j), t0.Add(-time.Duration(j)*time.Hour)))
		}
		if i%3 == 2 {
			items = nil // a 304 among them
		}
		fs[i] = Fetch{Source: source(u, "sec"), State: newsdesk.SourceState{ETag: fmt.Sprintf(`"e%d"`, i), Status: 200, LastSuccess: t0}, Items: items}
	}
	return fs
}

func TestSaveFetchGroupsQueuedFetches(t *testing.T) {
	ctx := context.Background()
	var us []string
	fs := groupFetches(7)
	for _, f := range fs {
		us = append(us, f.Source.URL)
	}
	db, _ := openTest(t, section("sec", us...))
	ctxs := make([]context.Context, len(fs))
	for i := range ctxs {
		ctxs[i] = ctx
	}
	tx0, f0 := db.WriteGroups()
	outs, errs := queueFetches(t, db, ctxs, fs)
	tx1, f1 := db.WriteGroups()
	if tx1-tx0 != 2 || f1-f0 != 7 {
		t.Errorf("transactions / fetches = %d / %d, want 2 / 7 (the first alone, the six queued together)", tx1-tx0, f1-f0)
	}
	for i, f := range fs {
		if errs[i] != nil {
			t.Fatalf("fetch %d: %v", i, errs[i])
		}
		if outs[i].New != len(f.Items) || outs[i].Sections["sec"].In != len(f.Items) {
			t.Errorf("fetch %d: new %d, in %d; want %d", i, outs[i].New, outs[i].Sections["sec"].In, len(f.Items))
		}
		st, err := db.FetchState(ctx, f.Source.URL)
		if err != nil || st.ETag != f.State.ETag {
			t.Errorf("fetch %d: state %+v, %v; want ETag %s", i, st, err, f.State.ETag)
		}
	}
	items, err := db.SectionItems(ctx, "sec", newsdesk.Page{Limit: 100})
	if err != nil || len(items) != 15 {
		t.Errorf("section holds %d items (%v), want 15", len(items), err)
	}
}

// A fetch that cannot be stored fails alone: its group is written again
// one fetch per transaction, and nothing of the failed fetch is kept.
func TestSaveFetchGroupFailureFailsOneFetch(t *testing.T) {
	ctx := context.Background()
	fs := groupFetches(6)
	var us []string
	for _, f := range fs {
		us = append(us, f.Source.URL)
	}
	db, _ := openTest(t, section("sec", us...))
	bad := fs[4].Source.URL
	boom := errors.New("boom")
	db.failSave = func(f *Fetch) error {
		if f.Source.URL == bad {
			return boom
		}
		return nil
	}
	ctxs := make([]context.Context, len(fs))
	cancelled, cancel := context.WithCancel(ctx)
	for i := range ctxs {
		ctxs[i] = ctx
	}
	// Given up while queued: cancelled once every fetch but the writer's
	// is in the queue (cancelled before, it might never queue).
	ctxs[3] = cancelled
	outs, errs := queueFetches(t, db, ctxs, fs, cancel)
	for i, f := range fs {
		switch i {
		case 4:
			if !errors.Is(errs[i], boom) {
				t.Errorf("failing fetch: err %v, want boom", errs[i])
			}
		case 3:
			if !errors.Is(errs[i], context.Canceled) {
				t.Errorf("cancelled fetch: err %v, want context.Canceled", errs[i])
			}
		default:
			if errs[i] != nil || outs[i].New != len(f.Items) {
				t.Errorf("fetch %d: new %d, err %v; want %d new", i, outs[i].New, errs[i], len(f.Items))
			}
		}
		st, err := db.FetchState(ctx, f.Source.URL)
		if err != nil {
			t.Fatal(err)
		}
		if want := (i != 3 && i != 4); (st.ETag != "") != want {
			t.Errorf("fetch %d: stored ETag %q, want stored = %v", i, st.ETag, want)
		}
	}
	if outs[4].New != 0 || outs[3].New != 0 {
		t.Errorf("failed fetches report new items: %d, %d", outs[4].New, outs[3].New)
	}
	var n int
	if err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM items i JOIN sources s ON s.id = i.source_id WHERE s.url IN (?, ?)`,
		fs[3].Source.URL, bad).Scan(&n); err != nil || n != 0 {
		t.Errorf("items of the failed fetches stored: %d (%v)", n, err)
	}
}

// A cached source id that no longer names the source's row (a file
// replaced under the process) is read again: another source's state is
// never overwritten.
func TestStaleSourceIDReadAgain(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t, section("sec", "http://127.0.0.1/a", "http://127.0.0.1/b"))
	a := Fetch{Source: source("http://127.0.0.1/a", "sec"), State: newsdesk.SourceState{ETag: `"a"`, Status: 200}}
	if _, err := db.SaveFetch(ctx, a); err != nil {
		t.Fatal(err)
	}
	ida, ok := db.srcIDs.get(a.Source.URL)
	if !ok {
		t.Fatal("source id not cached")
	}
	db.srcIDs.put("http://127.0.0.1/b", ida) // wrong: a's row
	b := Fetch{Source: source("http://127.0.0.1/b", "sec"), State: newsdesk.SourceState{ETag: `"b"`, Status: 200}}
	if _, err := db.SaveFetch(ctx, b); err != nil {
		t.Fatal(err)
	}
	for u, want := range map[string]string{a.Source.URL: `"a"`, b.Source.URL: `"b"`} {
		st, err := db.FetchState(ctx, u)
		if err != nil || st.ETag != want {
			t.Errorf("%s: ETag %q (%v), want %s", u, st.ETag, err, want)
		}
	}
	if idb, _ := db.srcIDs.get(b.Source.URL); idb == ida {
		t.Errorf("b still cached with a's id %d", ida)
	}
}

// FetchState is SourceState without the count of items.
func TestFetchStateMatchesSourceState(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t, section("sec", "http://127.0.0.1/s"))
	f := Fetch{Source: source("http://127.0.0.1/s", "sec"), State: newsdesk.SourceState{ETag: `"x"`, LastModified: "Mon, 02 Jan 2006 15:04:05 GMT",
		Status: 200, LastSuccess: t0, LastAttempt: t0, NextAttempt: t0.Add(time.Hour), ConsecutiveErrors: 0, Bytes: 1234, Duration: 42 * time.Millisecond},
		Items: []newsdesk.Item{item("k", "Un titre", t0)}}
	if _, err := db.SaveFetch(ctx, f); err != nil {
		t.Fatal(err)
	}
	full, err := db.SourceState(ctx, f.Source.URL)
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.FetchState(ctx, f.Source.URL)
	if err != nil {
		t.Fatal(err)
	}
	if full.ItemsStored != 1 {
		t.Errorf("SourceState items = %d, want 1", full.ItemsStored)
	}
	full.ItemsStored = 0
	if got != full {
		t.Errorf("FetchState = %+v\nSourceState = %+v", got, full)
	}
	none, err := db.FetchState(ctx, "http://127.0.0.1/never")
	if err != nil || none != (newsdesk.SourceState{URL: "http://127.0.0.1/never"}) {
		t.Errorf("unknown source: %+v, %v", none, err)
	}
}
