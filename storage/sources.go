package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
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
// the prepared qWriteState of a transaction.
func writeState(ctx context.Context, stmt *sql.Stmt, id int64, st newsdesk.SourceState, name string) error {
	_, err := stmt.ExecContext(ctx,
		st.FinalURL, st.ETag, st.LastModified, st.BodyHash, st.Title, st.SiteURL,
		unix(st.LastAttempt), unix(st.LastSuccess), unix(st.NextAttempt), st.Status, st.Error,
		st.ConsecutiveErrors, st.Gone, st.ConfigHash, st.Bytes, st.Duration.Milliseconds(), name, id)
	if err != nil {
		return fmt.Errorf("write state of %s: %w", st.URL, err)
	}
	return nil
}
