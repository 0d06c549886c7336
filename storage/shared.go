package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
)

// Several processes on one PostgreSQL database (serve on several machines,
// a cron-run fetch beside them) share its sources through leases, and learn
// of each other's changes through LISTEN/NOTIFY and the section versions.
// On SQLite a DB is not shared: every claim succeeds and Watch only polls.

// Shared reports whether other processes may work on the same database
// and claims are needed (PostgreSQL).
func (db *DB) Shared() bool { return db.pg }

var ownerSeq atomic.Int64

// NewOwner returns a name for one process's claims: host, process id and
// a counter (two DBs of one process are two owners).
func NewOwner() string {
	host, _ := os.Hostname()
	return host + ":" + strconv.Itoa(os.Getpid()) + ":" + strconv.FormatInt(ownerSeq.Add(1), 10)
}

// ClaimSource claims the source with the configured url for owner: it
// succeeds when no other claim holds it (none, released, or its lease
// ended) and no claim was made within gap (another process fetched it in
// this tick of its schedule). The claim holds for lease, or until
// ReleaseSource. Rows are locked with FOR UPDATE SKIP LOCKED: of processes
// claiming at once, one gets the source and the others go on at once.
// On SQLite it always succeeds.
func (db *DB) ClaimSource(ctx context.Context, url, owner string, lease, gap time.Duration) (bool, error) {
	if !db.pg {
		return true, nil
	}
	tx, err := db.r.BeginTx(ctx, nil) // a pool of its own: claims never wait for a writer
	if err != nil {
		return false, db.fault(fmt.Errorf("claim %s: %w", url, err))
	}
	defer tx.Rollback()
	// The lease row is locked with SKIP LOCKED: a row another claim is
	// changing is skipped at once, never waited for. Only a source with
	// no row yet inserts one (an insert over an existing row would wait
	// for the claim changing it).
	var now int64
	for try := 0; ; try++ {
		err = tx.QueryRowContext(ctx, `SELECT s.now FROM source_leases l,
			(SELECT CAST(extract(epoch FROM clock_timestamp()) * 1000 AS BIGINT) AS now) s
			WHERE l.url = ? AND l.lease_until < s.now AND l.claimed_at <= s.now - ?
			FOR UPDATE OF l SKIP LOCKED`, url, gap.Milliseconds()).Scan(&now)
		if err == nil {
			break
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return false, db.fault(fmt.Errorf("claim %s: %w", url, err))
		}
		var exists bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM source_leases WHERE url = ?)`, url).Scan(&exists); err != nil {
			return false, db.fault(fmt.Errorf("claim %s: %w", url, err))
		}
		if exists || try > 0 {
			return false, nil // held, claimed in this tick, or being claimed right now
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO source_leases (url) VALUES (?) ON CONFLICT DO NOTHING`, url); err != nil {
			return false, db.fault(fmt.Errorf("claim %s: %w", url, err))
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE source_leases SET owner = ?, claimed_at = ?, lease_until = ? WHERE url = ?`,
		owner, now, now+lease.Milliseconds(), url); err != nil {
		return false, db.fault(fmt.Errorf("claim %s: %w", url, err))
	}
	if err := tx.Commit(); err != nil {
		return false, db.fault(fmt.Errorf("claim %s: %w", url, err))
	}
	return true, nil
}

// ReleaseSource ends owner's claim on the source (its claimed_at stays, so
// the tick is not fetched again).
func (db *DB) ReleaseSource(ctx context.Context, url, owner string) error {
	if !db.pg {
		return nil
	}
	_, err := db.r.ExecContext(ctx, `UPDATE source_leases SET lease_until = 0 WHERE url = ? AND owner = ?`, url, owner)
	if err != nil {
		return db.fault(fmt.Errorf("release %s: %w", url, err))
	}
	return nil
}

// notifyChannel is the LISTEN/NOTIFY channel of section changes.
const notifyChannel = "newsdesk_changes"

// Watch calls wake whenever another process may have changed a section:
// on PostgreSQL at each notification (LISTEN, reconnecting after a lost
// connection, and once after each reconnection since notifications may
// have been missed); on SQLite never (callers poll SectionVersions). It
// returns when ctx ends.
func (db *DB) Watch(ctx context.Context, wake func()) {
	if !db.pg {
		<-ctx.Done()
		return
	}
	cfg, err := pgConfig(db.Path, 10*time.Second)
	if err != nil {
		return
	}
	cfg.RuntimeParams["statement_timeout"] = "0"
	cfg.RuntimeParams["idle_in_transaction_session_timeout"] = "0"
	backoff := 100 * time.Millisecond
	for ctx.Err() == nil {
		conn, err := pgx.ConnectConfig(ctx, cfg)
		if err == nil {
			_, err = conn.Exec(ctx, `LISTEN `+notifyChannel)
		}
		if err == nil {
			backoff = 100 * time.Millisecond
			wake() // what happened while not listening
			for {
				if _, err = conn.WaitForNotification(ctx); err != nil {
					break
				}
				wake()
			}
		}
		if conn != nil {
			conn.Close(context.WithoutCancel(ctx))
		}
		if ctx.Err() != nil {
			return
		}
		db.Logger.Warn("listen for changes", "db", db.name(), "err", err, "retry_in", backoff)
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(backoff*2, 5*time.Second)
	}
}
