package storage

import (
	"context"
	"database/sql"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsdesk"
)

// healthy opens a DB at a new path with a few items stored and the
// checkpoint goroutine slowed down, so the WAL keeps what was written.
func healthy(t *testing.T, edit func(*DB)) (*DB, string) {
	t.Helper()
	path := testPath(t, filepath.Join(t.TempDir(), "health.db"))
	db := New(path)
	db.Now = func() time.Time { return t0 }
	db.CheckpointEvery = time.Hour
	db.WatchEvery = 20 * time.Millisecond
	db.BusyTimeout = 100 * time.Millisecond
	if edit != nil {
		edit(db)
	}
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.SetSections(nil)
	if _, err := db.SaveFetch(context.Background(), fetchOf(`"v1"`, batch("h", 20, 400))); err != nil {
		t.Fatal(err)
	}
	if err := db.Health(context.Background()); err != nil {
		t.Fatalf("fresh database unhealthy: %v", err)
	}
	return db, path
}

func reason(err error) string {
	var he *HealthError
	if errors.As(err, &he) {
		return he.Reason
	}
	return ""
}

// TestHealth: each way a store stops working makes Health fail with the
// reason in words; SQLite's own text stays in the wrapped error.
func TestHealth(t *testing.T) {
	ctx := context.Background()
	t.Run("garbage over the file", func(t *testing.T) {
		sqliteOnly(t, "the database file")
		db, path := healthy(t, nil)
		if _, err := db.w.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			t.Fatal(err)
		}
		fi, _ := os.Stat(path)
		garbage := []byte(strings.Repeat("garbage!", int(fi.Size()/8)+1))[:fi.Size()]
		if err := os.WriteFile(path, garbage, 0o644); err != nil {
			t.Fatal(err)
		}
		err := db.Health(ctx)
		if err == nil || !strings.Contains(reason(err), "damaged") {
			t.Fatalf("Health = %v (reason %q), want the file damaged", err, reason(err))
		}
	})
	t.Run("garbage over the pages, header intact", func(t *testing.T) {
		sqliteOnly(t, "the database file")
		db, path := healthy(t, nil)
		if _, err := db.w.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			t.Fatal(err)
		}
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		fi, _ := f.Stat()
		if _, err := f.WriteAt([]byte(strings.Repeat("\xff", int(fi.Size())-100)), 100); err != nil {
			t.Fatal(err)
		}
		f.Close()
		err = db.Health(ctx)
		if err == nil || !strings.Contains(reason(err), "read of the database") {
			t.Fatalf("Health = %v (reason %q), want a failed read", err, reason(err))
		}
	})
	t.Run("WAL truncated", func(t *testing.T) {
		sqliteOnly(t, "the database file")
		db, path := healthy(t, nil)
		if err := os.Truncate(path+"-wal", 0); err != nil {
			t.Fatal(err)
		}
		// The pages of the lost WAL frames are gone: a real read says so.
		err := db.Health(ctx)
		if err == nil || !strings.Contains(reason(err), "disk could not read") {
			t.Fatalf("Health after the WAL was truncated = %v (reason %q)", err, reason(err))
		}
	})
	t.Run("file deleted", func(t *testing.T) {
		sqliteOnly(t, "the database file")
		db, path := healthy(t, nil)
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
		err := db.Health(ctx)
		if !errors.Is(err, ErrLost) || !strings.Contains(reason(err), "deleted") {
			t.Fatalf("Health = %v, want ErrLost", err)
		}
		if _, err := db.SaveFetch(ctx, fetchOf(`"v2"`, batch("d", 3, 100))); !errors.Is(err, ErrLost) {
			t.Fatalf("write into the lost file: %v, want ErrLost", err)
		}
		// A new read connection fails rather than make an empty file.
		db.r.SetMaxIdleConns(0)
		db.SourceStates(ctx)
		db.checkpoint(ctx)
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("the path was recreated: %v", err)
		}
	})
	t.Run("file replaced", func(t *testing.T) {
		sqliteOnly(t, "the database file")
		db, path := healthy(t, nil)
		os.Remove(path)
		os.WriteFile(path, nil, 0o644)
		time.Sleep(60 * time.Millisecond) // the watcher notices on its own
		db.hl.mu.Lock()
		lost := db.hl.lost
		db.hl.mu.Unlock()
		if !lost {
			t.Fatal("the watcher did not notice the replaced file")
		}
		if err := db.Health(ctx); !errors.Is(err, ErrLost) {
			t.Fatalf("Health = %v, want ErrLost", err)
		}
	})
	t.Run("locked", func(t *testing.T) {
		db, path := healthy(t, func(db *DB) { db.UnhealthyAfter = time.Nanosecond })
		// Another program holds the write lock: SQLite's, or on
		// PostgreSQL the change sequence's row every writer takes.
		driver, dsn, take := "sqlite", "file:"+path+"?_pragma=busy_timeout(0)", "BEGIN IMMEDIATE"
		if onPostgres {
			driver, dsn, take = "pgx", path, "BEGIN; UPDATE change_seq SET seq = seq + 1"
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
		if _, err := lock.ExecContext(ctx, take); err != nil {
			t.Fatal(err)
		}
		for i := range 2 {
			if _, err := db.SaveFetch(ctx, fetchOf(`"v2"`, batch("l", 3, 100))); !errors.Is(err, ErrLocked) {
				t.Fatalf("write %d while locked: %v, want ErrLocked", i, err)
			}
		}
		err = db.Health(ctx)
		if err == nil || !strings.Contains(reason(err), "locked by another program") || !strings.Contains(reason(err), "every write") {
			t.Fatalf("Health = %v (reason %q), want the writes failing, locked", err, reason(err))
		}
		lock.ExecContext(ctx, "ROLLBACK")
		lock.Close()
		if _, err := db.SaveFetch(ctx, fetchOf(`"v2"`, batch("l", 3, 100))); err != nil {
			t.Fatal(err)
		}
		if err := db.Health(ctx); err != nil {
			t.Fatalf("Health after the lock is gone = %v", err)
		}
	})
	t.Run("database gone", func(t *testing.T) {
		if !onPostgres {
			t.Skip("PostgreSQL: the server's database dropped under the process (the file cases above are SQLite's)")
		}
		db, path := healthy(t, nil)
		u, err := url.Parse(path)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimPrefix(u.Path, "/")
		u.Path = "/postgres"
		admin, err := sql.Open("pgx", u.String())
		if err != nil {
			t.Fatal(err)
		}
		defer admin.Close()
		if _, err := admin.ExecContext(ctx, `DROP DATABASE "`+name+`" WITH (FORCE)`); err != nil {
			t.Fatal(err)
		}
		err = db.Health(ctx)
		if err == nil || !strings.Contains(reason(err), "a read of the database failed") {
			t.Fatalf("Health with the database dropped = %v (reason %q), want a failed read", err, reason(err))
		}
		if _, err := db.SaveFetch(ctx, fetchOf(`"v2"`, batch("g", 3, 100))); err == nil {
			t.Fatal("a write into the dropped database succeeded")
		}
	})
	t.Run("one failed write is not unhealthy", func(t *testing.T) {
		db, _ := healthy(t, func(db *DB) { db.UnhealthyAfter = time.Hour })
		db.noteWrite(&faultError{path: db.Path, fault: ErrLocked, err: errors.New("busy")})
		db.noteWrite(&faultError{path: db.Path, fault: ErrLocked, err: errors.New("busy")})
		if err := db.Health(ctx); err != nil {
			t.Fatalf("Health after two failures within UnhealthyAfter = %v", err)
		}
	})
	t.Run("disk faults between successful writes", func(t *testing.T) {
		db, _ := healthy(t, func(db *DB) { db.UnhealthyAfter = time.Nanosecond })
		full := &faultError{path: db.Path, fault: ErrFull, err: errors.New("database or disk is full")}
		db.noteWrite(full)
		db.noteWrite(nil) // a small state write fits
		db.noteWrite(full)
		db.noteWrite(nil)
		err := db.Health(ctx)
		if err == nil || !strings.Contains(reason(err), "writes keep failing") || !strings.Contains(reason(err), "full") {
			t.Fatalf("Health = %v, want the recurring full disk", err)
		}
		locked := &faultError{path: db.Path, fault: ErrLocked, err: errors.New("busy")}
		db2, _ := healthy(t, func(db *DB) { db.UnhealthyAfter = time.Nanosecond })
		db2.noteWrite(locked)
		db2.noteWrite(nil)
		db2.noteWrite(locked)
		db2.noteWrite(nil)
		if err := db2.Health(ctx); err != nil {
			t.Fatalf("Health with passing locks between successes = %v", err)
		}
	})
	t.Run("full", func(t *testing.T) {
		sqliteOnly(t, "SQLite's page limit (TestSaveFetchWhileLocked and the database-gone case cover PostgreSQL)")
		db, _ := healthy(t, func(db *DB) { db.UnhealthyAfter = time.Nanosecond })
		var pages int
		db.w.QueryRow("PRAGMA page_count").Scan(&pages)
		if _, err := db.w.Exec("PRAGMA max_page_count = " + strconv.Itoa(pages)); err != nil {
			t.Fatal(err)
		}
		for i := range 2 {
			if _, err := db.SaveFetch(ctx, fetchOf(`"v2"`, batch("f", 200, 2000))); !errors.Is(err, ErrFull) {
				t.Fatalf("write %d on a full database: %v, want ErrFull", i, err)
			}
		}
		err := db.Health(ctx)
		if err == nil || !strings.Contains(reason(err), "full") {
			t.Fatalf("Health = %v (reason %q), want full", err, reason(err))
		}
	})
}

// TestDescribe: storage faults in words, nothing for other errors.
func TestDescribe(t *testing.T) {
	for _, f := range []error{ErrLost, ErrDamaged, ErrIO, ErrLocked, ErrFull, ErrReadOnly} {
		d := Describe(&faultError{path: "x.db", fault: f, err: errors.New("database disk image is malformed (11)")})
		if !strings.HasPrefix(d, "storage failed: ") || strings.Contains(d, "(11)") {
			t.Errorf("Describe(%v) = %q", f, d)
		}
	}
	if d := Describe(errors.New("other")); d != "" {
		t.Errorf("Describe(other) = %q, want empty", d)
	}
}

// TestRecordFailure writes a failed fetch's error, streak and next attempt
// and keeps the validators of the last stored fetch.
func TestRecordFailure(t *testing.T) {
	ctx := context.Background()
	db, _ := healthy(t, nil)
	next := t0.Add(4 * time.Minute)
	err := db.RecordFailure(ctx, newsdesk.SourceState{URL: faultSource, LastAttempt: t0, Status: 200,
		Error: "storage failed: the disk or the database is full", ConsecutiveErrors: 3, NextAttempt: next})
	if err != nil {
		t.Fatal(err)
	}
	st, err := db.SourceState(ctx, faultSource)
	if err != nil {
		t.Fatal(err)
	}
	if st.ETag != `"v1"` || st.ConsecutiveErrors != 3 || !st.NextAttempt.Equal(next) || !strings.Contains(st.Error, "full") {
		t.Fatalf("state = %+v", st)
	}
}
