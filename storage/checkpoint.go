package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// The writer does not checkpoint: its connection has wal_autocheckpoint
// off, and a goroutine of the DB copies the WAL back into the database
// file once per CheckpointEvery, on a connection of its own, in PASSIVE
// mode (it never waits for, nor blocks, the writer or the readers). With
// the checkpoint in the write path, the fetch that crossed the WAL size
// limit paid for copying every page of the others and for the fsync of
// the database file; with a million items stored those pages are spread
// over gigabytes and the fsync waits on the disk (insert rate against the
// empty database's: 0.76–0.78× with the checkpoint in the writer,
// 0.81–0.82× beside it). Close still checkpoints in full (TRUNCATE).

// checkpointer is the background checkpoint goroutine of a DB.
type checkpointer struct {
	conn *sql.DB
	stop context.CancelFunc
	done chan struct{}
	last string // the last error logged
}

// report logs a checkpoint's outcome: an error when it differs from the
// last one logged (a lasting fault, such as a full disk, is logged once,
// not every second), and the recovery after an error.
func (c *checkpointer) report(db *DB, err error) {
	switch {
	case err != nil && err.Error() != c.last:
		db.Logger.Warn("checkpoint", "db", db.Path, "err", err)
		c.last = err.Error()
	case err == nil && c.last != "":
		db.Logger.Info("checkpoint recovered", "db", db.Path)
		c.last = ""
	}
}

// startCheckpointer opens the checkpoint connection and starts the
// goroutine; every is the interval (CheckpointEvery, default 1s).
func (db *DB) startCheckpointer(dsn string, every time.Duration) error {
	conn, err := sql.Open("sqlite", dsn)
	if err != nil {
		return err
	}
	conn.SetMaxOpenConns(1)
	ctx, stop := context.WithCancel(context.Background())
	c := &checkpointer{conn: conn, stop: stop, done: make(chan struct{})}
	db.ck = c
	go func() {
		defer close(c.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if _, err := db.checkpoint(ctx); ctx.Err() == nil {
					c.report(db, err)
				}
			}
		}
	}()
	return nil
}

// checkpoint copies what it can of the WAL into the database file without
// waiting for anyone, and returns the number of WAL frames left to copy.
func (db *DB) checkpoint(ctx context.Context) (int, error) {
	var busy, frames, copied int
	if err := db.ck.conn.QueryRowContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &frames, &copied); err != nil {
		return 0, fmt.Errorf("checkpoint: %w", db.fault(err))
	}
	return max(frames-copied, 0), nil
}

// stopCheckpointer stops the goroutine and closes its connection.
func (db *DB) stopCheckpointer() error {
	if db.ck == nil {
		return nil
	}
	db.ck.stop()
	<-db.ck.done
	err := db.ck.conn.Close()
	db.ck = nil
	return err
}
