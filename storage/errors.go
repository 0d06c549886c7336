package storage

import (
	"errors"
	"fmt"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Storage faults a caller may act on. Errors returned by DB methods wrap
// one of these (errors.Is) when SQLite reports the condition; the message
// names the database file. Nothing of the failed write is stored.
var (
	// ErrLocked: another connection or process holds the database (it
	// did not let go within the busy timeout).
	ErrLocked = errors.New("database is locked by another connection or process")
	// ErrFull: the disk or the database's size limit is reached.
	ErrFull = errors.New("disk or database full")
	// ErrReadOnly: the file or its folder cannot be written.
	ErrReadOnly = errors.New("database is read-only")
	// ErrDamaged: the file is not a database, or SQLite found it
	// malformed (garbage written over it).
	ErrDamaged = errors.New("database file is damaged")
	// ErrIO: the operating system failed a read or write of the file or
	// its WAL (a WAL truncated under the process, a failing disk).
	ErrIO = errors.New("disk I/O error on the database")
)

// faultError is a storage fault on one database file.
type faultError struct {
	path  string
	fault error // one of the Err* sentinels
	err   error // as SQLite reported it, with its context
}

func (e *faultError) Error() string {
	return fmt.Sprintf("%s: %v: %v", e.path, e.fault, e.err)
}

func (e *faultError) Unwrap() []error { return []error{e.fault, e.err} }

// fault names the database in err and marks the faults of ErrLocked,
// ErrFull and ErrReadOnly; other errors are returned as they are.
func (db *DB) fault(err error) error {
	if err != nil && db.pg {
		return db.pgFault(err)
	}
	var se *sqlite.Error
	if err == nil || !errors.As(err, &se) {
		return err
	}
	var f error
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		f = ErrLocked
	case sqlite3.SQLITE_FULL:
		f = ErrFull
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM:
		f = ErrReadOnly
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		f = ErrDamaged
	case sqlite3.SQLITE_IOERR:
		f = ErrIO
	default:
		return err
	}
	return &faultError{path: db.Path, fault: f, err: err}
}
