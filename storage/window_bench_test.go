package storage

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"newsdesk"
	"newsdesk/curate"
	"newsdesk/internal/textgen"
	"newsdesk/neardup"
)

// BenchmarkWindowCost measures storing items in a section whose duplicate
// window already holds 0, 10,000, 50,000 or 100,000 items of the same kind
// of text (rule 4 of the clustering issue: on topical text, the per-item
// cost of finding duplicates must not grow with the window). Every op
// stores one fetch of 50 new items from a new source, a quarter of them
// retelling stored stories; ns/item is the figure to compare across window
// sizes, within one run.
func BenchmarkWindowCost(b *testing.B) {
	for _, mode := range []textgen.Mode{textgen.Default, textgen.Zipf, textgen.Small} {
		for _, window := range []int{0, 10_000, 50_000, 100_000} {
			b.Run(fmt.Sprintf("text=%s/window=%d", mode, window), func(b *testing.B) {
				g := textgen.New(mode)
				db, _ := openTest(b, newsdesk.Section{ID: "sec", Title: "Section", Limit: 50})
				stored, err := fillWindow(context.Background(), db, g, window)
				if err != nil {
					b.Fatal(err)
				}
				ctx := context.Background()
				// The first write reads the near-duplicate index: not measured.
				// The index is read lazily, by the look-ups of a section's
				// items, so that write carries one item of the section.
				warm := newsdesk.Source{URL: "http://127.0.0.1/warm", Sections: []string{"sec"}}
				if _, err := db.SaveFetch(ctx, Fetch{Source: warm, Items: windowItems(g, 999_999, 1, nil)}); err != nil {
					b.Fatal(err)
				}
				if got := db.NearIndexItems(); got < window {
					b.Fatalf("the first write read %d items into the index, not the window's %d", got, window)
				}
				b.ResetTimer()
				lookups, cands, read, passed := db.near.lookups, db.near.cands, db.near.read, db.near.passed
				cpu0 := cpuTime()
				items := 0
				for i := 0; b.Loop(); i++ {
					fetch := windowItems(g, uint64(1_000_000+i), 50, stored)
					src := newsdesk.Source{URL: fmt.Sprintf("http://127.0.0.1/new/%d", i), Sections: []string{"sec"}}
					if _, err := db.SaveFetch(ctx, Fetch{Source: src, Items: fetch}); err != nil {
						b.Fatal(err)
					}
					items += len(fetch)
				}
				cpu := cpuTime() - cpu0
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(items), "ns/item")
				// CPU time per item: what the machine's other work does not
				// inflate (wall time waits for a core on a shared machine).
				b.ReportMetric(float64(cpu.Nanoseconds())/float64(items), "cpu-ns/item")
				if n := db.near.lookups - lookups; n > 0 {
					b.ReportMetric(float64(db.near.cands-cands)/float64(n), "cands/lookup")
					b.ReportMetric(float64(db.near.read-read)/float64(n), "read/lookup")
					b.ReportMetric(float64(db.near.passed-passed)/float64(n), "passed/lookup")
				}
			})
		}
	}
}

// retoldTexts is how many stored texts fillWindow keeps for retellings: the
// same number whatever the window holds, and more than a run retells,
// so that every window size does the same work per retelling (one new
// member of a two-item story) and only the window's size differs.
const retoldTexts = 1000

// windowItems returns n items of text from g dated within the hour before
// t0; every fourth retells one of the stored texts (when there are some),
// each stored text at most once in a run of up to 60 fetches.
func windowItems(g *textgen.Generator, seed uint64, n int, stored []string) []newsdesk.Item {
	out := make([]newsdesk.Item, n)
	for j := range out {
		s := seed*64 + uint64(j)
		text := g.Article(s, 3, 60)
		if j%4 == 0 && len(stored) > 0 {
			text = g.Reword(stored[int(s/4)%len(stored)], s, 0.2)
		}
		key := fmt.Sprintf("n%d", s)
		link := "http://127.0.0.1/n/" + key
		out[j] = newsdesk.Item{Key: "guid:" + key, GUID: key, Link: link, CanonicalLink: link,
			Title: g.Article(s<<8, 1, 8), Summary: text[:min(len(text), 300)], Lead: text,
			ContentHTML: "<p>" + text + "</p>", Published: t0.Add(-time.Duration(j) * time.Minute), ContentHash: key}
	}
	return out
}

// fillWindow stores n items of text from g, from 1,000 sources, dated over
// the 48 hours before t0 (all within the duplicate window of the measured
// items), with real signatures, in one transaction. It returns some of
// their texts, for retellings.
func fillWindow(ctx context.Context, db *DB, g *textgen.Generator, n int) ([]string, error) {
	var keep []string
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, series(1000)+` INSERT INTO sources (url) SELECT 'http://127.0.0.1/fill/' || value FROM g`); err != nil {
			return err
		}
		ins, err := tx.PrepareContext(ctx, `INSERT INTO items (source_id, key, link, canonical_link, title, summary,
			first_seen_at, sort_at, modified_at, published_at, story_at, ord, words, seq, title_key)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) RETURNING id`)
		if err != nil {
			return err
		}
		for i := range n {
			text := g.Article(uint64(i), 3, 60)
			if i%max(n/retoldTexts, 1) == 0 {
				keep = append(keep, text)
			}
			title := g.Article(uint64(i)<<8, 1, 8)
			at := t0.Add(-time.Duration(int64(i) * int64(48*time.Hour) / int64(max(n, 1)))).Unix()
			key := fmt.Sprint("guid:fill-", i)
			link := fmt.Sprintf("http://127.0.0.1/fill/%d.html", i)
			src := int64(1 + i%1000)
			var id int64
			if err := ins.QueryRowContext(ctx, src, key, link, link, title, text[:min(len(text), 300)], at, at, at, at, at,
				curate.OrdKey(fmt.Sprint("http://127.0.0.1/fill/", src), key), curate.Words(text), neardup.TitleKey(title)).Scan(&id); err != nil {
				return err
			}
			raw, err := neardup.Sign(title, text).MarshalBinary()
			if err != nil {
				return err
			}
			if len(raw) > 0 {
				if _, err := tx.ExecContext(ctx, `INSERT INTO signatures (item_id, signature) VALUES (?, ?)`, id, raw); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO clusters (id, section) VALUES (?, 'sec')`, id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO section_items (section, item_id, state, cluster_id, rep_id, reason, sort_at, ord, decided_at)
				SELECT 'sec', id, 'in', id, id, '', sort_at, ord, sort_at FROM items WHERE id = ?`, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("fill: %w", err)
	}
	if _, err = db.w.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return nil, err
	}
	db.near.ready = false // read at the next write, as after Open
	return keep, nil
}
