package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // "pgx": creates and drops the bench's schemas

	"newsdesk"
	"newsdesk/fetcher"
	"newsdesk/ingest"
	"newsdesk/normalize"
	"newsdesk/scheduler"
	"newsdesk/storage"
)

// scratch hands out fresh databases: files in dir for SQLite, schemas of
// the -database PostgreSQL database (dropped at the end) for PostgreSQL.
type scratch struct {
	dir     string
	pg      string // the -database URL, "" for none
	n       int
	schemas []string
}

// fresh returns the location of an empty database.
func (s *scratch) fresh(ctx context.Context, pg bool) (string, error) {
	s.n++
	if !pg {
		return filepath.Join(s.dir, fmt.Sprintf("bench-%d.db", s.n)), nil
	}
	name := fmt.Sprintf("newsdesk_bench_%d_%d", os.Getpid(), s.n)
	db, err := sql.Open("pgx", s.pg)
	if err != nil {
		return "", err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `CREATE SCHEMA `+name); err != nil {
		return "", fmt.Errorf("create schema %s in %s: %w", name, storage.RedactURL(s.pg), err)
	}
	s.schemas = append(s.schemas, name)
	u, err := url.Parse(s.pg)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// close drops the schemas made.
func (s *scratch) close() {
	if len(s.schemas) == 0 {
		return
	}
	db, err := sql.Open("pgx", s.pg)
	if err != nil {
		return
	}
	defer db.Close()
	for _, name := range s.schemas {
		if _, err := db.Exec(`DROP SCHEMA ` + name + ` CASCADE`); err != nil {
			fmt.Fprintln(os.Stderr, "newsdesk-bench: drop schema", name+":", err)
		}
	}
}

// parseWorkers reads -workers: "4" or "1,2,4".
func parseWorkers(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 || n > 64 {
			return nil, fmt.Errorf("-workers: %q is not a number of workers from 1 to 64", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// benchWorkers measures cold ingest by N workers on one PostgreSQL
// database (each worker a storage.DB, fetcher and desk of its own, as a
// serve process has, claiming sources before fetching them, all sharing
// this machine's cores) against the parse floor, and the database time per
// item of SQLite and PostgreSQL: the same parsed fetches stored one after
// the other (Prepare + SaveFetch), then by N workers at once.
func benchWorkers(ctx context.Context, o options, sc *scratch, workers []int, t *table) error {
	c := newCorpus(o.sources, o.items, o.dups, time.Now().UTC().Truncate(time.Minute), o.text)
	fs, err := startFeedServer(c)
	if err != nil {
		return err
	}
	defer fs.Close()
	secs, srcs := benchConfig(fs, o.sources, o.sections, o.limit)
	mem := newMemProbe()
	var floor ingestResult
	for range max(1, o.rounds) {
		f, err := parseFloor(ctx, srcs, o.concurrency, mem)
		if err != nil {
			return fmt.Errorf("parse floor: %w", err)
		}
		if floor.wall == 0 || f.wall < floor.wall {
			floor = f
		}
	}
	t.add("workers: parse floor", "wall", floor.wall.Round(time.Millisecond).String(), "", fmt.Sprintf("%d items, concurrency %d", floor.items, o.concurrency))
	for _, n := range workers {
		loc, err := sc.fresh(ctx, true)
		if err != nil {
			return err
		}
		r, err := coldWorkers(ctx, loc, secs, srcs, n, o.concurrency)
		if err != nil {
			return fmt.Errorf("%d workers: %w", n, err)
		}
		t.add(fmt.Sprintf("workers: cold, %d on PostgreSQL", n), "wall / items/s",
			fmt.Sprintf("%v / %.0f", r.wall.Round(time.Millisecond), float64(r.items)/r.wall.Seconds()),
			floor.wall.Round(time.Millisecond).String(), ratio(r.wall.Seconds(), floor.wall.Seconds())+" of the floor")
		t.add(fmt.Sprintf("workers: cold, %d on PostgreSQL", n), "stored / duplicates / failed / fetched twice",
			fmt.Sprintf("%d / %d / %d / %d", r.stored, r.duplicates, r.failed, r.parsed-len(srcs)), "", "")
	}

	// Database time per item: the documents fetched and normalized once,
	// then stored on each backend.
	fetches, items, err := parsedFetches(ctx, srcs, o.concurrency)
	if err != nil {
		return err
	}
	perItem := map[string]time.Duration{}
	for _, be := range []struct {
		name string
		pg   bool
	}{{"SQLite", false}, {"PostgreSQL", true}} {
		for _, n := range workers {
			if !be.pg && n > 1 {
				continue // one writer per SQLite file
			}
			loc, err := sc.fresh(ctx, be.pg)
			if err != nil {
				return err
			}
			wall, err := storeAll(ctx, loc, secs, fetches, n)
			if err != nil {
				return fmt.Errorf("store on %s with %d workers: %w", be.name, n, err)
			}
			per := wall / time.Duration(items)
			if n == 1 {
				perItem[be.name] = per
			}
			ref := ""
			if be.pg && perItem["SQLite"] > 0 {
				ref = ratio(per.Seconds(), perItem["SQLite"].Seconds()) + " of SQLite's (1 worker)"
			}
			t.add(fmt.Sprintf("database time, %s, %d worker(s)", be.name, n), "per item (wall / items)",
				fmt.Sprintf("%.0f µs", float64(per.Nanoseconds())/1000), fmt.Sprintf("%d items", items), ref)
		}
	}
	return nil
}

// coldWorkers runs n workers' cold fetch of every source on the database
// at loc: each opens it, claims what it fetches, and fetches all the
// sources it can claim.
func coldWorkers(ctx context.Context, loc string, secs []newsdesk.Section, srcs []newsdesk.Source, n, concurrency int) (ingestResult, error) {
	type worker struct {
		db   *storage.DB
		desk *ingest.Desk
		f    *fetcher.Fetcher
	}
	ws := make([]worker, n)
	for i := range ws {
		db := storage.New(loc)
		if err := db.Open(ctx); err != nil {
			return ingestResult{}, err
		}
		defer db.Close()
		db.SetSections(secs)
		desk, f := newDesk(db, concurrency, concurrency)
		defer f.Close()
		owner := storage.NewOwner()
		desk.Claim = func(ctx context.Context, src newsdesk.Source) (func(), bool, error) {
			ok, err := db.ClaimSource(ctx, src.URL, owner, 2*time.Minute, scheduler.Interval(src.Schedule)/2)
			return func() { db.ReleaseSource(context.WithoutCancel(ctx), src.URL, owner) }, ok, err
		}
		ws[i] = worker{db, desk, f}
	}
	var r ingestResult
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	for _, w := range ws {
		wg.Add(1)
		go func() {
			defer wg.Done()
			reports := w.desk.FetchAll(ctx, srcs, false, nil)
			mu.Lock()
			defer mu.Unlock()
			for _, rep := range reports {
				switch {
				case rep.Skipped != "":
				case rep.Err != nil:
					r.failed++
				default:
					r.parsed++
				}
				r.items += rep.Items
				r.stored += rep.Outcome.New
				for _, c := range rep.Outcome.Sections {
					r.duplicates += c.Duplicate
				}
			}
		}()
	}
	wg.Wait()
	r.wall = time.Since(start)
	return r, nil
}

// parsedFetches fetches and normalizes every source once, as the desk
// does, without storing anything.
func parsedFetches(ctx context.Context, srcs []newsdesk.Source, concurrency int) ([]storage.Fetch, int, error) {
	f := fetcher.New(fetcher.Options{Concurrency: concurrency, PerHost: concurrency, Timeout: time.Minute})
	defer f.Close()
	out := make([]storage.Fetch, len(srcs))
	errs := make([]error, len(srcs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, concurrency)
	for i, src := range srcs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			res := f.Fetch(ctx, src, newsdesk.SourceState{URL: src.URL})
			if res.Err != nil || res.Feed == nil {
				errs[i] = fmt.Errorf("fetch %s: %v", src.URL, res.Err)
				return
			}
			norm := normalize.Feed(res.Feed, normalize.Options{SourceURL: src.URL, FeedURL: src.URL, Now: time.Now()})
			out[i] = storage.Fetch{Source: src, State: res.State, Items: norm.Items}
		}()
	}
	wg.Wait()
	items := 0
	for i := range out {
		if errs[i] != nil {
			return nil, 0, errs[i]
		}
		items += len(out[i].Items)
	}
	return out, items, nil
}

// storeAll stores the fetches on a fresh database at loc with n workers
// (each a DB of its own, taking every n-th fetch) and returns the wall
// time.
func storeAll(ctx context.Context, loc string, secs []newsdesk.Section, fetches []storage.Fetch, n int) (time.Duration, error) {
	dbs := make([]*storage.DB, n)
	for i := range dbs {
		db := storage.New(loc)
		if err := db.Open(ctx); err != nil {
			return 0, err
		}
		defer db.Close()
		db.SetSections(secs)
		dbs[i] = db
	}
	errs := make([]error, n)
	var wg sync.WaitGroup
	start := time.Now()
	for w, db := range dbs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(fetches); i += n {
				f := fetches[i]
				f.Items = append([]newsdesk.Item(nil), f.Items...) // SaveFetch sets fields of its items
				if err := db.Prepare(ctx, &f); err != nil {
					errs[w] = err
					return
				}
				if _, err := db.SaveFetch(ctx, f); err != nil {
					errs[w] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	wall := time.Since(start)
	for _, err := range errs {
		if err != nil {
			return 0, err
		}
	}
	return wall, nil
}
