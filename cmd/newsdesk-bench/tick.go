package main

import (
	"context"
	"fmt"
	"time"

	"newsdesk"
	"newsdesk/storage"
)

// benchTick measures a refetch tick at scale: o.tickSources sources whose
// validators are stored (seeded with one state-only SaveFetch each, as a
// fetch of an empty document would leave them) all answer 304. It reports
// the wall time of the tick, that no document was served whole nor parsed,
// and where the CPU went.
func benchTick(ctx context.Context, o options, path string, prof *profiler, t *table) error {
	c := newCorpus(o.tickSources, o.items, o.dups, time.Now().UTC().Truncate(time.Minute), o.text)
	fs, err := startFeedServer(c)
	if err != nil {
		return err
	}
	defer fs.Close()
	secs, srcs := benchConfig(fs, o.tickSources, o.sections, o.limit)
	db := storage.New(path)
	if err := db.Open(ctx); err != nil {
		return err
	}
	defer db.Close()
	db.SetSections(secs)
	seedStart := time.Now()
	now := time.Now()
	for s, src := range srcs {
		st := newsdesk.SourceState{ETag: etag(s), Status: 200, LastAttempt: now, LastSuccess: now}
		if _, err := db.SaveFetch(ctx, storage.Fetch{Source: src, State: st}); err != nil {
			return fmt.Errorf("seed %s: %w", src.URL, err)
		}
	}
	seed := time.Since(seedStart)
	desk, fetch := newDesk(db, o.concurrency, o.concurrency)
	defer fetch.Close()
	mem := newMemProbe()
	before := fs.full.Load()
	tx0, f0 := db.WriteGroups()
	prof.start("tick")
	r := runIngest(ctx, desk, srcs, mem)
	raw := prof.stop("tick")
	served := fs.full.Load() - before
	tx1, f1 := db.WriteGroups()
	name := fmt.Sprintf("304 tick %d", len(srcs))
	t.note("tick: %d sources seeded with their validators in %v (one state-only SaveFetch each)", len(srcs), seed.Round(time.Millisecond))
	t.add(name, "wall", r.wall.Round(time.Millisecond).String(), "", verdict(r.wall <= 3*time.Second, "≤ 3 s"))
	t.add(name, "304 / parsed / failed / served whole", fmt.Sprintf("%d / %d / %d / %d", r.notModified, r.parsed, r.failed, served), "",
		verdict(r.parsed == 0 && served == 0 && r.notModified == len(srcs), "all 304, no parsing"))
	t.add(name, "peak RSS / heap", mb(r.rss)+" / "+mb(r.heap), "", "")
	t.add(name, "write transactions / fetches", fmt.Sprintf("%d / %d", tx1-tx0, f1-f0), "", "")
	if b, err := stageBreakdown(raw); err == nil {
		t.add(name, "CPU total / writer / parse", cpu(b.total)+" / "+cpu(b.by["writer (SaveFetch)"])+" / "+cpu(b.by["parse (gofeed)"]), "",
			perItem(b.by["writer (SaveFetch)"], len(srcs))+" of writer per source")
	}
	return nil
}

// benchStartup measures the start of a daemon or a cron-run fetch on a
// database holding o.startup items in the duplicate window (dated over the
// last 40 hours, each signed from generated text of the -text mode): Open,
// then the first write (a fresh 50-item source), which loads the
// near-duplicate index.
func benchStartup(ctx context.Context, o options, path string, prof *profiler, t *table) error {
	c := newCorpus(2, o.items, 0, time.Now().UTC().Truncate(time.Minute), o.text)
	fetches, err := scaleFetches(c)
	if err != nil {
		return err
	}
	secs := []newsdesk.Section{{ID: "sec0", Title: "Section 0", Language: "fr", Limit: o.limit}}
	for _, f := range fetches {
		secs[0].Sources = append(secs[0].Sources, newsdesk.SectionSource{URL: f.Source.URL})
	}
	db := storage.New(path)
	if err := db.Open(ctx); err != nil {
		return err
	}
	if err := db.Close(); err != nil {
		return err
	}
	fillStart := time.Now()
	if err := prefill(ctx, path, []string{"sec0"}, o.startup, 40*3600, c.gen); err != nil {
		return err
	}
	t.note("startup: %d items in the window (prefill %v)", o.startup, time.Since(fillStart).Round(time.Millisecond))
	prof.start("startup")
	start := time.Now()
	db = storage.New(path)
	if err := db.Open(ctx); err != nil {
		return err
	}
	defer db.Close()
	db.SetSections(secs)
	opened := time.Since(start)
	if _, err := db.SaveFetch(ctx, fetches[0]); err != nil {
		return err
	}
	first := time.Since(start) - opened
	prof.stop("startup")
	name := fmt.Sprintf("startup %d", o.startup)
	t.add(name, "Open / first write (loads the index)", opened.Round(time.Millisecond).String()+" / "+first.Round(time.Millisecond).String(), "",
		verdict(opened+first <= time.Second, "≤ 1 s"))
	t.add(name, "near-duplicate index items", fmt.Sprint(db.NearIndexItems()), "", "")
	return nil
}
