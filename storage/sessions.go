package storage

import (
	"context"
	"fmt"
	"time"
)

// RevokeSession records that the desk session id (a digest of its cookie,
// never the cookie) ended before its expiry until: every process sharing
// the database refuses it from now on, also after a restart. Revocations
// of sessions that have expired since are dropped on the way.
func (db *DB) RevokeSession(ctx context.Context, id string, until time.Time) error {
	now := db.Now().Unix()
	if _, err := db.w.ExecContext(ctx, `DELETE FROM revoked_sessions WHERE until < ?`, now); err != nil {
		return fmt.Errorf("revoke desk session: %w", err)
	}
	if _, err := db.w.ExecContext(ctx, `INSERT INTO revoked_sessions (session, until) VALUES (?, ?)
		ON CONFLICT (session) DO NOTHING`, id, until.Unix()); err != nil {
		return fmt.Errorf("revoke desk session: %w", err)
	}
	return nil
}

// SessionRevoked reports whether the desk session id was revoked.
func (db *DB) SessionRevoked(ctx context.Context, id string) (bool, error) {
	var n int
	if err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM revoked_sessions WHERE session = ?`, id).Scan(&n); err != nil {
		return false, fmt.Errorf("read revoked desk sessions: %w", err)
	}
	return n > 0, nil
}
