package storage

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"
)

// PostgreSQL is the second backend behind the same API: the storage code
// and its SQL are shared, written for SQLite, and the PostgreSQL
// connections rewrite each statement once (placeholders ? → $n, SQLite's
// empty blob literal, CROSS JOIN … ON, a join-order hint of SQLite that
// PostgreSQL does not accept). What differs more — the schema, migrations
// and their lock, faults, maintenance — is chosen by db.pg.

// IsPostgresURL reports whether a database setting names a PostgreSQL
// database (postgres:// or postgresql://) rather than a SQLite file.
func IsPostgresURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// ParsePostgresURL checks a PostgreSQL URL without connecting: the
// scheme, a host, a database name and the parameters pgx understands.
func ParsePostgresURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("invalid PostgreSQL URL %s: %v", RedactURL(s), errors.Unwrap(err))
	}
	if u.Host == "" && u.Query().Get("host") == "" {
		return fmt.Errorf("invalid PostgreSQL URL %s: no host", RedactURL(s))
	}
	if strings.Trim(u.Path, "/") == "" {
		return fmt.Errorf("invalid PostgreSQL URL %s: no database name (postgres://user@host:5432/DBNAME)", RedactURL(s))
	}
	if _, err := pgx.ParseConfig(s); err != nil {
		return fmt.Errorf("invalid PostgreSQL URL %s: %v", RedactURL(s), redactErr(err, s))
	}
	return nil
}

// RedactURL returns a PostgreSQL URL with its password masked (a file path
// is returned as it is), for logs and error messages.
func RedactURL(s string) string {
	if !IsPostgresURL(s) {
		return s
	}
	u, err := url.Parse(s)
	if err != nil {
		return "postgres://…" // unparsable: show nothing that could be a secret
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}

func redactErr(err error, raw string) string {
	msg := err.Error()
	if u, perr := url.Parse(raw); perr == nil && u.User != nil {
		if p, ok := u.User.Password(); ok && p != "" {
			msg = strings.ReplaceAll(msg, p, "xxxxx")
		}
	}
	return msg
}

// name is how errors name the database: its file, or its URL without the
// password.
func (db *DB) name() string { return RedactURL(db.Path) }

//go:embed migrations/postgres/*.sql
var pgMigrations embed.FS

// pgRewrites caches the PostgreSQL form of each statement.
var pgRewrites sync.Map // string → string

// pgSQL rewrites a statement written for SQLite into PostgreSQL's form:
// ? placeholders become $1, $2… (numbered ?N become $N), SQLite's empty blob literal becomes an
// empty bytea, CROSS JOIN (SQLite's join-order hint, with an ON clause)
// becomes JOIN, and INDEXED BY (its index hint) goes. Quoted strings and
// comments are left alone.
func pgSQL(q string) string {
	if v, ok := pgRewrites.Load(q); ok {
		return v.(string)
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'' || c == '"':
			j := i + 1
			for j < len(q) && q[j] != c {
				j++
			}
			b.WriteString(q[i:min(j+1, len(q))])
			i = j
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			j := strings.IndexByte(q[i:], '\n')
			if j < 0 {
				j = len(q) - i
			}
			b.WriteString(q[i : i+j])
			i += j - 1
		case c == '?' && i+1 < len(q) && q[i+1] >= '0' && q[i+1] <= '9':
			// SQLite's numbered parameter ?N is PostgreSQL's $N.
			b.WriteByte('$')
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		case (c == 'x' || c == 'X') && strings.HasPrefix(q[i+1:], "''") && (i == 0 || !identByte(q[i-1])):
			b.WriteString("''::bytea")
			i += 2
		case (c == 'I' || c == 'i') && (i == 0 || !identByte(q[i-1])) && indexedBy.MatchString(q[i:]):
			// SQLite's index hint: PostgreSQL's planner chooses alone.
			i += len(indexedBy.FindString(q[i:])) - 1
		case (c == 'C' || c == 'c') && (i == 0 || !identByte(q[i-1])) && len(q) >= i+11 &&
			strings.EqualFold(q[i:i+10], "CROSS JOIN") && !identByte(q[i+10]):
			b.WriteString("JOIN")
			i += 9
		default:
			b.WriteByte(c)
		}
	}
	out := b.String()
	pgRewrites.Store(q, out)
	return out
}

// indexedBy matches SQLite's "INDEXED BY name" at the start of a string.
var indexedBy = regexp.MustCompile(`^(?i)INDEXED\s+BY\s+[A-Za-z_][A-Za-z0-9_]*`)

func identByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// pgConn is a pgx database/sql connection that rewrites every statement
// with pgSQL.
type pgConn struct{ *stdlib.Conn }

func (c pgConn) Prepare(query string) (driver.Stmt, error) { return c.Conn.Prepare(pgSQL(query)) }
func (c pgConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.Conn.PrepareContext(ctx, pgSQL(query))
}
func (c pgConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	return c.Conn.ExecContext(ctx, pgSQL(query), args)
}
func (c pgConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	return c.Conn.QueryContext(ctx, pgSQL(query), args)
}

type pgConnector struct{ driver.Connector }

func (c pgConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	sc, ok := conn.(*stdlib.Conn)
	if !ok {
		conn.Close()
		return nil, fmt.Errorf("pgx stdlib returned a %T", conn)
	}
	return pgConn{sc}, nil
}

// Timeouts of every PostgreSQL session (server side, so that they hold for
// every statement whatever context the caller gave).
const (
	pgStatementTimeout = 60 * time.Second
	pgIdleInTxTimeout  = 5 * time.Minute
	pgConnectTimeout   = 10 * time.Second
)

// pgConfig parses the URL and sets the session's timeouts: a statement
// runs at most pgStatementTimeout, a lock (another process's transaction
// on the change sequence) is waited for at most busy, as SQLite's busy
// timeout.
func pgConfig(raw string, busy time.Duration) (*pgx.ConnConfig, error) {
	cfg, err := pgx.ParseConfig(raw)
	if err != nil {
		return nil, fmt.Errorf("%s", redactErr(err, raw))
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = pgConnectTimeout
	}
	set := func(k string, d time.Duration) {
		if _, ok := cfg.RuntimeParams[k]; !ok {
			cfg.RuntimeParams[k] = strconv.FormatInt(d.Milliseconds(), 10)
		}
	}
	set("statement_timeout", pgStatementTimeout)
	set("lock_timeout", busy)
	set("idle_in_transaction_session_timeout", pgIdleInTxTimeout)
	if _, ok := cfg.RuntimeParams["application_name"]; !ok {
		cfg.RuntimeParams["application_name"] = "newsdesk"
	}
	return cfg, nil
}

// openPostgres opens the writer and reader pools on a PostgreSQL URL.
func (db *DB) openPostgres(busy time.Duration) error {
	cfg, err := pgConfig(db.Path, busy)
	if err != nil {
		return fmt.Errorf("open database %s: %w", db.name(), err)
	}
	db.pg = true
	// Writes of one process are serialized by its near-duplicate index
	// lock (and across processes by the change sequence's row lock), so
	// the writer needs one connection beside the migrations' lock.
	db.w = sql.OpenDB(pgConnector{stdlib.GetConnector(*cfg, stdlib.OptionAfterConnect(boolsAsIntegers))})
	db.w.SetMaxOpenConns(2)
	db.w.SetMaxIdleConns(2)
	db.w.SetConnMaxIdleTime(5 * time.Minute)
	db.r = sql.OpenDB(pgConnector{stdlib.GetConnector(*cfg, stdlib.OptionAfterConnect(boolsAsIntegers))})
	db.r.SetMaxOpenConns(8)
	db.r.SetMaxIdleConns(8)
	db.r.SetConnMaxIdleTime(5 * time.Minute)
	return nil
}

// boolsAsIntegers lets a Go bool be a parameter where PostgreSQL expects an
// integer, as SQLite takes it (1 or 0): the statements written for SQLite
// store flags in INTEGER columns and compare them with numbers. A BOOLEAN
// parameter still takes the bool as it is (the wrapper is only tried when
// the type's own encoding fails).
func boolsAsIntegers(_ context.Context, conn *pgx.Conn) error {
	m := conn.TypeMap()
	m.TryWrapEncodePlanFuncs = append([]pgtype.TryWrapEncodePlanFunc{tryBoolAsInteger}, m.TryWrapEncodePlanFuncs...)
	return nil
}

func tryBoolAsInteger(value any) (pgtype.WrappedEncodePlanNextSetter, any, bool) {
	if _, ok := value.(bool); ok {
		return &boolAsInteger{}, int64(0), true
	}
	return nil, nil, false
}

type boolAsInteger struct{ next pgtype.EncodePlan }

func (p *boolAsInteger) SetNext(next pgtype.EncodePlan) { p.next = next }

func (p *boolAsInteger) Encode(value any, buf []byte) ([]byte, error) {
	var n int64
	if value.(bool) {
		n = 1
	}
	return p.next.Encode(n, buf)
}

// pgMigrationLock is the pg_advisory_lock key of migrations: processes
// starting at once migrate one after the other (the later ones find
// nothing to do).
const pgMigrationLock int64 = 0x6e657773_64657301 // "newsdes" 1

// migratePostgres applies the PostgreSQL migrations not yet applied, under
// pg_advisory_lock, each in its own transaction with its row in
// schema_version. A row per migration (not one number) lets a migration
// numbered below one already applied (branches merged out of order) still
// run.
func (db *DB) migratePostgres(ctx context.Context) error {
	conn, err := db.w.Conn(ctx)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(?)`, pgMigrationLock); err != nil {
		return fmt.Errorf("migration lock: %w", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock(?)`, pgMigrationLock)
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)`); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	names, err := pgMigrationNames()
	if err != nil {
		return err
	}
	applied, err := pgApplied(ctx, conn, names)
	if err != nil {
		return err
	}
	for _, m := range names {
		if applied[m.n] {
			continue
		}
		body, err := pgMigrations.ReadFile(m.name)
		if err != nil {
			return err
		}
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (?)`, m.n); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

// pgApplied returns the migrations schema_version records. A schema of the
// first builds kept one row, the number of the last migration run, and
// every migration up to it had run: those get their rows now.
func pgApplied(ctx context.Context, conn *sql.Conn, names []migration) (map[int]bool, error) {
	rows, err := conn.QueryContext(ctx, `SELECT version FROM schema_version`)
	if err != nil {
		return nil, fmt.Errorf("read schema version: %w", err)
	}
	applied := map[int]bool{}
	var list []int
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read schema version: %w", err)
		}
		applied[v] = true
		list = append(list, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read schema version: %w", err)
	}
	if len(list) == 1 && list[0] > names[0].n {
		for _, m := range names {
			if m.n < list[0] {
				if _, err := conn.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (?)`, m.n); err != nil {
					return nil, fmt.Errorf("record schema version: %w", err)
				}
				applied[m.n] = true
			}
		}
	}
	return applied, nil
}

type migration struct {
	name string
	n    int
}

func pgMigrationNames() ([]migration, error) {
	names, err := fs.Glob(pgMigrations, "migrations/postgres/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []migration
	for _, name := range names {
		n, err := strconv.Atoi(strings.SplitN(path.Base(name), "_", 2)[0])
		if err != nil {
			return nil, fmt.Errorf("migration %s: bad name", name)
		}
		out = append(out, migration{name, n})
	}
	return out, nil
}

// ServerInfo is what `newsdesk check --connect` reports of a database.
type ServerInfo struct {
	Backend string // "sqlite" or "postgres"
	Version string // the server's version string
	Schema  int    // the schema's newest migration
	Latest  int    // the newest migration this binary has
	Pending []int  // migrations of this binary the schema lacks (the next start runs them)
}

// Inspect connects to the database at dsn (without migrating nor creating
// anything) and reports the server version and the schema's migration
// state.
func Inspect(ctx context.Context, dsn string) (ServerInfo, error) {
	if !IsPostgresURL(dsn) {
		return ServerInfo{}, errors.New("inspect: only PostgreSQL databases are inspected")
	}
	info := ServerInfo{Backend: "postgres"}
	names, err := pgMigrationNames()
	if err != nil {
		return info, err
	}
	info.Latest = names[len(names)-1].n
	cfg, err := pgConfig(dsn, 10*time.Second)
	if err != nil {
		return info, fmt.Errorf("%s: %w", RedactURL(dsn), err)
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return info, fmt.Errorf("connect to %s: %s", RedactURL(dsn), redactErr(err, dsn))
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if err := conn.QueryRow(ctx, `SELECT version()`).Scan(&info.Version); err != nil {
		return info, fmt.Errorf("%s: server version: %w", RedactURL(dsn), err)
	}
	var exists bool
	if err := conn.QueryRow(ctx, `SELECT to_regclass('schema_version') IS NOT NULL`).Scan(&exists); err != nil {
		return info, fmt.Errorf("%s: schema version: %w", RedactURL(dsn), err)
	}
	applied := map[int]bool{}
	if exists {
		rows, err := conn.Query(ctx, `SELECT version FROM schema_version`)
		if err != nil {
			return info, fmt.Errorf("%s: schema version: %w", RedactURL(dsn), err)
		}
		for rows.Next() {
			var v int
			if err := rows.Scan(&v); err != nil {
				rows.Close()
				return info, fmt.Errorf("%s: schema version: %w", RedactURL(dsn), err)
			}
			applied[v] = true
			info.Schema = max(info.Schema, v)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return info, fmt.Errorf("%s: schema version: %w", RedactURL(dsn), err)
		}
	}
	if len(applied) == 1 && info.Schema > names[0].n {
		// A schema of the first builds: one row, every migration up to it run.
		for _, m := range names {
			applied[m.n] = applied[m.n] || m.n < info.Schema
		}
	}
	for _, m := range names {
		if !applied[m.n] {
			info.Pending = append(info.Pending, m.n)
		}
	}
	return info, nil
}

// pgFault maps PostgreSQL's conditions to the storage faults.
func (db *DB) pgFault(err error) error {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return err
	}
	var f error
	switch {
	case pe.Code == "55P03" || pe.Code == "40P01" || pe.Code == "57014": // lock_not_available, deadlock, timeout
		f = ErrLocked
	case pe.Code == "53100" || pe.Code == "53200" || pe.Code == "54000": // disk full, out of memory, limits
		f = ErrFull
	case pe.Code == "25006" || pe.Code == "42501": // read-only transaction, insufficient privilege
		f = ErrReadOnly
	case pe.Code == "XX001" || pe.Code == "XX002": // data corrupted, index corrupted
		f = ErrDamaged
	case pe.Code == "58030": // io_error
		f = ErrIO
	default:
		return err
	}
	return &faultError{path: db.name(), fault: f, err: err}
}
