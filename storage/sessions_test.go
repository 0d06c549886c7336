package storage

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// TestRevokedSessions: a revoked desk session is refused by every opening
// of the database (another process, a restart), a session never revoked is
// not, revoking twice is harmless, and a revocation is dropped once the
// session has expired anyway.
func TestRevokedSessions(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "desk.db")
	c := &clock{t: t0}
	a := openAt(t, path, c)
	b := openAt(t, path, c) // another process on the same database
	for range 2 {
		if err := a.RevokeSession(ctx, "s1", t0.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	for name, db := range map[string]*DB{"the revoking process": a, "another process": b} {
		if out, err := db.SessionRevoked(ctx, "s1"); err != nil || !out {
			t.Errorf("%s: s1 revoked = %v %v, want true", name, out, err)
		}
		if out, err := db.SessionRevoked(ctx, "s2"); err != nil || out {
			t.Errorf("%s: s2 (never revoked) revoked = %v %v, want false", name, out, err)
		}
	}
	a.Close()
	again := openAt(t, path, c) // a restart
	if out, err := again.SessionRevoked(ctx, "s1"); err != nil || !out {
		t.Errorf("after a restart: s1 revoked = %v %v, want true", out, err)
	}
	// Two hours on, s1 has expired: the next revocation drops its row.
	c.t = t0.Add(2 * time.Hour)
	if err := again.RevokeSession(ctx, "s3", c.t.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := again.r.QueryRowContext(ctx, `SELECT count(*) FROM revoked_sessions`).Scan(&n); err != nil || n != 1 {
		t.Errorf("revoked_sessions holds %d rows (%v), want 1: the expired session's row stays", n, err)
	}
}
