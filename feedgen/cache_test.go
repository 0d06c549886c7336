package feedgen

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"newsdesk"
)

func TestServePaging(t *testing.T) {
	ts := newTestServer(t, pagingStore(testItems), nil)
	want := []string{"urn:uuid:6f1c0e2a-9a61-4f7e-8a1b-0c2d3e4f5a6b", "https://wire.example/2026/markets", "https://wire.example/2026/older"}

	t.Run("atom rel=next", func(t *testing.T) {
		var got []string
		next := "/feeds/world.atom" // world's default limit is 2
		for pages := 0; next != ""; pages++ {
			if pages > 3 {
				t.Fatal("paging does not end")
			}
			resp, body := ts.do(t, "GET", next, nil)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: status %d", next, resp.StatusCode)
			}
			var doc atomDocT
			if err := xml.Unmarshal(body, &doc); err != nil {
				t.Fatal(err)
			}
			if pages > 0 && linksByRel(doc.Links, "self")[0].Href != next {
				t.Errorf("self = %q, want the page URL %q", linksByRel(doc.Links, "self")[0].Href, next)
			}
			for _, e := range doc.Entries {
				got = append(got, e.ID)
			}
			next = ""
			if l := linksByRel(doc.Links, "next"); len(l) == 1 {
				next = l[0].Href
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("ids over all pages = %q, want %q", got, want)
		}
	})
	t.Run("json next_url limit=1", func(t *testing.T) {
		var got []string
		next := "/feeds/world.json?limit=1"
		for pages := 0; next != ""; pages++ {
			if pages > 4 {
				t.Fatal("paging does not end")
			}
			_, body := ts.do(t, "GET", next, nil)
			var f jsonFeedT
			if err := json.Unmarshal(body, &f); err != nil {
				t.Fatal(err)
			}
			if len(f.Items) > 1 {
				t.Fatalf("page has %d items, want at most 1", len(f.Items))
			}
			for _, it := range f.Items {
				got = append(got, it.ID)
			}
			next = f.NextURL
		}
		if !slices.Equal(got, want) {
			t.Errorf("ids over all pages = %q, want %q", got, want)
		}
	})
}

func TestInvalidateRequeries(t *testing.T) {
	var mu sync.Mutex
	data := testItems()
	ts := newTestServer(t, pagingStore(func() map[string][]newsdesk.Item {
		mu.Lock()
		defer mu.Unlock()
		return data
	}), nil)
	resp, _ := ts.do(t, "GET", "/feeds/politique.atom", nil)
	etag1 := resp.Header.Get("ETag")
	ts.do(t, "GET", "/feeds/world.atom", nil)
	if got, want := ts.store.calls.Load(), int64(2); got != want {
		t.Fatalf("store calls = %d, want %d", got, want)
	}

	ts.h.Invalidate("world") // another section: politique stays cached
	ts.do(t, "GET", "/feeds/politique.atom", nil)
	if got, want := ts.store.calls.Load(), int64(2); got != want {
		t.Errorf("store calls after invalidating world = %d, want %d", got, want)
	}

	mu.Lock()
	data = testItems()
	data["politique"][0].Title = "Municipales : résultats"
	data["politique"][0].ModifiedAt = time.Date(2026, 3, 15, 6, 0, 0, 0, time.UTC)
	mu.Unlock()
	ts.h.Invalidate("politique")
	resp, body := ts.do(t, "GET", "/feeds/politique.atom", map[string]string{"If-None-Match": etag1})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("after Invalidate and a change, If-None-Match old ETag: status = %d, want 200", resp.StatusCode)
	}
	if got, want := ts.store.calls.Load(), int64(3); got != want {
		t.Errorf("store calls after Invalidate = %d, want %d", got, want)
	}
	if !bytes.Contains(body, []byte("Municipales : résultats")) {
		t.Error("re-rendered feed lacks the new title")
	}
	if got, want := resp.Header.Get("Last-Modified"), "Sun, 15 Mar 2026 06:00:00 GMT"; got != want {
		t.Errorf("Last-Modified = %q, want %q", got, want)
	}
}

func TestSetSections(t *testing.T) {
	ts := newTestServer(t, pagingStore(testItems), nil)
	ts.do(t, "GET", "/feeds/politique.rss", nil)
	ts.do(t, "GET", "/feeds/world.rss", nil)
	secs := testSections()
	secs[0].Title = "Politique et société"
	ts.h.SetSections(secs[:2]) // politique changed, world same, vide removed
	calls := ts.store.calls.Load()

	_, body := ts.do(t, "GET", "/feeds/politique.rss", nil)
	if !bytes.Contains(body, []byte("<title>Politique et société</title>")) {
		t.Error("feed of a changed section still has the old title")
	}
	ts.do(t, "GET", "/feeds/world.rss", nil)
	if got, want := ts.store.calls.Load()-calls, int64(1); got != want {
		t.Errorf("store calls after reload = %d, want %d (only the changed section)", got, want)
	}
	if resp, _ := ts.do(t, "GET", "/feeds/vide.rss", nil); resp.StatusCode != http.StatusNotFound {
		t.Errorf("removed section: status = %d, want 404", resp.StatusCode)
	}
	// source_cap alone changes which items a page holds: the section is
	// read again.
	secs = secs[:2]
	secs[1].SourceCap = 0.5
	ts.h.SetSections(secs)
	calls = ts.store.calls.Load()
	ts.do(t, "GET", "/feeds/world.rss", nil)
	ts.do(t, "GET", "/feeds/politique.rss", nil)
	if got, want := ts.store.calls.Load()-calls, int64(1); got != want {
		t.Errorf("store calls after a source_cap change = %d, want %d (the capped section only)", got, want)
	}
}

func TestConcurrentRequestsShareRenders(t *testing.T) {
	ts := newTestServer(t, pagingStore(testItems), nil)
	const n = 16
	tags := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec := httptest.NewRecorder()
			ts.h.ServeHTTP(rec, httptest.NewRequest("GET", "/feeds/politique.json", nil))
			tags[i] = rec.Header().Get("ETag")
		}()
	}
	wg.Wait()
	for i := range tags {
		if tags[i] == "" || tags[i] != tags[0] {
			t.Fatalf("ETags differ across concurrent requests: %q", tags)
		}
	}
	if got := ts.store.calls.Load(); got < 1 || got > n {
		t.Errorf("store calls = %d, want 1..%d", got, n)
	}
}

func TestCacheBounded(t *testing.T) {
	ts := newTestServer(t, pagingStore(testItems), nil)
	for limit := 1; limit <= 300; limit++ {
		rec := httptest.NewRecorder()
		ts.h.ServeHTTP(rec, httptest.NewRequest("GET", "/feeds/politique.atom?limit="+strconv.Itoa(limit), nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("limit=%d: status %d", limit, rec.Code)
		}
	}
	// limit=50 is politique's default: that page is pinned, the rest share
	// the LRU list, within its byte budget.
	_, lru, peak := ts.h.cache.usage()
	if lru > DefaultDeepPageCache || peak > DefaultDeepPageCache {
		t.Errorf("LRU holds %d bytes (peak %d), over its budget %d", lru, peak, DefaultDeepPageCache)
	}
	if got := ts.h.cache.len(); got < 2 {
		t.Errorf("cached responses = %d, want the pinned first page and some others", got)
	}
}
