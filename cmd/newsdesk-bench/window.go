package main

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"newsdesk"
	"newsdesk/curate"
	"newsdesk/internal/textgen"
	"newsdesk/neardup"
	"newsdesk/storage"
)

// Window phase (-window 0,10000,50000,100000): the cost of storing an
// item against the number of items of its section already in the
// duplicate window (rule 4 of the clustering issue: on topical text it
// must not grow with the window; at 100k at most 1.5× the cost at 10k),
// and the start-up cost of a database holding them (Open, then the first
// write, which loads the near-duplicate index).
//
// Each database is filled with bulk SQL: one section, 1,000 sources, n
// items of the -text mode dated over the 48 hours before now, each signed
// (neardup.Sign), filed as its own story. The measured fetches then store
// windowFetches sources of 50 items dated within the last hour, a quarter
// of them retelling a stored text (each stored text at most once), the
// databases taking turns so that the machine's drift falls on all alike.

const (
	windowFetches = 40
	windowItems   = 50
	// windowRetold is how many stored texts each database keeps for
	// retellings: the same at every size, and more than a run retells, so
	// that each retelling does the same work (one new member of a
	// two-item story) whatever the window holds.
	windowRetold = 1000
)

// parseWindows reads the -window list ("" for none).
func parseWindows(s string) ([]int, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 0 {
			return nil, fmt.Errorf("-window: %q is not a number of items", f)
		}
		out = append(out, n)
	}
	return out, nil
}

type windowPoint struct {
	n        int
	db       *storage.DB
	kept     []string
	open     time.Duration // Open + first write
	wall     time.Duration
	cpu      time.Duration
	items    int
	fillTook time.Duration
}

func benchWindow(ctx context.Context, o options, dir string, t *table) error {
	gen := textgen.New(o.text)
	now := time.Now().UTC().Truncate(time.Second)
	var pts []*windowPoint
	defer func() {
		for _, p := range pts {
			if p.db != nil {
				p.db.Close()
			}
		}
	}()
	sec := newsdesk.Section{ID: "sec", Title: "Section", Limit: o.limit}
	for _, n := range o.windows {
		path := filepath.Join(dir, fmt.Sprintf("window-%d.db", n))
		db := storage.New(path)
		if err := db.Open(ctx); err != nil {
			return err
		}
		if err := db.Close(); err != nil {
			return err
		}
		p := &windowPoint{n: n}
		start := time.Now()
		kept, err := fillWindowDB(ctx, path, gen, n, now)
		if err != nil {
			return err
		}
		p.kept, p.fillTook = kept, time.Since(start)
		// Start-up: open as the daemon does, and the first write: one
		// fresh item of the section, dated now, whose look-up reads the
		// near-duplicate index of the window (the index is read lazily,
		// per section and span of story dates, so a write without items
		// reads nothing, and the first measured fetch would pay the load).
		start = time.Now()
		p.db = storage.New(path)
		if err := p.db.Open(ctx); err != nil {
			return err
		}
		p.db.SetSections([]newsdesk.Section{sec})
		warm := newsdesk.Source{URL: "http://127.0.0.1:1/warm", Sections: []string{"sec"}}
		if _, err := p.db.SaveFetch(ctx, storage.Fetch{Source: warm, Items: windowFetch(gen, -1, nil, now)[:1]}); err != nil {
			return err
		}
		p.open = time.Since(start)
		if got := p.db.NearIndexItems(); got < n {
			return fmt.Errorf("window %d: the start-up write read %d items into the near-duplicate index, not the window's %d: the measured writes would pay the load", n, got, n)
		}
		pts = append(pts, p)
	}
	for i := range windowFetches {
		for _, p := range pts {
			items := windowFetch(gen, i, p.kept, now)
			src := newsdesk.Source{URL: fmt.Sprintf("http://127.0.0.1:1/new/%d", i), Sections: []string{"sec"}}
			c0, w0 := processCPU(), time.Now()
			out, err := p.db.SaveFetch(ctx, storage.Fetch{Source: src, Items: items})
			if err != nil {
				return err
			}
			p.wall += time.Since(w0)
			p.cpu += processCPU() - c0
			p.items += out.New
		}
	}
	var base *windowPoint
	for _, p := range pts {
		if p.n == 10_000 {
			base = p
		}
	}
	per := func(d time.Duration, p *windowPoint) time.Duration { return d / time.Duration(max(p.items, 1)) }
	for _, p := range pts {
		name := fmt.Sprintf("window %dk (%s)", p.n/1000, o.text)
		t.note("window: %d items in the window (fill %v), %d new items stored", p.n, p.fillTook.Round(time.Millisecond), p.items)
		cmp, remark := "", ""
		if base != nil && p != base {
			cmp = per(base.cpu, base).Round(time.Microsecond).String() + " (10k)"
			r := per(p.cpu, p).Seconds() / per(base.cpu, base).Seconds()
			remark = ratio(per(p.cpu, p).Seconds(), per(base.cpu, base).Seconds()) + " of 10k"
			if p.n > base.n {
				remark = verdict(r <= 1.5, remark+" ≤ 1.5×")
			}
		}
		t.add(name, "per-item SaveFetch, CPU (wall)", per(p.cpu, p).Round(time.Microsecond).String()+
			" ("+per(p.wall, p).Round(time.Microsecond).String()+")", cmp, remark)
		startRemark := ""
		if p.n >= 100_000 {
			startRemark = verdict(p.open <= time.Second, "≤ 1 s")
		}
		t.add(name, "start-up: Open + first write", ms(p.open), "", startRemark)
	}
	return nil
}

// processCPU returns the CPU time (user and system) the process has used:
// on a shared machine, what the bench spends itself, not the time it
// waits for a core.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// windowFetch returns the items of measured fetch i: 50 items of the
// generator's text dated within the hour before now, every fourth
// retelling a stored text.
func windowFetch(gen *textgen.Generator, i int, kept []string, now time.Time) []newsdesk.Item {
	out := make([]newsdesk.Item, windowItems)
	for j := range out {
		s := uint64(1_000_000+i)*64 + uint64(j)
		text := gen.Article(s, 3, 60)
		if j%4 == 0 && len(kept) > 0 {
			text = gen.Reword(kept[int(s/4)%len(kept)], s, 0.2)
		}
		key := fmt.Sprintf("n%d", s)
		link := "http://127.0.0.1:1/n/" + key
		out[j] = newsdesk.Item{Key: "guid:" + key, GUID: key, Link: link, CanonicalLink: link,
			Title: gen.Article(s<<8, 1, 8), Summary: text[:min(len(text), 300)], Lead: text,
			ContentHTML: "<p>" + text + "</p>", Published: now.Add(-time.Duration(j) * time.Minute), ContentHash: key}
	}
	return out
}

// fillWindowDB stores n signed items of section "sec" from 1,000 sources,
// dated over the 48 hours before now, each its own story, in one
// transaction, and returns windowRetold of their texts.
func fillWindowDB(ctx context.Context, path string, gen *textgen.Generator, n int, now time.Time) ([]string, error) {
	if n == 0 {
		return nil, nil
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)&_pragma=cache_size(-262144)")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `WITH RECURSIVE g(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM g WHERE value < 1000)
		INSERT INTO sources (url) SELECT 'http://127.0.0.1:1/fill/' || value FROM g`); err != nil {
		return nil, fmt.Errorf("fill sources: %w", err)
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO items (source_id, key, link, canonical_link, title, summary,
		first_seen_at, sort_at, modified_at, published_at, story_at, ord, words, seq, title_key)
		VALUES ((SELECT id FROM sources WHERE url = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) RETURNING id`)
	if err != nil {
		return nil, err
	}
	var kept []string
	for i := range n {
		text := gen.Article(uint64(i), 3, 60)
		if i%max(n/windowRetold, 1) == 0 {
			kept = append(kept, text)
		}
		title := gen.Article(uint64(i)<<8, 1, 8)
		at := now.Add(-time.Duration(int64(i) * int64(48*time.Hour) / int64(n))).Unix()
		key := fmt.Sprint("guid:fill-", i)
		link := fmt.Sprintf("http://127.0.0.1:1/fill/%d.html", i)
		src := fmt.Sprint("http://127.0.0.1:1/fill/", 1+i%1000)
		var id int64
		if err := ins.QueryRowContext(ctx, src, key, link, link, title, text[:min(len(text), 300)], at, at, at, at, at,
			curate.OrdKey(src, key), curate.Words(text), neardup.TitleKey(title)).Scan(&id); err != nil {
			return nil, fmt.Errorf("fill item %d: %w", i, err)
		}
		raw, err := neardup.Sign(title, text).MarshalBinary()
		if err != nil {
			return nil, err
		}
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{`INSERT INTO signatures (item_id, signature) VALUES (?, ?)`, []any{id, raw}},
			{`INSERT INTO clusters (id, section) VALUES (?, 'sec')`, []any{id}},
			{`INSERT INTO section_items (section, item_id, state, cluster_id, rep_id, reason, sort_at, ord, decided_at)
				SELECT 'sec', id, 'in', id, id, '', sort_at, ord, sort_at FROM items WHERE id = ?`, []any{id}},
		} {
			if _, err := tx.ExecContext(ctx, q.sql, q.args...); err != nil {
				return nil, fmt.Errorf("fill item %d: %w", i, err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	_, err = db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	return kept, err
}
