package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"
	"time"

	"newsdesk"
	"newsdesk/feedgen"
	"newsdesk/storage"
)

// countingStore counts the queries the feed handler makes.
type countingStore struct {
	db      *storage.DB
	queries atomic.Int64
}

func (c *countingStore) SectionPage(ctx context.Context, section string, page newsdesk.Page) ([]newsdesk.Item, *newsdesk.Page, error) {
	c.queries.Add(1)
	return c.db.SectionPage(ctx, section, page)
}

// benchPipeline runs the cold fetch, the warm refetch and the serving test
// against one fresh database at path.
func benchPipeline(ctx context.Context, o options, path string, prof *profiler, t *table) error {
	c := newCorpus(o.sources, o.items, o.dups, time.Now().UTC().Truncate(time.Minute), o.text)
	fs, err := startFeedServer(c)
	if err != nil {
		return err
	}
	defer fs.Close()
	secs, srcs := benchConfig(fs, o.sources, o.sections, o.limit)
	t.note("corpus: %d sources × %d items, %d per source retold from its partner (%.0f%% cross-source duplicates), ~1 KB content per item, %d sections, %s text",
		o.sources, o.items, c.dups, 100*float64(c.dups)/float64(o.items), o.sections, o.text)
	t.note("fetcher: concurrency %d, per_host %d (every source is on %s)", o.concurrency, o.concurrency, fs.host)
	mem := newMemProbe()
	if mem.resettable {
		t.note("peak RSS: per phase (VmHWM reset through /proc/self/clear_refs)")
	} else {
		t.note("peak RSS: process peak so far (clear_refs not writable); heap peak per phase from runtime/metrics")
	}

	// Floors bracket the cold run; the faster one is kept.
	var floor ingestResult
	var floorProf []byte
	for range max(1, o.rounds) {
		prof.start("floor")
		f, err := parseFloor(ctx, srcs, o.concurrency, mem)
		raw := prof.stop("floor")
		if err != nil {
			return fmt.Errorf("parse floor: %w", err)
		}
		if floor.wall == 0 || f.wall < floor.wall {
			floor, floorProf = f, raw
		}
	}

	db := storage.New(path)
	if err := db.Open(ctx); err != nil {
		return err
	}
	db.SetSections(secs)
	desk, fetch := newDesk(db, o.concurrency, o.concurrency)
	prof.start("cold")
	cold := runIngest(ctx, desk, srcs, mem)
	coldProf := prof.stop("cold")
	coldTx, coldFetches := db.WriteGroups()
	prof.start("warm")
	warm := runIngest(ctx, desk, srcs, mem)
	prof.stop("warm")
	fetch.Close()
	if err := db.Close(); err != nil { // checkpoints the WAL into the file
		return err
	}
	size := fileSize(path)

	coldRate := float64(cold.items) / cold.wall.Seconds()
	floorRate := float64(floor.items) / floor.wall.Seconds()
	t.add("parse floor", "wall / items/s", fmt.Sprintf("%v / %.0f", floor.wall.Round(time.Millisecond), floorRate), "", fmt.Sprintf("%d items parsed", floor.items))
	t.add("parse floor", "peak RSS / heap", mb(floor.rss)+" / "+mb(floor.heap), "", "")
	t.add("cold fetch", "wall", cold.wall.Round(time.Millisecond).String(), floor.wall.Round(time.Millisecond).String(),
		verdict(cold.wall.Seconds() <= 1.3*floor.wall.Seconds(), ratio(cold.wall.Seconds(), floor.wall.Seconds())+" ≤ 1.3×"))
	t.add("cold fetch", "items/s", fmt.Sprintf("%.0f", coldRate), fmt.Sprintf("%.0f", floorRate), verdict(coldRate >= 5000, "≥ 5000"))
	t.add("cold fetch", "peak RSS / heap", mb(cold.rss)+" / "+mb(cold.heap), "", verdict(cold.rss <= 150<<20, "≤ 150 MB"))
	t.add("cold fetch", "stored / duplicates / failed", fmt.Sprintf("%d / %d / %d", cold.stored, cold.duplicates, cold.failed), "",
		fmt.Sprintf("%d retold items generated", c.dups*o.sources/2*2))
	t.add("cold fetch", "database bytes per item", fmt.Sprintf("%.0f", float64(size)/float64(max(1, cold.stored))), "", fmt.Sprintf("%.1f MB file", float64(size)/(1<<20)))
	addBreakdown(t, floorProf, coldProf, floor.items, cold.items)
	t.add("cold fetch", "write transactions / fetches", fmt.Sprintf("%d / %d", coldTx, coldFetches), "", "fetches written together")
	t.add("warm refetch", "wall", warm.wall.Round(time.Millisecond).String(), "", verdict(warm.wall <= time.Second, "≤ 1 s"))
	t.add("warm refetch", "304 / parsed / failed", fmt.Sprintf("%d / %d / %d", warm.notModified, warm.parsed, warm.failed), "",
		verdict(warm.parsed == 0 && warm.notModified == len(srcs), "all 304, no parsing"))
	t.add("warm refetch", "peak RSS / heap", mb(warm.rss)+" / "+mb(warm.heap), "", "")

	prof.start("serve")
	defer prof.stop("serve")
	return benchServe(ctx, o, path, secs, t)
}

// benchServe serves the first section's Atom feed from the database at path
// and from a bare handler.
func benchServe(ctx context.Context, o options, path string, secs []newsdesk.Section, t *table) error {
	db := storage.New(path)
	if err := db.Open(ctx); err != nil {
		return err
	}
	defer db.Close()
	db.SetSections(secs)
	store := &countingStore{db: db}
	h := feedgen.NewHandler(store, secs, feedgen.Options{BaseURL: "http://127.0.0.1:8080", Generator: "newsdesk bench"})
	base, stop, err := serveLoopback(h)
	if err != nil {
		return err
	}
	defer stop()
	// Every section read is rendered and cached by a first GET; the
	// bare handler serves the same bytes at the same paths.
	plain := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	docs := map[string]bareDoc{}
	var paths []string
	var bytesTotal int
	for _, sec := range secs[:min(len(secs), max(1, o.serveSections))] {
		p := "/feeds/" + sec.ID + ".atom"
		resp, err := plain.Get(base + p)
		if err != nil {
			return err
		}
		body, tag := readAll(resp)
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("GET %s: status %d", base+p, resp.StatusCode)
		}
		docs[p] = bareDoc{body: body, ctype: resp.Header.Get("Content-Type"), etag: tag}
		paths = append(paths, p)
		bytesTotal += len(body)
	}
	bareURL, stopBare, err := serveLoopback(bareHandler(docs))
	if err != nil {
		return err
	}
	defer stopBare()
	if len(paths) == 1 {
		d := docs[paths[0]]
		t.note("serving: %s (%d bytes, ETag %s), %d connections, %d requests per run, best of %d runs",
			base+paths[0], len(d.body), d.etag, o.conns, o.requests, o.rounds)
	} else {
		t.note("serving: the Atom feeds of %d sections round robin (%s … %s, %d bytes on average), each rendered and cached first, %d connections, %d requests per run, best of %d runs",
			len(paths), paths[0], paths[len(paths)-1], bytesTotal/len(paths), o.conns, o.requests, o.rounds)
	}
	targets := func(root string, conditional bool) []target {
		var out []target
		for _, p := range paths {
			tg := target{url: root + p}
			if conditional {
				tg.hdr = map[string]string{"If-None-Match": docs[p].etag}
			}
			out = append(out, tg)
		}
		return out
	}

	warmQueries := store.queries.Load()
	for _, c := range []struct {
		name        string
		conditional bool
	}{
		{"plain", false},
		{"conditional", true},
	} {
		var nd, bare loadResult
		for range max(1, o.rounds) {
			r, err := load(ctx, targets(base, c.conditional), o.conns, o.requests)
			if err != nil {
				return fmt.Errorf("serve %s: %w", c.name, err)
			}
			if nd.requests == 0 || r.rps() > nd.rps() {
				nd = r
			}
			r, err = load(ctx, targets(bareURL, c.conditional), o.conns, o.requests)
			if err != nil {
				return fmt.Errorf("bare %s: %w", c.name, err)
			}
			if bare.requests == 0 || r.rps() > bare.rps() {
				bare = r
			}
		}
		phase := "serve " + c.name
		if len(paths) > 1 {
			phase += fmt.Sprintf(" (%d sections)", len(paths))
		}
		t.add(phase, "requests/s", fmt.Sprintf("%.0f (status %d)", nd.rps(), nd.status), fmt.Sprintf("%.0f (status %d)", bare.rps(), bare.status),
			verdict(nd.rps() >= 0.9*bare.rps(), ratio(nd.rps(), bare.rps())+" ≥ 0.9×")+" load "+loadAverage())
		t.add(phase, "p50 / p99", ms(nd.p50)+" / "+ms(nd.p99), ms(bare.p50)+" / "+ms(bare.p99), verdict(nd.p99 <= 5*time.Millisecond, "p99 ≤ 5 ms"))
	}
	q := store.queries.Load() - warmQueries
	t.add("serve", "store queries during load", fmt.Sprint(q), "", verdict(q == 0, "0 (no query, no render)"))
	return nil
}

func readAll(resp *http.Response) ([]byte, string) {
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return b, resp.Header.Get("ETag")
}

// addBreakdown adds the per-stage CPU rows of the cold phase, against the
// floor's profile of the same run.
func addBreakdown(t *table, floorProf, coldProf []byte, floorItems, coldItems int) {
	fb, ferr := stageBreakdown(floorProf)
	cb, cerr := stageBreakdown(coldProf)
	if ferr != nil || cerr != nil {
		t.note("stage breakdown: no profile (%v, %v)", ferr, cerr)
		return
	}
	parse, floorParse := cb.by["parse (gofeed)"], fb.by["parse (gofeed)"]
	t.add("cold CPU", "total (both cores)", cpu(cb.total)+" / "+perItem(cb.total, coldItems), cpu(fb.total)+" / "+perItem(fb.total, floorItems),
		ratio(cb.total.Seconds(), fb.total.Seconds()))
	for _, st := range stages {
		d := cb.by[st.name]
		fl := ""
		if f := fb.by[st.name]; f > 0 {
			fl = cpu(f) + " / " + perItem(f, floorItems)
		}
		remark := ""
		switch st.name {
		case "writer (SaveFetch)":
			remark = verdict(float64(d.Microseconds())/float64(max(1, coldItems)) <= 30, "≤ 30 µs/item")
		case "normalize":
			remark = verdict(d.Seconds() <= 0.5*parse.Seconds(), ratio(d.Seconds(), parse.Seconds())+" of the parse, ≤ 0.5×")
		case "parse (gofeed)":
			remark = ratio(d.Seconds(), floorParse.Seconds()) + " of the floor's parse"
		}
		t.add("cold CPU", st.name, cpu(d)+" / "+perItem(d, coldItems), fl, remark)
	}
	t.add("cold CPU", "other (HTTP both sides, fetcher, runtime)", cpu(cb.other())+" / "+perItem(cb.other(), coldItems),
		cpu(fb.other())+" / "+perItem(fb.other(), floorItems), "")
}
