package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsdesk"
)

// faultSource is the source every fault test writes.
const faultSource = "http://127.0.0.1/faults.rss"

// openFaulty opens a DB at path with the given knobs.
func openFaulty(t *testing.T, path string, busy time.Duration, maxPages int) *DB {
	t.Helper()
	db := New(path)
	db.Now = func() time.Time { return t0 }
	db.BusyTimeout, db.MaxPages = busy, maxPages
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	db.SetSections([]newsdesk.Section{section("news", faultSource)})
	return db
}

// batch returns n items whose content is about size bytes each.
func batch(prefix string, n, size int) []newsdesk.Item {
	out := make([]newsdesk.Item, n)
	for i := range out {
		key := fmt.Sprintf("%s-%03d", prefix, i)
		out[i] = item(key, "Story "+key+" "+strings.Repeat(prefix, 3), t0.Add(-time.Duration(i)*time.Minute))
		out[i].ContentHTML = "<p>" + strings.Repeat(fmt.Sprintf("%s word %d ", key, i), size/16) + "</p>"
	}
	return out
}

// stored returns the source's stored ETag, its item count and the number
// of items in section news.
func stored(t *testing.T, db *DB) (etag string, items, inSection int) {
	t.Helper()
	st, err := db.SourceState(context.Background(), faultSource)
	if err != nil {
		t.Fatal(err)
	}
	list, err := db.SectionItems(context.Background(), "news", newsdesk.Page{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	return st.ETag, st.ItemsStored, len(list)
}

func fetchOf(etag string, items []newsdesk.Item) Fetch {
	return Fetch{Source: source(faultSource, "news"), State: newsdesk.SourceState{ETag: etag, Status: 200}, Items: items}
}

// TestSaveFetchWhileLocked: another connection (standing in for another
// program) holds the write lock. SaveFetch fails with ErrLocked naming the
// file, stores nothing — neither the new validators nor the items — and
// succeeds once the lock is released.
//
// On PostgreSQL the other program's write transaction holds the change
// sequence's row (every writer takes it first) past the busy timeout (the
// lock_timeout), and the error names the database without its password.
func TestSaveFetchWhileLocked(t *testing.T) {
	ctx := context.Background()
	path := testPath(t, filepath.Join(t.TempDir(), "locked.db"))
	db := openFaulty(t, path, 200*time.Millisecond, 0)
	defer db.Close()
	if _, err := db.SaveFetch(ctx, fetchOf(`"v1"`, batch("a", 5, 200))); err != nil {
		t.Fatal(err)
	}

	driver, dsn, take := "sqlite", "file:"+path+"?_pragma=busy_timeout(0)", []string{"BEGIN EXCLUSIVE"}
	if onPostgres {
		driver, dsn, take = "pgx", path, []string{"BEGIN", "UPDATE change_seq SET seq = seq + 1"}
	}
	other, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	lock, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	for _, q := range take {
		if _, err := lock.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := lock.ExecContext(ctx, "UPDATE sources SET name = 'held' WHERE url = '"+faultSource+"'"); err != nil {
		t.Fatal(err)
	}

	_, err = db.SaveFetch(ctx, fetchOf(`"v2"`, batch("b", 5, 200)))
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("SaveFetch under another's lock: %v, want ErrLocked", err)
	}
	if msg := err.Error(); !strings.Contains(msg, RedactURL(path)) || !strings.Contains(msg, "locked by another") {
		t.Errorf("error %q does not name the database and the lock", msg)
	}

	// Readers are not blocked by the writer's lock (WAL), and see nothing of
	// the failed fetch.
	if etag, n, in := stored(t, db); etag != `"v1"` || n != 5 || in != 5 {
		t.Fatalf("after the failed save: etag %s, %d items, %d in section; want \"v1\", 5, 5", etag, n, in)
	}

	if _, err := lock.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveFetch(ctx, fetchOf(`"v2"`, batch("b", 5, 200))); err != nil {
		t.Fatalf("SaveFetch after the lock was released: %v", err)
	}
	if etag, n, in := stored(t, db); etag != `"v2"` || n != 10 || in != 10 {
		t.Fatalf("after recovery: etag %s, %d items, %d in section; want \"v2\", 10, 10", etag, n, in)
	}
	if err := db.CheckInvariants(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestSaveFetchDiskFull: the file may not grow (max_page_count stands in
// for a full disk). A big fetch fails with ErrFull naming the file, leaves
// the validators and items as they were and the file sound; with room
// again, the same fetch is stored whole.
func TestSaveFetchDiskFull(t *testing.T) {
	sqliteOnly(t, "SQLite's page limit stands in for a full disk; PostgreSQL's server owns its files (its disk-full and limit conditions map to ErrFull: pgFault)")
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "full.db")
	db := openFaulty(t, path, 0, 0)
	if _, err := db.SaveFetch(ctx, fetchOf(`"v1"`, batch("a", 3, 200))); err != nil {
		t.Fatal(err)
	}
	var pages int
	if err := db.w.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	db.Close()

	db = openFaulty(t, path, 0, pages+4)
	big := batch("b", 200, 4000) // about 800 KB: far more than 4 pages
	_, err := db.SaveFetch(ctx, fetchOf(`"v2"`, big))
	if !errors.Is(err, ErrFull) {
		db.Close()
		t.Fatalf("SaveFetch on a full database: %v, want ErrFull", err)
	}
	if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, "disk or database full") {
		t.Errorf("error %q does not name the file and say it is full", msg)
	}
	if etag, n, in := stored(t, db); etag != `"v1"` || n != 3 || in != 3 {
		t.Fatalf("after the failed save: etag %s, %d items, %d in section; want \"v1\", 3, 3", etag, n, in)
	}
	if res, err := db.Check(ctx); err != nil || res != "ok" {
		t.Fatalf("integrity after SQLITE_FULL: %q %v", res, err)
	}
	db.Close()

	db = openFaulty(t, path, 0, 0)
	defer db.Close()
	out, err := db.SaveFetch(ctx, fetchOf(`"v2"`, big))
	if err != nil {
		t.Fatalf("SaveFetch with room again: %v", err)
	}
	if out.New != 200 {
		t.Errorf("stored %d new items, want 200", out.New)
	}
	if etag, n, in := stored(t, db); etag != `"v2"` || n != 203 || in != 203 {
		t.Fatalf("after recovery: etag %s, %d items, %d in section; want \"v2\", 203, 203", etag, n, in)
	}
}

// TestFaultErrorsPassThrough: errors that are not storage faults keep
// their own message and match none of the sentinels.
func TestFaultErrorsPassThrough(t *testing.T) {
	db := New("/x.db")
	plain := errors.New("plain")
	if got := db.fault(plain); got != plain {
		t.Errorf("fault(plain) = %v, want it unchanged", got)
	}
	if db.fault(nil) != nil {
		t.Error("fault(nil) is not nil")
	}
}
