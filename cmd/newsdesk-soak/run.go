package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"newsdesk"
	"newsdesk/config"
	"newsdesk/feedgen"
	"newsdesk/fetcher"
	"newsdesk/ingest"
	"newsdesk/scheduler"
	"newsdesk/storage"
)

// counters are the pipeline's running totals, read by the sampler.
type counters struct {
	fetches, failed, notModified, newItems, reads, badReads atomic.Int64
}

// run wires the pipeline, lets it run for o.duration and reports.
func run(ctx context.Context, o options, out io.Writer) (int, error) {
	dir := o.dir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "newsdesk-soak-")
		if err != nil {
			return 2, err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	feeds := &http.Server{Handler: &feedServer{items: o.items, period: o.change, now: time.Now}, ReadHeaderTimeout: 5 * time.Second}
	feedLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 2, fmt.Errorf("feed server: %w", err)
	}
	go feeds.Serve(feedLn)
	defer feeds.Close()

	cfg, err := config.Parse([]byte(soakConfig(o, "http://"+feedLn.Addr().String())), filepath.Join(dir, "soak.yaml"))
	if err != nil {
		return 2, fmt.Errorf("soak config: %w", err)
	}
	db := storage.New(cfg.Database)
	db.Logger = o.log.With("component", "storage")
	if err := db.Open(ctx); err != nil {
		return 2, err
	}
	defer db.Close()
	db.SetSections(cfg.Sections)
	f := fetcher.New(fetcher.Options{Timeout: cfg.Fetch.Timeout, Concurrency: cfg.Fetch.Concurrency,
		PerHost: cfg.Fetch.PerHost, MaxBody: cfg.Fetch.MaxBody, Logger: o.log.With("component", "fetcher")})
	defer f.Close()

	var n counters
	handler := feedgen.NewHandler(db, cfg.Sections, feedgen.Options{BaseURL: cfg.BaseURL, Generator: "newsdesk-soak",
		MaxAge: time.Minute, Logger: o.log.With("component", "feedgen")})
	desk := &ingest.Desk{Fetcher: f, Store: db, Logger: o.log.With("component", "fetch"),
		OnChange: func(ids []string) { handler.Invalidate(ids...) },
		Observe: func(r ingest.Report) {
			n.fetches.Add(1)
			n.newItems.Add(int64(r.Outcome.New))
			if r.Err != nil {
				n.failed.Add(1)
			}
			if r.NotModified {
				n.notModified.Add(1)
			}
		}}
	jobs, cancelJobs := context.WithCancel(ctx)
	defer cancelJobs()
	sched := scheduler.New(func(ctx context.Context, src newsdesk.Source) { desk.FetchSource(ctx, src, false) },
		o.log.With("component", "scheduler"))
	sched.Prune = func(ctx context.Context) {
		if _, err := db.Prune(ctx, cfg.Retention.MaxAge, cfg.Retention.MaxItems); err != nil {
			o.log.Error("retention", "err", err)
		}
	}
	sched.Start(jobs)
	if err := sched.Apply(cfg.Sources(), cfg.Retention.Schedule); err != nil {
		return 2, err
	}

	pages := &http.Server{Handler: handler, ReadHeaderTimeout: 5 * time.Second, IdleTimeout: time.Minute}
	pageLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 2, fmt.Errorf("page server: %w", err)
	}
	go pages.Serve(pageLn)
	defer pages.Close()
	go readFeeds(jobs, "http://"+pageLn.Addr().String(), cfg.Sections, &n)

	fmt.Fprintf(out, "soak: %d sources in %d sections on a %s schedule, each publishing every %s, %d items per feed, %d kept per section, for %s, sampling every %s (database %s)\n",
		o.sources, o.sections, o.schedule, max(time.Second, o.change), o.items, o.maxItems, o.duration, o.sample, cfg.Database)
	samples := sampleLoop(ctx, o, &n, out)

	stopCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	sched.Stop(stopCtx)
	cancelJobs()
	pages.Close() // readers stop before the database closes
	if res, err := db.Check(context.Background()); err != nil || res != "ok" {
		fmt.Fprintf(out, "integrity check: %q %v\n", res, err)
		return 1, nil
	}
	v := judge(samples, o.warmup, o.tolerance)
	v.write(out)
	fmt.Fprintf(out, "fetches %d (failed %d, not modified %d), new items %d, feed reads %d (not 200: %d)\n",
		n.fetches.Load(), n.failed.Load(), n.notModified.Load(), n.newItems.Load(), n.reads.Load(), n.badReads.Load())
	if !v.flat || n.badReads.Load() > 0 {
		return 1, nil
	}
	return 0, nil
}

// soakConfig is the YAML config of the run: o.sources sources spread over
// o.sections sections, every source on the o.schedule schedule, o.maxItems
// kept per section.
func soakConfig(o options, base string) string {
	var b strings.Builder
	b.WriteString("listen: 127.0.0.1:0\nbase_url: http://127.0.0.1:8080\ndatabase: soak.db\n")
	fmt.Fprintf(&b, "schedule: \"@every %s\"\nmin_interval: 1s\n", o.schedule)
	fmt.Fprintf(&b, "fetch:\n  timeout: 10s\n  concurrency: %d\n  per_host: %d\n", o.concurrency, o.concurrency)
	fmt.Fprintf(&b, "retention:\n  max_age: 1h\n  max_items: %d\n  schedule: \"@every 10s\"\n", o.maxItems)
	b.WriteString("sections:\n")
	for s := range o.sections {
		fmt.Fprintf(&b, "  - id: s%d\n    title: Section %d\n    sources:\n", s, s)
		for i := s; i < o.sources; i += o.sections {
			fmt.Fprintf(&b, "      - %s/s/%d.rss\n", base, i)
		}
	}
	return b.String()
}

// readFeeds requests every section's feeds once a second, as readers would.
func readFeeds(ctx context.Context, base string, sections []newsdesk.Section, n *counters) {
	client := &http.Client{Timeout: 10 * time.Second}
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		for _, s := range sections {
			for _, ext := range []string{".atom", ".rss", ".json"} {
				resp, err := client.Get(base + "/feeds/" + s.ID + ext)
				n.reads.Add(1)
				if err != nil {
					if ctx.Err() == nil {
						n.badReads.Add(1)
					}
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					n.badReads.Add(1)
				}
			}
		}
	}
}
