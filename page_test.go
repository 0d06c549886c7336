package newsdesk

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// stream returns a next function over items (sorted in feed order) that
// starts strictly after start, as storage's query does.
func stream(items []Item, start *Cursor) func() (Item, bool, error) {
	i := 0
	if start != nil {
		for i < len(items) && CompareCursors(ItemCursor(&items[i]), *start) <= 0 {
			i++
		}
	}
	return func() (Item, bool, error) {
		if i == len(items) {
			return Item{}, false, nil
		}
		i++
		return items[i-1], true, nil
	}
}

// randomSection makes n items from k sources with dates that collide
// often, sorted in feed order.
func randomSection(r *rand.Rand, n, k int) []Item {
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	items := make([]Item, n)
	// Skewed sources: the first takes about half of the items.
	for i := range items {
		src := r.IntN(k)
		if r.IntN(2) == 0 {
			src = 0
		}
		items[i] = Item{ID: int64(i + 1), Ord: int64(i + 1), SourceURL: fmt.Sprintf("http://127.0.0.1/src%d", src),
			SortAt: t0.Add(time.Duration(r.IntN(n/2+1)) * time.Hour)}
	}
	slices.SortFunc(items, func(a, b Item) int { return CompareCursors(ItemCursor(&a), ItemCursor(&b)) })
	return items
}

// walk follows next pages from the first page and returns the pages.
func walk(t *testing.T, items []Item, limit, per int) [][]Item {
	t.Helper()
	var pages [][]Item
	page := &Page{Limit: limit}
	for page != nil {
		got, next, err := Paginate(*page, per, stream(items, PageStart(*page)))
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, got)
		if len(pages) > len(items)+2 {
			t.Fatalf("more than %d pages for %d items", len(pages), len(items))
		}
		page = next
	}
	return pages
}

// TestPaginateWalk is the paging property: for random sections, caps and
// limits, the pages reached from the first page by following next hold
// every item of the section exactly once, each page at most limit items
// and at most the cap's share from one source, and the first page is
// full whenever the section can fill it under the cap.
func TestPaginateWalk(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 36))
	for round := range 400 {
		n, k := r.IntN(80), 1+r.IntN(6)
		limit := 1 + r.IntN(12)
		caps := []float64{0, 0.2, 0.3, 0.5, 0.75, 1}
		cp := caps[r.IntN(len(caps))]
		per := PerSource(cp, limit)
		items := randomSection(r, n, k)
		name := fmt.Sprintf("round %d: %d items, %d sources, limit %d, cap %g", round, n, k, limit, cp)
		pages := walk(t, items, limit, per)
		seen := map[int64]int{}
		for p, page := range pages {
			if len(page) > limit {
				t.Fatalf("%s: page %d has %d items", name, p, len(page))
			}
			if len(page) == 0 && len(items) > 0 {
				t.Fatalf("%s: page %d is empty", name, p)
			}
			bySource := map[string]int{}
			for _, it := range page {
				seen[it.ID]++
				bySource[it.SourceURL]++
			}
			for src, c := range bySource {
				if per > 0 && c > per {
					t.Fatalf("%s: page %d has %d items of %s, cap %d", name, p, c, src, per)
				}
			}
			if !slices.IsSortedFunc(page, func(a, b Item) int { return CompareCursors(ItemCursor(&a), ItemCursor(&b)) }) {
				t.Fatalf("%s: page %d is not in feed order", name, p)
			}
		}
		for _, it := range items {
			if seen[it.ID] != 1 {
				t.Fatalf("%s: item %d shown %d times", name, it.ID, seen[it.ID])
			}
		}
		if len(seen) != len(items) {
			t.Fatalf("%s: %d items shown, section has %d", name, len(seen), len(items))
		}
		// The first page is as full as the cap allows.
		sources := map[string]int{}
		for _, it := range items {
			sources[it.SourceURL]++
		}
		want := 0
		for _, c := range sources {
			if per > 0 {
				c = min(c, per)
			}
			want += c
		}
		want = min(want, limit)
		if len(pages) > 0 && len(pages[0]) != want {
			t.Fatalf("%s: first page has %d items, want %d", name, len(pages[0]), want)
		}
	}
}

// TestPaginateIssueCase: 36 items, a source cap of 0.5 and pages of 7:
// the walk reaches all 36 (it reached 10).
func TestPaginateIssueCase(t *testing.T) {
	var items []Item
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for i := range 36 {
		src := "http://127.0.0.1/loud"
		if i%6 == 5 {
			src = "http://127.0.0.1/quiet"
		}
		items = append(items, Item{ID: int64(100 - i), Ord: int64(100 - i), SourceURL: src, SortAt: t0.Add(-time.Duration(i) * time.Minute)})
	}
	pages := walk(t, items, 7, PerSource(0.5, 7))
	total := 0
	for _, p := range pages {
		total += len(p)
	}
	if total != 36 {
		t.Fatalf("walk reached %d items, want 36", total)
	}
	if got := len(pages[0]); got != 6 {
		t.Errorf("first page has %d items, want 6 (3 loud, 3 quiet)", got)
	}
}

func TestPerSource(t *testing.T) {
	for _, tt := range []struct {
		cap   float64
		limit int
		want  int
	}{{0, 50, 0}, {1, 50, 0}, {0.5, 7, 3}, {0.5, 50, 25}, {0.3, 10, 3}, {0.01, 5, 1}} {
		if got := PerSource(tt.cap, tt.limit); got != tt.want {
			t.Errorf("PerSource(%g, %d) = %d, want %d", tt.cap, tt.limit, got, tt.want)
		}
	}
}
