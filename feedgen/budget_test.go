package feedgen

import (
	"fmt"
	"net/http"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"newsdesk"
)

// bigSection returns n items of about size bytes of content each, newest
// first, for section politique.
func bigSection(n, size int) []newsdesk.Item {
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	items := make([]newsdesk.Item, n)
	for i := range items {
		at := base.Add(-time.Duration(i) * time.Minute)
		items[i] = newsdesk.Item{
			ID: int64(n - i), Ord: int64(n - i), SourceURL: "https://wire.example/feed", Key: fmt.Sprintf("guid:%d", i),
			Link: fmt.Sprintf("https://wire.example/story/%d", i), Title: fmt.Sprintf("Story %d", i),
			ContentHTML: "<p>" + strings.Repeat(fmt.Sprintf("word%d ", i), size/8) + "</p>",
			SortAt:      at, ModifiedAt: at, FirstSeen: at, SourceTitle: "The Wire",
		}
	}
	return items
}

// sortedStore serves pre-sorted items: older than the cursor, at most
// page.Limit, found by binary search.
func sortedStore(items []newsdesk.Item) *fakeStore {
	return &fakeStore{items: func(section string, page newsdesk.Page) ([]newsdesk.Item, error) {
		if section != "politique" {
			return nil, nil
		}
		from := 0
		if c := page.Before; c != nil {
			from = sort.Search(len(items), func(i int) bool {
				return newer(&newsdesk.Item{SortAt: c.SortAt, Ord: c.Ord}, &items[i])
			})
		}
		to := min(len(items), from+page.Limit)
		return items[from:to], nil
	}}
}

// TestCacheBudgetUnderCursorFlood sends thousands of requests with
// distinct ?before= cursors (as anyone may): the cache of deep pages stays
// within its byte budget, the first page everyone reads is never evicted
// (not rendered again), and the heap after the flood is back near where
// it started.
func TestCacheBudgetUnderCursorFlood(t *testing.T) {
	const (
		items   = 3000
		cursors = 2500
		budget  = 512 << 10
	)
	data := bigSection(items, 300)
	store := sortedStore(data)
	ts := newTestServer(t, store, func(o *Options) { o.DeepPageCache = budget })

	if resp, _ := ts.do(t, "GET", "/feeds/politique.atom", nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("first page: %d", resp.StatusCode)
	}
	firstCalls := store.calls.Load()
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)

	var wg sync.WaitGroup
	work := make(chan int)
	var mu sync.Mutex
	var failures []string
	var maxLRU int64
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				// Distinct cursors, each a real position in the feed.
				it := &data[i%items]
				format := []string{"atom", "rss", "json"}[i%3]
				path := fmt.Sprintf("/feeds/politique.%s?limit=10&before=%s", format, cursorString(newsdesk.Cursor{SortAt: it.SortAt, Ord: it.Ord}))
				resp, _ := ts.do(t, "GET", path, nil)
				_, lru, _ := ts.h.cache.usage()
				mu.Lock()
				if resp.StatusCode != http.StatusOK {
					failures = append(failures, fmt.Sprintf("%s: %d", path, resp.StatusCode))
				}
				maxLRU = max(maxLRU, lru)
				mu.Unlock()
			}
		}()
	}
	for i := range cursors {
		work <- i
	}
	close(work)
	wg.Wait()
	if len(failures) > 0 {
		t.Fatalf("%d requests failed, first: %s", len(failures), failures[0])
	}

	pinned, lru, peak := ts.h.cache.usage()
	t.Logf("deep-page cache after %d cursors: %d bytes held, peak %d bytes (budget %d); pinned first pages %d bytes",
		cursors, lru, peak, budget, pinned)
	if peak > budget || maxLRU > budget {
		t.Errorf("deep-page cache peak = %d bytes (seen %d), over its budget %d", peak, maxLRU, budget)
	}
	if peak < budget/2 {
		t.Errorf("deep-page cache peak = %d bytes: the flood should have filled most of its %d budget", peak, budget)
	}

	// The first page is still served from memory.
	calls := store.calls.Load()
	if resp, _ := ts.do(t, "GET", "/feeds/politique.atom", nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("first page after the flood: %d", resp.StatusCode)
	}
	if got := store.calls.Load() - calls; got != 0 {
		t.Errorf("first page rendered again after the flood (%d store calls): it was evicted", got)
	}
	if firstCalls != 1 {
		t.Errorf("first page took %d store calls, want 1", firstCalls)
	}

	// Two collections: the gzip writers renders reuse wait in a sync.Pool,
	// which a first collection only moves to its victim cache.
	runtime.GC()
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	grown := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("heap after the flood: %+d bytes (%d MB before, %d MB after)", grown, before.HeapAlloc>>20, after.HeapAlloc>>20)
	if grown > 3*budget {
		t.Errorf("heap grew by %d bytes over the flood, more than 3× the %d cache budget", grown, budget)
	}
}
