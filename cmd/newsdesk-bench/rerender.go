package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"time"

	"newsdesk"
	"newsdesk/feedgen"
	"newsdesk/storage"
)

// Re-render phase (-rerender-sections S): on a database of -desk-items
// items over S sections, the feed handler renders and caches every
// section's feeds; then, section by section, a fetch stores
// rerenderNew new items into it (the change), the handler is told (as
// serve's ingest OnChange tells it) and the section's feeds are requested
// again: the time of those requests is the re-render (the page query,
// the document, its gzip and validators), against the target of 5 ms per
// section. The requests go to the handler in process (no network), so
// the figure is the render alone.

const rerenderNew = 5 // new items stored into a section before its re-render

var rerenderFormats = []string{"atom", "rss", "json"}

func benchRerender(ctx context.Context, o options, dir string, prof *profiler, t *table) error {
	s := o.rerenderSections
	pristine, err := deskDatabase(ctx, o, dir, o.deskItems, s, t)
	if err != nil {
		return err
	}
	path := filepath.Join(dir, "rerender.db")
	if err := copyDatabase(pristine, path); err != nil {
		return err
	}
	// One fresh source per section brings the changes.
	c := newCorpus(s, rerenderNew, 0, time.Now().UTC().Truncate(time.Minute), o.text)
	fetches, err := scaleFetches(c)
	if err != nil {
		return err
	}
	secs := make([]newsdesk.Section, s)
	for i, id := range deskSectionIDs(s) {
		fetches[i].Source.Sections = []string{id}
		secs[i] = newsdesk.Section{ID: id, Title: "Section " + id, Language: "fr", Limit: o.limit,
			Sources: []newsdesk.SectionSource{{URL: fetches[i].Source.URL}}}
	}
	db := storage.New(path)
	if err := db.Open(ctx); err != nil {
		return err
	}
	defer db.Close()
	db.SetSections(secs)
	h := feedgen.NewHandler(db, secs, feedgen.Options{BaseURL: "http://127.0.0.1:8080", Generator: "newsdesk bench"})
	// get requests a feed and returns its wall time; the process's CPU
	// time over the request (user + system, the render's goroutine and
	// whatever ran beside it: GC, the checkpointer) is added to *cpu.
	var cpu time.Duration
	get := func(id, format string) (time.Duration, error) {
		req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1:8080/feeds/"+id+"."+format, nil).WithContext(ctx)
		rec := httptest.NewRecorder()
		c0 := processCPU()
		start := time.Now()
		h.ServeHTTP(rec, req)
		d := time.Since(start)
		cpu = processCPU() - c0
		if rec.Code != http.StatusOK || rec.Body.Len() == 0 {
			return d, fmt.Errorf("GET /feeds/%s.%s: status %d, %d bytes", id, format, rec.Code, rec.Body.Len())
		}
		return d, nil
	}
	// Render and cache every section's feeds (the first render, after
	// Open: the database pages are read for the first time).
	var first, hit []time.Duration
	for _, sec := range secs {
		var sum time.Duration
		for _, f := range rerenderFormats {
			d, err := get(sec.ID, f)
			if err != nil {
				return err
			}
			sum += d
		}
		first = append(first, sum)
		d, err := get(sec.ID, "atom")
		if err != nil {
			return err
		}
		hit = append(hit, d)
	}
	// Store the section's first write (it loads the near-duplicate index)
	// outside the measured changes.
	warm := fetches[0]
	warm.Items = nil
	if _, err := db.SaveFetch(ctx, warm); err != nil {
		return err
	}
	var atom, atomCPU, all, save []time.Duration
	var stored int
	prof.start("rerender")
	for i, sec := range secs {
		t0 := time.Now()
		out, err := db.SaveFetch(ctx, fetches[i])
		if err != nil {
			return err
		}
		save = append(save, time.Since(t0))
		stored += out.New
		if len(out.Changed) == 0 {
			return fmt.Errorf("re-render: the fetch into %s changed nothing", sec.ID)
		}
		h.Invalidate(out.Changed...)
		var sum time.Duration
		for j, f := range rerenderFormats {
			d, err := get(sec.ID, f)
			if err != nil {
				return err
			}
			if j == 0 {
				atom = append(atom, d)
				atomCPU = append(atomCPU, cpu)
			}
			sum += d
		}
		all = append(all, sum)
	}
	prof.stop("rerender")
	if stored != s*rerenderNew {
		return fmt.Errorf("re-render: %d new items stored, want %d", stored, s*rerenderNew)
	}
	name := fmt.Sprintf("re-render %d/%dk", s, o.deskItems/1000)
	dist := func(d []time.Duration) string {
		d = sortDurations(append([]time.Duration(nil), d...))
		return ms(quantile(d, 0.5)) + " / " + ms(quantile(d, 0.99)) + " / " + ms(d[len(d)-1])
	}
	p99 := func(d []time.Duration) time.Duration {
		return quantile(sortDurations(append([]time.Duration(nil), d...)), 0.99)
	}
	t.note("re-render: %d sections of %d stored items each on average, %d new items stored into each before its re-render, load %s",
		s, o.deskItems/s, rerenderNew, loadAverage())
	t.add(name, "Atom after a change: p50 / p99 / max", dist(atom), "", verdict(p99(atom) <= 5*time.Millisecond, "p99 ≤ 5 ms per section"))
	t.add(name, "Atom after a change, CPU: p50 / p99 / max", dist(atomCPU), "", verdict(quantile(sortDurations(append([]time.Duration(nil), atomCPU...)), 0.5) <= 5*time.Millisecond, "p50 ≤ 5 ms")+" (the process's CPU over the request: load-independent)")
	t.add(name, "Atom + RSS + JSON after a change: p50 / p99 / max", dist(all), "", "the three formats of a section")
	t.add(name, "first render after Open (3 formats): p50 / p99 / max", dist(first), "", "")
	t.add(name, "cached Atom (no render): p50 / p99 / max", dist(hit), "", "")
	t.add(name, fmt.Sprintf("the change: SaveFetch of %d items", rerenderNew), dist(save), "", "load "+loadAverage())
	return nil
}
