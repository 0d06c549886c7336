package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"newsdesk"
	"newsdesk/feedgen"
	"newsdesk/internal/textgen"
	"newsdesk/neardup"
	"newsdesk/normalize"
	"newsdesk/storage"
)

// scaleSources is how many fresh 50-item sources are stored to measure the
// insert rate on each database.
const scaleSources = 100

// benchScale measures what depends on the number of items stored: insert
// rate and near-duplicate cost per item (SaveFetch of fresh sources) on an
// empty, a 10,000-item and an o.itemsStored-item database, the section
// render from the database, and the bytes on disk per item.
func benchScale(ctx context.Context, o options, dir string, prof *profiler, t *table) error {
	c := newCorpus(scaleSources, o.items, o.dups, time.Now().UTC().Truncate(time.Minute), o.text)
	fetches, err := scaleFetches(c)
	if err != nil {
		return err
	}
	secs := []newsdesk.Section{{ID: "sec0", Title: "Section 0", Language: "fr", Limit: o.limit}}
	for _, f := range fetches {
		secs[0].Sources = append(secs[0].Sources, newsdesk.SectionSource{URL: f.Source.URL})
	}
	type point struct {
		stored  int
		db      *storage.DB
		path    string
		elapsed time.Duration
		n       int
		render  []time.Duration
		bytes   float64
	}
	var pts []*point
	defer func() {
		for _, p := range pts {
			p.db.Close()
		}
	}()
	for _, stored := range []int{0, 10_000, o.itemsStored} {
		path := filepath.Join(dir, fmt.Sprintf("scale-%d.db", stored))
		// Create the schema, fill with bulk SQL, then open as the daemon
		// would (loading the near-duplicate index of the recent items).
		db := storage.New(path)
		if err := db.Open(ctx); err != nil {
			return err
		}
		if err := db.Close(); err != nil {
			return err
		}
		fillStart := time.Now()
		if err := prefill(ctx, path, []string{"sec0"}, stored, 30*86400, c.gen); err != nil {
			return err
		}
		fillTook := time.Since(fillStart)
		db = storage.New(path)
		if err := db.Open(ctx); err != nil {
			return err
		}
		db.SetSections(secs)
		pts = append(pts, &point{stored: stored, db: db, path: path})
		t.note("scale: %d items stored (prefill %v)", stored, fillTook.Round(time.Millisecond))
	}
	// The databases take turns, one fetch each, so that the machine's
	// drift during the run falls on all of them alike.
	prof.start("scale")
	for _, f := range fetches {
		for _, p := range pts {
			var out storage.Outcome
			var err error
			start := time.Now()
			// Labelled, so that the profile can be split by database
			// (go tool pprof -tagfocus stored=1000000).
			pprof.Do(ctx, pprof.Labels("stored", strconv.Itoa(p.stored)), func(ctx context.Context) {
				out, err = p.db.SaveFetch(ctx, f)
			})
			if err != nil {
				return err
			}
			p.elapsed += time.Since(start)
			p.n += out.New
		}
	}
	prof.stop("scale")
	for range 30 {
		for _, p := range pts {
			t0 := time.Now()
			items, err := p.db.SectionItems(ctx, "sec0", newsdesk.Page{Limit: o.limit + 1})
			if err != nil {
				return err
			}
			if _, err := feedgen.Atom(&secs[0], items[:min(len(items), o.limit)], feedgen.Options{BaseURL: "http://127.0.0.1:8080"}, feedgen.PageLinks{}); err != nil {
				return err
			}
			p.render = append(p.render, time.Since(t0))
		}
	}
	for _, p := range pts {
		sort.Slice(p.render, func(i, j int) bool { return p.render[i] < p.render[j] })
		if err := p.db.Close(); err != nil {
			return err
		}
		p.bytes = float64(fileSize(p.path)) / float64(max(1, p.stored+p.n))
	}
	t.note("scale: %d new items in %d SaveFetch calls per database, the databases taking turns", pts[0].n, len(fetches))
	perItem := func(p *point) time.Duration { return p.elapsed / time.Duration(max(1, p.n)) }
	empty, small, big := pts[0], pts[1], pts[2]
	name := fmt.Sprintf("%d stored", big.stored)
	t.add(name, "section render (SectionItems + Atom) p50 / max of 30", ms(quantile(big.render, 0.5))+" / "+ms(big.render[len(big.render)-1]),
		ms(quantile(small.render, 0.5))+" (10k)", verdict(quantile(big.render, 0.5) <= 10*time.Millisecond, "≤ 10 ms"))
	rateBig, rateEmpty := 1/perItem(big).Seconds(), 1/perItem(empty).Seconds()
	t.add(name, "insert rate (items/s, SaveFetch)", fmt.Sprintf("%.0f", rateBig), fmt.Sprintf("%.0f (empty)", rateEmpty),
		verdict(rateBig >= 0.8*rateEmpty, ratio(rateBig, rateEmpty)+" ≥ 0.8×"))
	// All the writes of an item, not the near-duplicate look-up alone
	// (storage's BenchmarkNearDupLookup measures that): informational.
	t.add(name, "per-item SaveFetch, all writes", perItem(big).Round(time.Microsecond).String(),
		perItem(small).Round(time.Microsecond).String()+" (10k)", ratio(perItem(big).Seconds(), perItem(small).Seconds())+" of 10k (B-tree depth, page cache)")
	t.add(name, "bytes on disk per item (1 KB content)", fmt.Sprintf("%.0f", big.bytes), fmt.Sprintf("%.0f (10k)", small.bytes), verdict(big.bytes <= 3072, "≤ 3 KB"))
	return nil
}

// scaleFetches parses and normalizes the scale corpus once, outside any
// measurement, into fetches ready for SaveFetch.
func scaleFetches(c *corpus) ([]storage.Fetch, error) {
	var out []storage.Fetch
	p := gofeed.NewParser()
	now := time.Now()
	for s := range c.n {
		host := "127.0.0.1:1"
		u := fmt.Sprintf("http://%s/scale/%d.xml", host, s)
		feed, err := p.Parse(bytes.NewReader(c.feed(host, s)))
		if err != nil {
			return nil, err
		}
		norm := normalize.Feed(feed, normalize.Options{SourceURL: u, FeedURL: u, Now: now})
		out = append(out, storage.Fetch{
			Source: newsdesk.Source{URL: u, Title: fmt.Sprintf("Scale %d", s), Sections: []string{"sec0"}},
			State:  newsdesk.SourceState{ETag: etag(s), Status: 200, LastAttempt: now, LastSuccess: now},
			Items:  norm.Items,
		})
	}
	return out, nil
}

// fillSources is the number of sources prefill stores items of; fillURL(k)
// is the URL of the k-th (0-based), whose items are those of value v
// with v % fillSources == k.
const fillSources = 1000

func fillURL(k int) string { return fmt.Sprintf("http://127.0.0.1:2/fill/%d", k+1) }

// prefill stores n items in the sections secs of the database at path with
// bulk SQL in one transaction: 1,000 sources, each filed in one section
// (source k in secs[k % len(secs)]), links and title keys spread over
// the same key ranges as the measured items' (so that those land among
// the stored keys of every index, as real ones would, not after them),
// content of about 1 KB, summary,
// title, links, sort dates spread over the span seconds before now (30
// days: about 1/10 of them fall in the near-duplicate horizon that Open
// loads into memory), and a signature per item: for the items of the last four days
// (those the near-duplicate index holds), the signature of a generated
// story of the -text mode (neardup.Sign), so that the index holds what
// a section of that text would; for the older ones, a well-formed
// signature of random values.
func prefill(ctx context.Context, path string, secs []string, n int, span int64, gen *textgen.Generator) error {
	if n == 0 {
		return nil
	}
	if len(secs) == 0 {
		return fmt.Errorf("prefill: no section")
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)&_pragma=cache_size(-262144)&_pragma=temp_store(FILE)")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	now := time.Now().Unix()
	cur, err := neardup.Sign("", gen.Article(1, 3, 65)).MarshalBinary()
	if err != nil || len(cur) < 2 {
		return fmt.Errorf("prefill: no signature encoding: %v", err)
	}
	sigHead, sigLen := cur[:1], len(cur)
	series := func(n int) string {
		return fmt.Sprintf(`WITH RECURSIVE g(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM g WHERE value < %d)`, n)
	}
	// The section of a fill item: that of its source (value % 1000).
	var names strings.Builder
	for i, sec := range secs {
		if i > 0 {
			names.WriteString(", ")
		}
		fmt.Fprintf(&names, "(%d, '%s')", i, strings.ReplaceAll(sec, "'", "''"))
	}
	fillSection := fmt.Sprintf(`JOIN fill_sections f ON f.i = (CAST(substr(i.key, 11) AS INTEGER) %% 1000) %% %d`, len(secs))
	stmts := []string{
		"BEGIN IMMEDIATE",
		"CREATE TEMP TABLE IF NOT EXISTS fill_sections (i INTEGER PRIMARY KEY, name TEXT NOT NULL)",
		"DELETE FROM fill_sections",
		"INSERT INTO fill_sections (i, name) VALUES " + names.String(),
		series(fillSources) + ` INSERT INTO sources (url, name) SELECT 'http://127.0.0.1:2/fill/' || value, 'Fill ' || value FROM g`,
		series(n) + fmt.Sprintf(` INSERT INTO items (source_id, key, guid, link, canonical_link, title, summary, content_html,
			authors, categories, language, first_seen_at, sort_at, modified_at, published_at, content_hash, title_key,
			story_at, ord, words, seq)
			SELECT (SELECT min(id) FROM sources WHERE url LIKE 'http://127.0.0.1:2/fill/%%') + value %% 1000,
			'guid:fill-' || value, 'fill-' || value,
			'http://127.0.0.1:1/s/' || (value %% 1000) || '/f' || value || '.html',
			'http://127.0.0.1:1/s/' || (value %% 1000) || '/f' || value || '.html',
			'Titre ' || hex(randomblob(24)), hex(randomblob(150)), '<p>' || hex(randomblob(505)) || '</p>',
			'["Rédaction"]', '["cat1"]', 'fr', t, t, t, t, lower(hex(randomblob(32))),
			char(97 + abs(random() %% 26)) || lower(hex(randomblob(20))),
			t, 1 + abs(random() %% 9007199254740991), 150, 1
			FROM (SELECT value, %d - 3600 - value * %d / %d AS t FROM g)`, now, span, n),
		// A well-formed signature of the current encoding (its version
		// byte, then random values) for the older items: the recent ones
		// get a real one below.
		fmt.Sprintf(`INSERT INTO signatures (item_id, signature) SELECT id, X'%x' || randomblob(%d) FROM items WHERE key LIKE 'guid:fill-%%'`,
			sigHead, sigLen-len(sigHead)),
		// Every item is a story of its own: its cluster bears its id.
		`INSERT INTO clusters (id, section) SELECT i.id, f.name FROM items i ` + fillSection + ` WHERE i.key LIKE 'guid:fill-%'`,
		`INSERT INTO section_items (section, item_id, state, cluster_id, rep_id, reason, sort_at, ord, decided_at)
			SELECT f.name, i.id, 'in', i.id, i.id, '', i.sort_at, i.ord, i.sort_at FROM items i ` + fillSection + ` WHERE i.key LIKE 'guid:fill-%'`,
		"COMMIT",
		"PRAGMA wal_checkpoint(TRUNCATE)",
	}
	for _, q := range stmts[:len(stmts)-2] {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("prefill: %.60s: %w", q, err)
		}
	}
	if err := signRecent(ctx, db, now-4*86400, gen); err != nil {
		return err
	}
	for _, q := range stmts[len(stmts)-2:] {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("prefill: %.60s: %w", q, err)
		}
	}
	return nil
}

// signRecent gives the prefilled items dated from since on the signature
// of a generated 200-word story, inside prefill's transaction.
func signRecent(ctx context.Context, db *sql.DB, since int64, gen *textgen.Generator) error {
	rows, err := db.QueryContext(ctx, `SELECT id FROM items WHERE key LIKE 'guid:fill-%' AND sort_at >= ?`, since)
	if err != nil {
		return fmt.Errorf("prefill: recent items: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range ids {
		sig, err := neardup.Sign("", gen.Article(uint64(id)<<8|0x5c, 3, 65)).MarshalBinary()
		if err != nil {
			return err
		}
		if _, err := db.ExecContext(ctx, `UPDATE signatures SET signature = ? WHERE item_id = ?`, sig, id); err != nil {
			return fmt.Errorf("prefill: signature of item %d: %w", id, err)
		}
	}
	return nil
}
