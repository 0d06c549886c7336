package storage

import (
	"context"
	"fmt"
	"testing"
	"time"

	"newsdesk"
)

// distinctTitle makes titles that share no words, so that no two items of
// a test are the same story.
func distinctTitle(i int) string {
	words := []string{"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
		"juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo"}
	return fmt.Sprintf("%s%d %s%d %s%d", words[i%18], i, words[(i*7+3)%18], i*3, words[(i*11+5)%18], i*5)
}

// TestSectionPageWalk: with source_cap 0.5 and pages of 7, following the
// next pages from the first reaches all 36 items of the section once (it
// reached 10), and every page keeps the cap.
func TestSectionPageWalk(t *testing.T) {
	const loud, quiet = "https://loud.example/feed", "https://quiet.example/feed"
	for _, cp := range []float64{0, 0.5, 0.3} {
		t.Run(fmt.Sprint(cp), func(t *testing.T) {
			sec := section("news", loud, quiet)
			sec.SourceCap = cp
			db, _ := openTest(t, sec)
			var l, q []newsdesk.Item
			for i := range 36 {
				it := item(fmt.Sprint("k", i), distinctTitle(i), t0.Add(-time.Duration(i)*time.Minute))
				if i%6 == 5 {
					q = append(q, it)
				} else {
					l = append(l, it)
				}
			}
			save(t, db, source(loud, "news"), l...)
			save(t, db, source(quiet, "news"), q...)
			for _, limit := range []int{1, 4, 7, 50} {
				per := newsdesk.PerSource(cp, limit)
				seen := map[int64]bool{}
				page := &newsdesk.Page{Limit: limit}
				pages := 0
				for page != nil {
					items, next, err := db.SectionPage(context.Background(), "news", *page)
					if err != nil {
						t.Fatal(err)
					}
					count := map[string]int{}
					for _, it := range items {
						if seen[it.ID] {
							t.Fatalf("limit %d: item %d shown twice", limit, it.ID)
						}
						seen[it.ID] = true
						count[it.SourceURL]++
					}
					for src, c := range count {
						if per > 0 && c > per {
							t.Fatalf("limit %d: %d items of %s on one page, cap %d", limit, c, src, per)
						}
					}
					if pages++; pages > 100 {
						t.Fatalf("limit %d: no end", limit)
					}
					page = next
				}
				if len(seen) != 36 {
					t.Errorf("cap %g limit %d: walk reached %d items, want 36", cp, limit, len(seen))
				}
			}
		})
	}
}
