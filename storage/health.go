package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"
)

// ErrLost: the database file was deleted or replaced while the process had
// it open. Writes are refused from then on (they would go into a file no
// path leads to, and the next start would find an empty database); the
// process must be restarted once the file is restored.
var ErrLost = errors.New("database file was deleted or replaced while open")

// Health defaults.
const (
	// DefaultUnhealthyAfter: a store whose writes have all failed for
	// this long is unhealthy.
	DefaultUnhealthyAfter = time.Minute
	// DefaultWatchEvery: how often the file's identity is checked.
	DefaultWatchEvery = 5 * time.Second
	// lostLogEvery: how often a lost file is logged again.
	lostLogEvery = time.Minute
)

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// health is what a DB knows of its own state: the identity of the file it
// opened, and the recent write outcomes.
type health struct {
	mu        sync.Mutex
	ident     os.FileInfo // the file at open; nil for no file (":memory:")
	lost      bool
	failFirst time.Time // first failed write since the last success
	failLast  time.Time
	failures  int
	lastErr   error
	// A disk fault (full, read-only, I/O, damaged) that keeps coming
	// back makes the store unhealthy even when small writes between
	// them succeed: new items are lost. The series ends after a quiet
	// UnhealthyAfter.
	faultFirst, faultLast time.Time
	faults                int
	faultErr              error
	lostLog               time.Time
	stop                  context.CancelFunc
	done                  chan struct{}
}

// startHealth records the file's identity and starts watching it.
func (db *DB) startHealth() {
	h := &db.hl
	h.mu.Lock()
	h.ident, _ = os.Stat(db.Path)
	h.mu.Unlock()
	every := db.WatchEvery
	if every <= 0 {
		every = DefaultWatchEvery
	}
	ctx, stop := context.WithCancel(context.Background())
	h.stop, h.done = stop, make(chan struct{})
	go func() {
		defer close(h.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				_ = db.checkFile()
			}
		}
	}()
}

func (db *DB) stopHealth() {
	if db.hl.stop != nil {
		db.hl.stop()
		<-db.hl.done
		db.hl.stop = nil
	}
}

// checkFile compares the file at db.Path with the one opened, marks the DB
// lost when they differ, and logs a lost file once a minute.
func (db *DB) checkFile() error {
	h := &db.hl
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.ident == nil {
		return nil
	}
	if !h.lost {
		now, err := os.Stat(db.Path)
		switch {
		case errors.Is(err, os.ErrNotExist):
			h.lost = true
		case err == nil && !os.SameFile(h.ident, now):
			h.lost = true
		}
	}
	if !h.lost {
		return nil
	}
	err := fmt.Errorf("%s: %w; writes are refused, restore the file and restart newsdesk", db.Path, ErrLost)
	if t := time.Now(); h.lostLog.IsZero() || t.Sub(h.lostLog) >= lostLogEvery {
		db.Logger.Error("database lost", "db", db.Path, "err", err)
		h.lostLog = t
	}
	return err
}

// writable fails when the file was lost: no write may go into it.
func (db *DB) writable() error { return db.checkFile() }

// noteWrite records the outcome of a write transaction. Cancellations
// say nothing about the store and are not counted.
func (db *DB) noteWrite(err error) {
	if err != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
		return
	}
	h := &db.hl
	h.mu.Lock()
	defer h.mu.Unlock()
	if err == nil {
		h.failFirst, h.failLast, h.failures, h.lastErr = time.Time{}, time.Time{}, 0, nil
		return
	}
	now := time.Now()
	if errors.Is(err, ErrFull) || errors.Is(err, ErrReadOnly) || errors.Is(err, ErrIO) || errors.Is(err, ErrDamaged) {
		if h.faults == 0 || now.Sub(h.faultLast) > db.recency() {
			h.faultFirst, h.faults = now, 0
		}
		h.faults++
		h.faultLast, h.faultErr = now, err
	}
	if h.failures == 0 {
		h.failFirst = now
	}
	h.failures++
	h.failLast, h.lastErr = now, err
}

// HealthError is an unhealthy store: Reason says what is wrong in words
// (for /healthz and pages the public sees), Err is the cause as SQLite or
// the system reported it (for the log).
type HealthError struct {
	Reason string
	Err    error
}

func (e *HealthError) Error() string { return e.Reason + ": " + e.Err.Error() }
func (e *HealthError) Unwrap() error { return e.Err }

// words is Describe without its "storage failed: " prefix.
func words(err error) string {
	if d := Describe(err); d != "" {
		return strings.TrimPrefix(d, "storage failed: ")
	}
	return "the database does not answer"
}

// unhealthyAfter is UnhealthyAfter or its default.
func (db *DB) unhealthyAfter() time.Duration {
	if db.UnhealthyAfter > 0 {
		return db.UnhealthyAfter
	}
	return DefaultUnhealthyAfter
}

// recency is how long a disk fault counts after it happened.
func (db *DB) recency() time.Duration { return max(db.unhealthyAfter(), DefaultUnhealthyAfter) }

// Health reports whether the store can do its job, nil when it can. It
// checks, in order: that the file at Path is still the one opened; that it
// starts with SQLite's header; that a real read answers, both on the read
// pool the feeds use and on a fresh connection (a connection's cache can
// hide what is on disk): the schema, and the first and last row of every
// table; and that writes have not all failed for UnhealthyAfter. The error
// is a *HealthError. Safe for concurrent use.
func (db *DB) Health(ctx context.Context) error {
	if err := db.checkFile(); err != nil {
		return &HealthError{Reason: "the database file was deleted or replaced while newsdesk ran; writes are refused: restore it and restart", Err: err}
	}
	if err := db.checkHeader(); err != nil {
		return &HealthError{Reason: words(err), Err: err}
	}
	read := readAll
	if db.pg {
		read = readAllPostgres
	}
	if err := read(ctx, db.r); err != nil {
		err = db.fault(err)
		return &HealthError{Reason: "a read of the database failed: " + words(err), Err: err}
	}
	if db.hl.ident != nil {
		fresh, err := sql.Open("sqlite", "file:"+(&url.URL{Path: db.Path}).EscapedPath()+"?mode=rw&_pragma=busy_timeout(2000)&_pragma=query_only(1)")
		if err != nil {
			return &HealthError{Reason: "the database cannot be opened", Err: err}
		}
		defer fresh.Close()
		if err := readAll(ctx, fresh); err != nil {
			err = db.fault(err)
			return &HealthError{Reason: "a read of the database file failed: " + words(err), Err: err}
		}
	}
	after := db.unhealthyAfter()
	h := &db.hl
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.failures >= 2 && h.failLast.Sub(h.failFirst) >= after {
		return &HealthError{Reason: fmt.Sprintf("every write for %s failed (%d writes): %s",
			h.failLast.Sub(h.failFirst).Round(time.Second), h.failures, words(h.lastErr)), Err: h.lastErr}
	}
	if h.faults >= 2 && h.faultLast.Sub(h.faultFirst) >= after && time.Since(h.faultLast) <= db.recency() {
		return &HealthError{Reason: fmt.Sprintf("writes keep failing (%d in %s): %s",
			h.faults, h.faultLast.Sub(h.faultFirst).Round(time.Second), words(h.faultErr)), Err: h.faultErr}
	}
	return nil
}

// checkHeader reads the start of the file.
func (db *DB) checkHeader() error {
	if db.hl.ident == nil {
		return nil
	}
	f, err := os.Open(db.Path)
	if err != nil {
		return fmt.Errorf("%s: %w", db.Path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	if n == 0 && errors.Is(err, io.EOF) {
		return nil // not written yet
	}
	if !bytes.Equal(head[:n], sqliteHeader) {
		return &faultError{path: db.Path, fault: ErrDamaged, err: errors.New("the file does not start with the SQLite header")}
	}
	return nil
}

// readAll reads the schema and the first and last row of every table.
func readAll(ctx context.Context, conn *sql.DB) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	rows, err := conn.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
	if err != nil {
		return err
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, name)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, t := range tables {
		for _, order := range []string{"ASC", "DESC"} {
			var n int
			q := fmt.Sprintf(`SELECT count(*) FROM (SELECT 1 FROM "%s" ORDER BY rowid %s LIMIT 1)`, t, order)
			if err := conn.QueryRowContext(ctx, q).Scan(&n); err != nil {
				if strings.Contains(err.Error(), "no such column: rowid") {
					break // a WITHOUT ROWID table
				}
				return fmt.Errorf("table %s: %w", t, err)
			}
		}
	}
	return nil
}

// readAllPostgres reads the first row of every table of the schema the
// connection uses, by its primary key both ways where it has one: on
// PostgreSQL the server owns the files, so a read that answers (or the
// fault it reports) is what can be checked.
func readAllPostgres(ctx context.Context, conn *sql.DB) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	rows, err := conn.QueryContext(ctx, `SELECT c.relname,
			coalesce((SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.n)
				FROM pg_index i, unnest(i.indkey) WITH ORDINALITY AS k(attnum, n), pg_attribute a
				WHERE i.indrelid = c.oid AND i.indisprimary AND a.attrelid = i.indrelid AND a.attnum = k.attnum), '')
		FROM pg_class c
		WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
		ORDER BY c.relname`)
	if err != nil {
		return err
	}
	type table struct{ name, key string }
	var tables []table
	for rows.Next() {
		var t table
		if err := rows.Scan(&t.name, &t.key); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(tables) == 0 {
		return errors.New("the schema has no tables")
	}
	for _, t := range tables {
		orders := []string{""}
		if t.key != "" {
			desc := strings.ReplaceAll(t.key, ", ", " DESC, ") + " DESC"
			orders = []string{" ORDER BY " + t.key, " ORDER BY " + desc}
		}
		for _, order := range orders {
			var n int
			q := fmt.Sprintf(`SELECT count(*) FROM (SELECT 1 FROM %s%s LIMIT 1) AS r`, pgIdent(t.name), order)
			if err := conn.QueryRowContext(ctx, q).Scan(&n); err != nil {
				return fmt.Errorf("table %s: %w", t.name, err)
			}
		}
	}
	return nil
}

// pgIdent quotes a PostgreSQL identifier.
func pgIdent(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// Describe says in words what is wrong with the store, for pages the
// public sees (/sources): the condition, never SQLite's own text, which
// goes to the log. It returns "" for an error that is not a storage fault.
func Describe(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrLost):
		return "storage failed: the database file was deleted or replaced while newsdesk ran"
	case errors.Is(err, ErrDamaged):
		return "storage failed: the database file is damaged"
	case errors.Is(err, ErrIO):
		return "storage failed: the disk could not read or write the database"
	case errors.Is(err, ErrLocked):
		return "storage failed: the database is locked by another program"
	case errors.Is(err, ErrFull):
		return "storage failed: the disk or the database is full"
	case errors.Is(err, ErrReadOnly):
		return "storage failed: the database cannot be written (read-only)"
	}
	return ""
}
