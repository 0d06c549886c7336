package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"newsdesk/internal/textgen"
	"newsdesk/storage"
)

// The desk databases of the cron and re-render phases: -desk-items items
// (1,000,000 by default) spread over a number of sections (one per
// fetched source for the cron phase, -rerender-sections for the
// re-render phase) and 1,000 sources, sort dates over the last 30 days, the recent ones signed from generated text of the -text mode, as
// prefill writes them for -items-stored. Built with bulk SQL once per run,
// or reused from -dir when a previous run left it there (the file name
// carries the item and section counts and the text mode).

// deskSectionIDs are the ids of the desk database's sections.
func deskSectionIDs(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("sec%d", i)
	}
	return out
}

// deskDatabase returns the path of a desk database of items items over
// sections sections in dir, building it when it is not there yet.
func deskDatabase(ctx context.Context, o options, dir string, items, sections int, t *table) (string, error) {
	path := filepath.Join(dir, fmt.Sprintf("desk-%d-%d-%s.db", items, sections, o.text))
	if n, err := countItems(ctx, path); err == nil && n >= items {
		// Opened once, so that a migration added since it was built is
		// applied here, not timed in a run.
		db := storage.New(path)
		if err := db.Open(ctx); err != nil {
			return "", err
		}
		if err := db.Close(); err != nil {
			return "", err
		}
		t.note("desk: %s reused (%d items, %d sections)", path, n, sections)
		return path, nil
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			return "", err
		}
	}
	db := storage.New(path)
	if err := db.Open(ctx); err != nil {
		return "", err
	}
	if err := db.Close(); err != nil {
		return "", err
	}
	start := time.Now()
	if err := prefill(ctx, path, deskSectionIDs(sections), items, 30*86400, textgen.New(o.text)); err != nil {
		return "", err
	}
	// Open once as the daemon would, so that what Open does the first
	// time after the fill (back-fills, records) is not timed as a run.
	db = storage.New(path)
	if err := db.Open(ctx); err != nil {
		return "", err
	}
	if err := db.Close(); err != nil {
		return "", err
	}
	t.note("desk: %d items in %d sections, 1,000 sources, sort dates over 30 days, built in %v (bulk SQL)",
		items, sections, time.Since(start).Round(time.Second))
	return path, nil
}

// countItems counts the items of the database at path; an error when it
// does not exist or is not a newsdesk database.
func countItems(ctx context.Context, path string) (int, error) {
	if _, err := os.Stat(path); err != nil {
		return 0, err
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var n int
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM items`).Scan(&n)
	return n, err
}
