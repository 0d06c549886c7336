package feedgen

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"newsdesk"
)

// benchItems returns n realistic items built from the test fixtures.
func benchItems(n int) []newsdesk.Item {
	base := testItems()["politique"]
	items := make([]newsdesk.Item, n)
	for i := range items {
		it := base[i%len(base)]
		it.ID = int64(n - i)
		it.Key = fmt.Sprintf("guid:bench-%d", i)
		it.GUID = ""
		it.Link = fmt.Sprintf("https://agence.example/2026/03/story-%d", i)
		it.SortAt = time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC).Add(-time.Duration(i) * time.Hour)
		it.ModifiedAt = it.SortAt
		items[i] = it
	}
	return items
}

func benchRender(b *testing.B, render func(*newsdesk.Section, []newsdesk.Item, Options, PageLinks) ([]byte, error)) {
	sec := testSections()[0]
	items := benchItems(50)
	opt := testOptions()
	b.ReportAllocs()
	for b.Loop() {
		body, err := render(&sec, items, opt, PageLinks{})
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(body)))
	}
}

func BenchmarkAtom(b *testing.B) { benchRender(b, Atom) }
func BenchmarkRSS(b *testing.B)  { benchRender(b, RSS) }
func BenchmarkJSON(b *testing.B) { benchRender(b, JSON) }

// BenchmarkServeCached measures requests answered from memory, through
// the whole handler in-process.
func BenchmarkServeCached(b *testing.B) {
	items := benchItems(50)
	store := pagingStore(func() map[string][]newsdesk.Item { return map[string][]newsdesk.Item{"politique": items} })
	h := NewHandler(store, testSections()[:1], testOptions())
	warm := httptest.NewRecorder()
	h.ServeHTTP(warm, httptest.NewRequest("GET", "/feeds/politique.atom", nil))
	etag := warm.Header().Get("ETag")
	cases := []struct {
		name string
		hdr  map[string]string
		want int
	}{
		{"plain", nil, http.StatusOK},
		{"gzip", map[string]string{"Accept-Encoding": "gzip"}, http.StatusOK},
		{"conditional", map[string]string{"If-None-Match": etag}, http.StatusNotModified},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			req := httptest.NewRequest("GET", "/feeds/politique.atom", nil)
			for k, v := range c.hdr {
				req.Header.Set(k, v)
			}
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != c.want {
					b.Fatalf("status = %d, want %d", rec.Code, c.want)
				}
			}
		})
	}
	if got := store.calls.Load(); got != 1 {
		b.Errorf("store calls = %d, want 1", got)
	}
}
