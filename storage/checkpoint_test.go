package storage

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsdesk"
)

// TestCheckpointCopiesTheWAL checks that a background checkpoint leaves
// the stored items in the database file itself: read with the WAL
// ignored (immutable), the file has them.
func TestCheckpointCopiesTheWAL(t *testing.T) {
	sqliteOnly(t, "WAL checkpoints")
	db := New(filepath.Join(t.TempDir(), "ck.db"))
	db.Now = (&clock{t: t0}).now
	db.CheckpointEvery = time.Hour // only the test's own checkpoints run
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.SetSections([]newsdesk.Section{section("news", "http://127.0.0.1/a")})
	if _, err := db.checkpoint(context.Background()); err != nil { // the schema
		t.Fatal(err)
	}
	save(t, db, source("http://127.0.0.1/a", "news"), benchItems(3, 5)...)
	fileItems := func() int {
		t.Helper()
		ro, err := sql.Open("sqlite", "file:"+db.Path+"?mode=ro&immutable=1")
		if err != nil {
			t.Fatal(err)
		}
		defer ro.Close()
		var n int
		if err := ro.QueryRow(`SELECT count(*) FROM items`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if got := fileItems(); got != 0 {
		t.Fatalf("the file holds %d items before any checkpoint, want 0 (all in the WAL)", got)
	}
	left, err := db.checkpoint(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if left != 0 {
		t.Errorf("%d WAL frames left after a checkpoint with no reader, want 0", left)
	}
	if got := fileItems(); got != 5 {
		t.Fatalf("the file holds %d items after the checkpoint, want 5", got)
	}
}

// TestCloseStopsTheCheckpointer checks that Close ends the goroutine and
// can be called again.
func TestCloseStopsTheCheckpointer(t *testing.T) {
	sqliteOnly(t, "WAL checkpoints")
	db, _ := openTest(t)
	c := db.ck
	if c == nil {
		t.Fatal("no checkpointer after Open")
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-c.done:
	default:
		t.Fatal("the checkpoint goroutine still runs after Close")
	}
	if err := db.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
}

// TestOpenEmptyFileAsNew checks that an empty file (a first run killed
// before its schema was committed) is set up as a new one, incremental
// auto-vacuum included.
func TestOpenEmptyFileAsNew(t *testing.T) {
	sqliteOnly(t, "WAL checkpoints")
	path := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	db := New(path)
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var mode int
	if err := db.r.QueryRow(`PRAGMA auto_vacuum`).Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if mode != 2 {
		t.Fatalf("auto_vacuum = %d, want 2 (incremental)", mode)
	}
}

// TestCheckpointReportsOnce checks that a lasting checkpoint fault is
// logged once, and its end once.
func TestCheckpointReportsOnce(t *testing.T) {
	sqliteOnly(t, "WAL checkpoints")
	var logs strings.Builder
	db := &DB{Path: "x.db", Logger: slog.New(slog.NewTextHandler(&logs, nil))}
	c := &checkpointer{}
	full := errors.New("database or disk is full")
	for _, err := range []error{nil, full, full, full, nil, nil, full} {
		c.report(db, err)
	}
	got := strings.Count(logs.String(), `msg=checkpoint `) // the space leaves "checkpoint recovered" out
	if got != 2 {
		t.Errorf("%d checkpoint errors logged, want 2 (one per episode):\n%s", got, logs.String())
	}
	if got := strings.Count(logs.String(), `msg="checkpoint recovered"`); got != 1 {
		t.Errorf("%d recoveries logged, want 1:\n%s", got, logs.String())
	}
}
