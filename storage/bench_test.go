package storage

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"newsdesk"
	"newsdesk/neardup"
)

// The 1,000,000-item cases take minutes to build: they run only with
// NEWSDESK_BENCH_1M=1 in the environment.
const env1M = "NEWSDESK_BENCH_1M"

// benchText returns n pseudo-random words seeded by seed, from a large
// vocabulary so that unrelated texts share few shingles, as in real news.
func benchText(seed uint64, n int) string {
	syl := strings.Fields("ba be bi bo bu da de di do du fa fe fi fo fu la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru ta te ti to tu")
	x := seed*0x9E3779B97F4A7C15 + 1
	var b strings.Builder
	for i := range n {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		if i > 0 {
			b.WriteByte(' ')
		}
		m := uint64(len(syl))
		b.WriteString(syl[x%m] + syl[(x>>16)%m] + syl[(x>>32)%m])
	}
	return b.String()
}

// benchItems returns the m normalized items of source s, about 1 KB of
// content each, published in the hour before t0.
func benchItems(s, m int) []newsdesk.Item {
	items := make([]newsdesk.Item, m)
	for j := range items {
		key := fmt.Sprintf("s%d-i%d", s, j)
		body := benchText(uint64(s*1000+j), 160)
		link := fmt.Sprintf("http://127.0.0.1/s%d/%d.html", s, j)
		items[j] = newsdesk.Item{
			Key: "guid:" + key, GUID: key, Link: link, CanonicalLink: link,
			Title: benchText(uint64(s*1000+j)<<20, 8), Summary: body[:300], Lead: body[:200],
			ContentHTML: "<p>" + body + "</p>", Authors: []string{"Rédaction"}, Categories: []string{"Politique"},
			Published: t0.Add(-time.Duration(j) * time.Minute), ContentHash: "h-" + key,
		}
	}
	return items
}

// benchDB opens a database with one section fed by every bench source,
// pre-filled with stored items (bulk SQL, see fill).
func benchDB(b *testing.B, stored int) *DB {
	b.Helper()
	db, _ := openTest(b, newsdesk.Section{ID: "sec", Title: "Section", Limit: 50})
	if err := fill(context.Background(), db, "sec", stored); err != nil {
		b.Fatal(err)
	}
	return db
}

// fill stores n items of 1 KB content spread over 1,000 sources and the
// 30 days before t0 in section sec, with signatures, in one transaction of
// bulk SQL. Links and title keys share the key ranges of benchItems', so
// new items land among the stored keys of each index, as real ones do.
func fill(ctx context.Context, db *DB, sec string, n int) error {
	if n == 0 {
		return nil
	}
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		stmts := []string{
			series(1000) + ` INSERT INTO sources (url) SELECT 'http://127.0.0.1/fill/' || value FROM g`,
			series(n) + fmt.Sprintf(` INSERT INTO items (source_id, key, guid, link, canonical_link, title, summary, content_html,
				authors, categories, language, first_seen_at, sort_at, modified_at, published_at, content_hash, title_key,
				story_at, ord, seq)
				SELECT 1 + value %% 1000, 'guid:fill-' || value, 'fill-' || value,
				'http://127.0.0.1/s' || (value %% 1000) || '/f' || value || '.html',
				'http://127.0.0.1/s' || (value %% 1000) || '/f' || value || '.html', 'Titre ' || hex(randomblob(20)), hex(randomblob(150)),
				'<p>' || hex(randomblob(505)) || '</p>', '["Rédaction"]', '["Politique"]', 'fr',
				%[1]d - value * 2592000 / %[2]d, %[1]d - value * 2592000 / %[2]d, %[1]d - value * 2592000 / %[2]d,
				%[1]d - value * 2592000 / %[2]d, hex(randomblob(16)), char(97 + abs(random() %% 26)) || lower(hex(randomblob(10))),
				%[1]d - value * 2592000 / %[2]d, abs(random() / 2) + 1, 1
				FROM g`, t0.Unix(), n),
			// Valid signatures (encoding 3) of random values: loaded into the index, never
			// a near-duplicate of a bench item.
			`INSERT INTO signatures (item_id, signature) SELECT id, X'0364000000' || randomblob(578) FROM items WHERE key LIKE 'guid:fill-%'`,
			fmt.Sprintf(`INSERT INTO clusters (id, section) SELECT id, '%s' FROM items WHERE key LIKE 'guid:fill-%%'`, sec),
			fmt.Sprintf(`INSERT INTO section_items (section, item_id, state, cluster_id, rep_id, reason, sort_at, ord, decided_at)
				SELECT '%s', id, 'in', id, id, '', sort_at, ord, sort_at FROM items WHERE key LIKE 'guid:fill-%%'`, sec),
		}
		for _, q := range stmts {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("fill: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Measure inserts, not the checkpoint of the fill.
	if _, err = db.w.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return err
	}
	db.near.ready = false // read at the next write, as after Open
	return nil
}

// series is a WITH clause defining g(value) as 1..n.
func series(n int) string {
	return fmt.Sprintf(`WITH RECURSIVE g(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM g WHERE value < %d)`, n)
}

// BenchmarkSaveFetch stores one 50-item source per iteration (one
// transaction), with 0, 10,000 and (NEWSDESK_BENCH_1M=1) 1,000,000 items
// already stored. The per-item figure staying flat shows near-duplicate
// detection does not scan stored items.
func BenchmarkSaveFetch(b *testing.B) {
	for _, stored := range []int{0, 10_000, 1_000_000} {
		b.Run(fmt.Sprintf("stored=%d", stored), func(b *testing.B) {
			if stored >= 1_000_000 && os.Getenv(env1M) == "" {
				b.Skip("set " + env1M + "=1 to build 1,000,000 items")
			}
			db := benchDB(b, stored)
			ctx := context.Background()
			b.ResetTimer()
			s := 0
			for b.Loop() {
				b.StopTimer()
				items := benchItems(s, 50)
				src := newsdesk.Source{URL: fmt.Sprintf("http://127.0.0.1/bench/%d", s), Sections: []string{"sec"}}
				s++
				b.StartTimer()
				out, err := db.SaveFetch(ctx, Fetch{Source: src, State: newsdesk.SourceState{ETag: `"x"`}, Items: items})
				if err != nil || out.New != 50 {
					b.Fatalf("new = %d, err = %v", out.New, err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*50), "ns/item")
		})
	}
}

// BenchmarkSectionItems reads a 50-item section page (the feed query)
// with 10,000 and (NEWSDESK_BENCH_1M=1) 1,000,000 items stored.
func BenchmarkSectionItems(b *testing.B) {
	for _, stored := range []int{10_000, 1_000_000} {
		b.Run(fmt.Sprintf("stored=%d", stored), func(b *testing.B) {
			if stored >= 1_000_000 && os.Getenv(env1M) == "" {
				b.Skip("set " + env1M + "=1 to build 1,000,000 items")
			}
			db := benchDB(b, stored)
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				items, err := db.SectionItems(ctx, "sec", newsdesk.Page{Limit: 50})
				if err != nil || len(items) != 50 {
					b.Fatalf("got %d items, err %v", len(items), err)
				}
			}
		})
	}
}

// BenchmarkNearDupLookup finds the near-duplicate cluster of a new item
// (candidates from the in-memory index, each checked against its stored
// signature) with 10,000 and (NEWSDESK_BENCH_1M=1) 1,000,000 items stored:
// the cost must not grow with the number stored. Half of the looked-up
// items retell a stored story, so candidates are found and verified.
func BenchmarkNearDupLookup(b *testing.B) {
	for _, stored := range []int{10_000, 1_000_000} {
		b.Run(fmt.Sprintf("stored=%d", stored), func(b *testing.B) {
			if stored >= 1_000_000 && os.Getenv(env1M) == "" {
				b.Skip("set " + env1M + "=1 to build 1,000,000 items")
			}
			db := benchDB(b, stored)
			ctx := context.Background()
			stories := benchItems(7, 50)
			src := newsdesk.Source{URL: "http://127.0.0.1/bench/stories", Sections: []string{"sec"}}
			if _, err := db.SaveFetch(ctx, Fetch{Source: src, Items: stories}); err != nil {
				b.Fatal(err)
			}
			items := benchItems(8, 100)
			for i := range items {
				if i%2 == 0 { // a retelling: the story's text, another title
					items[i].Lead, items[i].Summary = stories[i/2].Lead, stories[i/2].Summary
				}
				items[i].SortAt = t0
			}
			sigs := make([]neardup.Signature, len(items))
			for i := range items {
				sigs[i] = neardup.Sign(items[i].Title, items[i].Lead)
			}
			found := 0
			err := db.inNearTx(ctx, func(tx *sql.Tx, nt *nearTx) error {
				s := db.newSaver(ctx, tx, nt, t0, newsdesk.Source{}, &Outcome{Sections: map[string]*SectionCounts{}})
				b.ResetTimer()
				i := 0
				for b.Loop() {
					it := &items[i%len(items)]
					sig := sigs[i%len(items)]
					ms, err := s.et.Near("sec", sig, it.SortAt.Add(-48*time.Hour), it.SortAt.Add(48*time.Hour))
					if err != nil {
						return err
					}
					for _, m := range ms {
						if neardup.Same(sig, m.Sig) {
							found++
							break
						}
					}
					i++
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			if found == 0 {
				b.Fatal("no retelling was found")
			}
		})
	}
}

// BenchmarkReapply applies unchanged section rules to 10,000 stored items
// (what serve does at start and on every SIGHUP): one read of the
// section, no write. Without rules only filtered items are read.
func BenchmarkReapply(b *testing.B) {
	db := benchDB(b, 10_000)
	ctx := context.Background()
	base := *db.section("sec")
	withRule := base
	withRule.Exclude = []newsdesk.Rule{{Pattern: regexp.MustCompile(`(?i)no such words here`)}}
	for _, c := range []struct {
		name string
		sec  newsdesk.Section
	}{{"no rules", base}, {"exclude", withRule}} {
		b.Run(c.name, func(b *testing.B) {
			db.SetSections([]newsdesk.Section{c.sec})
			for b.Loop() {
				changes, err := db.Reapply(ctx, false)
				if err != nil || len(changes) != 0 {
					b.Fatalf("changes = %d, err %v", len(changes), err)
				}
			}
		})
	}
}
