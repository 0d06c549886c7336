// Package storage keeps sources, items and their section membership in a
// SQLite file (modernc.org/sqlite, pure Go). It owns every decision that
// needs what is already stored — identity, updates in place, filters,
// duplicate clusters, retention — and makes each inside the transaction that
// writes the fetch it belongs to, so a crash never leaves a source's
// validators without the items they describe.
//
// A DB holds one writer connection (writes are serialized) and a pool of
// readers; the file is in WAL mode so readers never wait for a writer. It
// does not fetch, parse or render anything.
package storage

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"newsdesk/curate"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// ErrNotFound is returned when a source or section has no stored row.
var ErrNotFound = errors.New("not found")

// DB is a newsdesk database. It is safe for concurrent use; writes are
// serialized on one connection.
type DB struct {
	// Path is the SQLite file, or a PostgreSQL URL (postgres:// or
	// postgresql://: see postgres.go).
	Path   string
	Now    func() time.Time
	Logger *slog.Logger

	// DuplicateWindow bounds how far apart two reports of one story may be
	// to be merged by title or by near-duplicate text (default 48h).
	DuplicateWindow time.Duration
	// TitleWindow bounds the same-normalized-title rule (default 24h).
	TitleWindow time.Duration

	// BusyTimeout is how long a write waits for another process's lock
	// before failing with ErrLocked (default 10s). Set before Open.
	BusyTimeout time.Duration
	// CheckpointEvery is how often the WAL is copied back into the
	// database file, beside the writer (default 1s). Set before Open.
	CheckpointEvery time.Duration

	// MaxPages, when positive, caps the file at that many pages (SQLite's
	// max_page_count): writes beyond fail with ErrFull, as on a full disk.
	// Set before Open.
	MaxPages int

	// UnhealthyAfter: Health fails once every write has failed for this
	// long (default 1m). WatchEvery: how often the file's identity is
	// checked against the path (default 5s; set before Open). See
	// health.go.
	UnhealthyAfter time.Duration
	WatchEvery     time.Duration

	w *sql.DB // one connection, serialized writes
	r *sql.DB // read pool

	engine *curate.Engine       // the curation decisions (cluster.go)
	stmts  map[string]*sql.Stmt // write statements prepared on w (stmt.go)
	near   nearIndex            // near-duplicate candidates (nearindex.go)
	ck     *checkpointer        // background WAL checkpoints (checkpoint.go)
	hl     health               // file identity and write outcomes (health.go)

	pg bool // the database is PostgreSQL

	sectionsMu
	saves     saveQueue // fetches written in groups (batch.go)
	srcIDs    sourceIDs // source row ids by URL (sources.go)
	readStmts sync.Map  // statements prepared on the read pool, by query (sources.go)

	// failSave, set by tests only, fails the write of a fetch after its
	// statements ran (inside the group's transaction).
	failSave func(f *Fetch) error
}

// New returns a DB for the file at path; call Open before use.
func New(path string) *DB {
	return &DB{
		Path:            path,
		Now:             time.Now,
		Logger:          slog.New(slog.DiscardHandler),
		DuplicateWindow: 48 * time.Hour,
		TitleWindow:     24 * time.Hour,
	}
}

// Open opens (creating if needed) the database file and applies pending
// migrations.
func (db *DB) Open(ctx context.Context) error {
	if db.Path == "" {
		return errors.New("open database: no path")
	}
	busy := db.BusyTimeout
	if busy <= 0 {
		busy = 10 * time.Second
	}
	if IsPostgresURL(db.Path) {
		if err := db.openPostgres(busy); err != nil {
			return err
		}
		return db.opened(ctx, "")
	}
	// busy_timeout comes first so that every later pragma waits for a lock
	// held by another process instead of failing at once. auto_vacuum only
	// takes on a new file, before WAL mode or any table is written; on an
	// existing file it takes the write lock, so it is given only to the
	// writer of a file that does not exist yet or is empty.
	var vacuum []string
	var size int64
	if fi, err := os.Stat(db.Path); errors.Is(err, fs.ErrNotExist) || err == nil && fi.Size() == 0 {
		// No file, or an empty one (a first run killed before its schema
		// was committed).
		vacuum = []string{"auto_vacuum(INCREMENTAL)"}
	} else if err == nil {
		size = fi.Size()
	}
	pragmas := []string{"journal_mode(WAL)", "foreign_keys(1)", "synchronous(NORMAL)"}
	if db.MaxPages > 0 {
		pragmas = append(pragmas, fmt.Sprintf("max_page_count(%d)", db.MaxPages))
	}
	dsn := func(first []string, extra ...string) string {
		q := url.Values{}
		q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busy.Milliseconds()))
		for _, p := range append(append(first, pragmas...), extra...) {
			q.Add("_pragma", p)
		}
		return "file:" + (&url.URL{Path: db.Path}).EscapedPath() + "?" + q.Encode()
	}
	var err error
	// The writer keeps a larger page cache than SQLite's 2 MB: 1/32 of the
	// file as it is at open, from 8 MB to 64 MB. The index leaves a fetch
	// touches (its source's links, the current days' titles, the newest
	// section entries) then stay in memory instead of being read back
	// through a system call per page; with a million items stored that
	// keeps the insert rate near the empty database's. A small database
	// keeps a small cache, so resident memory follows what is stored. The
	// writer never checkpoints: a goroutine does, beside it, once per
	// CheckpointEvery (checkpoint.go).
	cacheKB := min(max(size/32/1024, 8192), 65536)
	if db.w, err = sql.Open("sqlite", dsn(vacuum, fmt.Sprintf("cache_size(-%d)", cacheKB), "temp_store(MEMORY)", "wal_autocheckpoint(0)")+"&_txlock=immediate"); err != nil {
		return fmt.Errorf("open database %s: %w", db.Path, err)
	}
	db.w.SetMaxOpenConns(1)
	db.w.SetConnMaxIdleTime(0)
	// Readers and the checkpointer never create the file (mode=rw): after
	// the file was deleted, a new connection fails instead of reading an
	// empty database made at the path.
	if db.r, err = sql.Open("sqlite", dsn(nil, "query_only(1)")+"&mode=rw"); err != nil {
		db.w.Close()
		return fmt.Errorf("open database %s: %w", db.Path, err)
	}
	db.r.SetMaxOpenConns(max(4, runtime.GOMAXPROCS(0)*2))
	db.r.SetMaxIdleConns(max(4, runtime.GOMAXPROCS(0)*2))
	return db.opened(ctx, dsn(nil)+"&mode=rw")
}

// opened migrates, prepares and loads what the DB keeps in memory once its
// pools are open; ckDSN is the SQLite checkpointer's ("" for none).
func (db *DB) opened(ctx context.Context, ckDSN string) error {
	if err := db.migrate(ctx); err != nil {
		db.Close()
		if f := db.fault(err); f != err {
			return fmt.Errorf("open: %w", f)
		}
		return fmt.Errorf("open database %s: %w", db.name(), err)
	}
	db.readStmts.Range(func(k, _ any) bool { db.readStmts.Delete(k); return true }) // of an earlier Open
	db.engine = &curate.Engine{DuplicateWindow: db.DuplicateWindow, TitleWindow: db.TitleWindow}
	if err := db.backfill(ctx); err != nil {
		db.Close()
		return fmt.Errorf("open database %s: %w", db.name(), err)
	}
	if err := db.resign(ctx); err != nil {
		db.Close()
		return fmt.Errorf("open database %s: %w", db.Path, err)
	}
	if err := db.prepare(ctx); err != nil {
		db.Close()
		return fmt.Errorf("open database %s: %w", db.name(), err)
	}
	if db.pg {
		return nil
	}
	every := db.CheckpointEvery
	if every <= 0 {
		every = time.Second
	}
	if err := db.startCheckpointer(ckDSN, every); err != nil {
		db.Close()
		return fmt.Errorf("open database %s: %w", db.name(), err)
	}
	db.startHealth()
	return nil
}

// Close checkpoints the WAL and closes every connection.
func (db *DB) Close() error {
	db.stopHealth()
	errs := []error{db.stopCheckpointer()}
	if db.r != nil {
		errs = append(errs, db.r.Close())
	}
	if db.w != nil {
		if !db.pg {
			_, _ = db.w.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		}
		errs = append(errs, db.w.Close())
	}
	return errors.Join(errs...)
}

// Ping reports whether the database answers a query.
func (db *DB) Ping(ctx context.Context) error {
	var n int
	if err := db.r.QueryRowContext(ctx, "SELECT 1").Scan(&n); err != nil {
		return fmt.Errorf("ping database: %w", err)
	}
	return nil
}

// Check runs SQLite's integrity check and returns its verdict ("ok" when sound).
func (db *DB) Check(ctx context.Context) (string, error) {
	var res string
	if db.pg {
		// PostgreSQL checks its own pages; what is checked here is that
		// the database answers.
		if err := db.Ping(ctx); err != nil {
			return "", err
		}
		return "ok", nil
	}
	if err := db.r.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil {
		return "", fmt.Errorf("integrity check: %w", err)
	}
	return res, nil
}

// migrate applies the embedded migrations newer than PRAGMA user_version,
// each in its own transaction.
func (db *DB) migrate(ctx context.Context) error {
	if db.pg {
		return db.migratePostgres(ctx)
	}
	var version int
	if err := db.w.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		n, err := strconv.Atoi(strings.SplitN(path.Base(name), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: bad name", name)
		}
		if n <= version {
			continue
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		// A migration that rebuilds a table others reference runs with
		// foreign keys off (a DROP would cascade), as SQLite's procedure
		// for schema changes says; they are checked before it commits.
		// PRAGMA foreign_keys is a no-op inside a transaction, so it is set
		// on the writer's single connection around it.
		fkOff := strings.HasPrefix(string(body), "-- foreign_keys: off")
		if fkOff {
			if _, err := db.w.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
				return fmt.Errorf("migration %s: %w", name, err)
			}
		}
		err = db.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return err
			}
			if fkOff {
				if err := foreignKeyCheck(ctx, tx); err != nil {
					return err
				}
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", n))
			return err
		})
		if fkOff {
			if _, ferr := db.w.ExecContext(ctx, "PRAGMA foreign_keys = ON"); ferr != nil && err == nil {
				err = ferr
			}
		}
		if err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
	}
	return nil
}

// foreignKeyCheck fails when a row references a missing one.
func foreignKeyCheck(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		var table string
		var rowid sql.NullInt64
		var parent string
		var fkid int
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return err
		}
		return fmt.Errorf("foreign key check: a row of %s (rowid %d) references a missing %s", table, rowid.Int64, parent)
	}
	return rows.Err()
}

// inTx runs fn in a write transaction, committing when it returns nil.
// Storage faults (locked, full, read-only) come back naming the database.
func (db *DB) inTx(ctx context.Context, fn func(tx *sql.Tx) error) (err error) {
	if err := db.writable(); err != nil {
		return err
	}
	defer func() { db.noteWrite(err) }()
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return db.fault(fmt.Errorf("begin: %w", err))
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return db.fault(err)
	}
	if err := tx.Commit(); err != nil {
		return db.fault(fmt.Errorf("commit: %w", err))
	}
	return nil
}

func unix(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

func fromUnix(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(n, 0).UTC()
}
