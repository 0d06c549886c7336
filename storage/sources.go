package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"

	"newsdesk"
)

const sourceColumns = `s.url, s.final_url, s.etag, s.last_modified, s.body_hash, s.title, s.site_url,
	s.last_attempt, s.last_success, s.next_attempt, s.status, s.error, s.consecutive_errors,
	s.gone, s.config_hash, s.bytes, s.duration_ms, s.warning`

func scanSource(sc interface{ Scan(...any) error }, extra ...any) (newsdesk.SourceState, error) {
	var st newsdesk.SourceState
	var attempt, success, next, durMS int64
	dest := []any{&st.URL, &st.FinalURL, &st.ETag, &st.LastModified, &st.BodyHash, &st.Title, &st.SiteURL,
		&attempt, &success, &next, &st.Status, &st.Error, &st.ConsecutiveErrors,
		&st.Gone, &st.ConfigHash, &st.Bytes, &durMS, &st.Warning}
	if err := sc.Scan(append(dest, extra...)...); err != nil {
		return st, err
	}
	st.LastAttempt, st.LastSuccess, st.NextAttempt = fromUnix(attempt), fromUnix(success), fromUnix(next)
	st.Duration = time.Duration(durMS) * time.Millisecond
	return st, nil
}

// SourceState returns what is stored of the source with the configured url,
// or a zero state (with URL set) when it was never fetched.
func (db *DB) SourceState(ctx context.Context, url string) (newsdesk.SourceState, error) {
	row := db.r.QueryRowContext(ctx, `SELECT `+sourceColumns+`,
		(SELECT count(*) FROM items i WHERE i.source_id = s.id) FROM sources s WHERE s.url = ?`, url)
	var n int
	st, err := scanSource(row, &n)
	st.ItemsStored = n
	if errors.Is(err, sql.ErrNoRows) {
		return newsdesk.SourceState{URL: url}, nil
	}
	if err != nil {
		return st, fmt.Errorf("read source %s: %w", url, err)
	}
	return st, nil
}

// SourceStates returns the stored state of every source ever fetched, keyed
// by configured URL, with ItemsStored filled.
func (db *DB) SourceStates(ctx context.Context) (map[string]newsdesk.SourceState, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT `+sourceColumns+`,
		(SELECT count(*) FROM items i WHERE i.source_id = s.id) FROM sources s`)
	if err != nil {
		return nil, fmt.Errorf("read sources: %w", err)
	}
	defer rows.Close()
	out := map[string]newsdesk.SourceState{}
	for rows.Next() {
		var n int
		st, err := scanSource(rows, &n)
		if err != nil {
			return nil, fmt.Errorf("read sources: %w", err)
		}
		st.ItemsStored = n
		out[st.URL] = st
	}
	return out, rows.Err()
}

// sourceID returns the id of the source row for url, creating it.
// st is the prepared qSourceID.
func sourceID(ctx context.Context, st *sql.Stmt, url string) (int64, error) {
	var id int64
	err := st.QueryRowContext(ctx, url).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("source row %s: %w", url, err)
	}
	return id, nil
}

// writeState stores the fetch state and configured name of a source with
// the prepared qWriteState of a transaction. It reports false when the
// row id holds no source of that URL (a stale cached id).
func writeState(ctx context.Context, stmt *sql.Stmt, id int64, st newsdesk.SourceState, name string) (bool, error) {
	res, err := stmt.ExecContext(ctx,
		st.FinalURL, st.ETag, st.LastModified, st.BodyHash, st.Title, st.SiteURL,
		unix(st.LastAttempt), unix(st.LastSuccess), unix(st.NextAttempt), st.Status, st.Error,
		st.ConsecutiveErrors, st.Gone, st.ConfigHash, st.Bytes, st.Duration.Milliseconds(), name, id, st.URL)
	if err != nil {
		return false, fmt.Errorf("write state of %s: %w", st.URL, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("write state of %s: %w", st.URL, err)
	}
	return n == 1, nil
}

// sourceIDs caches the row ids of sources by URL. Source rows are never
// deleted, so an id once read stays right; writeState checks the URL of
// the row anyway (a file replaced under the daemon), and a miss reads the
// id again.
type sourceIDs struct{ m sync.Map } // url → int64

func (c *sourceIDs) get(url string) (int64, bool) {
	v, ok := c.m.Load(url)
	if !ok {
		return 0, false
	}
	return v.(int64), true
}

func (c *sourceIDs) put(url string, id int64) { c.m.Store(url, id) }
func (c *sourceIDs) drop(url string)          { c.m.Delete(url) }

// FetchState returns what a fetch of the source needs of its stored state
// (validators, backoff, gone): SourceState without the count of items
// stored, through a statement prepared once on the read pool. A refetch
// tick reads it for every source.
func (db *DB) FetchState(ctx context.Context, url string) (newsdesk.SourceState, error) {
	st, err := db.readStmt(qFetchState)
	if err != nil {
		return newsdesk.SourceState{}, fmt.Errorf("read source %s: %w", url, err)
	}
	s, err := scanSource(st.QueryRowContext(ctx, url))
	if errors.Is(err, sql.ErrNoRows) {
		return newsdesk.SourceState{URL: url}, nil
	}
	if err != nil {
		return s, fmt.Errorf("read source %s: %w", url, err)
	}
	return s, nil
}

const qFetchState = `SELECT ` + sourceColumns + ` FROM sources s WHERE s.url = ?`

// readStmt returns query prepared on the read pool (once).
func (db *DB) readStmt(query string) (*sql.Stmt, error) {
	if v, ok := db.readStmts.Load(query); ok {
		return v.(*sql.Stmt), nil
	}
	st, err := db.r.Prepare(query)
	if err != nil {
		return nil, err
	}
	if v, loaded := db.readStmts.LoadOrStore(query, st); loaded {
		st.Close()
		return v.(*sql.Stmt), nil
	}
	return st, nil
}
