package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mmcdole/gofeed"

	"newsdesk"
	"newsdesk/fetcher"
	"newsdesk/ingest"
	"newsdesk/storage"
)

// ingestResult is one fetch phase.
type ingestResult struct {
	wall               time.Duration
	items              int // items in the documents fetched
	stored, duplicates int
	parsed             int // sources whose document was parsed
	notModified        int
	failed             int
	rss, heap          uint64
}

// config builds the sections and sources of the bench: n sources spread
// over k sections, in order, so that partners 2i and 2i+1 share a section.
func benchConfig(fs *feedServer, n, k, limit int) ([]newsdesk.Section, []newsdesk.Source) {
	secs := make([]newsdesk.Section, k)
	for i := range secs {
		secs[i] = newsdesk.Section{ID: fmt.Sprintf("sec%d", i), Title: fmt.Sprintf("Section %d", i), Language: "fr", Limit: limit}
	}
	srcs := make([]newsdesk.Source, n)
	for s := range srcs {
		sec := &secs[(s/2*2)*k/n]
		u := fs.url(s)
		sec.Sources = append(sec.Sources, newsdesk.SectionSource{URL: u, Title: fmt.Sprintf("Source %d", s)})
		srcs[s] = newsdesk.Source{URL: u, Title: fmt.Sprintf("Source %d", s), Schedule: "@every 15m", Sections: []string{sec.ID}}
	}
	return secs, srcs
}

// runIngest fetches every source once through ingest.Desk.FetchAll.
func runIngest(ctx context.Context, desk *ingest.Desk, srcs []newsdesk.Source, mem *memProbe) ingestResult {
	var r ingestResult
	mem.begin()
	start := time.Now()
	reports := desk.FetchAll(ctx, srcs, false, nil)
	r.wall = time.Since(start)
	r.rss, r.heap = mem.end()
	for _, rep := range reports {
		switch {
		case rep.Err != nil:
			r.failed++
		case rep.NotModified:
			r.notModified++
		default:
			r.parsed++
		}
		r.items += rep.Items
		r.stored += rep.Outcome.New
		for _, c := range rep.Outcome.Sections {
			r.duplicates += c.Duplicate
		}
	}
	return r
}

// newDesk wires a fetcher and a desk on db the way cmd/newsdesk does.
func newDesk(db *storage.DB, concurrency, perHost int) (*ingest.Desk, *fetcher.Fetcher) {
	f := fetcher.New(fetcher.Options{Concurrency: concurrency, PerHost: perHost, Timeout: time.Minute})
	return &ingest.Desk{Fetcher: f, Store: db}, f
}

// parseFloor is the ingest floor: the same GETs with the same concurrency
// and keep-alive connections, each body parsed by gofeed, nothing else.
func parseFloor(ctx context.Context, srcs []newsdesk.Source, concurrency int, mem *memProbe) (ingestResult, error) {
	var r ingestResult
	tr := &http.Transport{MaxIdleConns: 100, MaxIdleConnsPerHost: concurrency, ForceAttemptHTTP2: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	var next, items atomic.Int64
	var firstErr error
	var once sync.Once
	mem.begin()
	start := time.Now()
	var wg sync.WaitGroup
	for range concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := gofeed.NewParser()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(srcs) {
					return
				}
				n, err := getParse(ctx, client, p, srcs[i].URL)
				if err != nil {
					once.Do(func() { firstErr = err })
					return
				}
				items.Add(int64(n))
			}
		}()
	}
	wg.Wait()
	r.wall = time.Since(start)
	r.rss, r.heap = mem.end()
	r.items, r.parsed = int(items.Load()), len(srcs)
	return r, firstErr
}

func getParse(ctx context.Context, client *http.Client, p *gofeed.Parser, url string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return 0, err
	}
	feed, err := p.Parse(bytes.NewReader(body))
	if err != nil {
		return 0, fmt.Errorf("parse %s: %w", url, err)
	}
	return len(feed.Items), nil
}
