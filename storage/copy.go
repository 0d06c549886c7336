package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// copyTables are the tables CopyTo moves, parents first, with the columns
// that order them (their keys). Every column of the SQLite table is copied:
// a column added by a later migration travels as long as the PostgreSQL
// migration of the same number adds it too.
var copyTables = []struct{ name, key string }{
	{"sources", "id"},
	{"items", "id"},
	{"signatures", "item_id"},
	{"clusters", "id"},
	{"section_items", "section, item_id"},
	{"seen", "source_id, key"},
	{"seen_links", "canonical_link"},
	{"section_versions", "section"},
	{"articles", "url"},
	{"item_articles", "item_id"},
	{"site_pages", "host"},
	{"site_blocks", "host, digest"},
	{"item_notes", "item_id"},
	{"section_ranks", "section"},
	{"editor_marks", "section, item_id"},
	{"editor_actions", "id"},
	{"revoked_sessions", "session"},
}

// CopyStats is what CopyTo did with one table.
type CopyStats struct {
	Table   string
	Rows    int // rows in the SQLite desk
	Copied  int // of which were written now
	Already int // of which the target held already (an earlier copy)
}

// CopyTo copies this SQLite desk into the PostgreSQL database to (opened,
// so migrated): sources with their states and validators, items,
// signatures, clusters, decisions, what retention remembers, section
// versions and the change sequence, keeping every id. It runs in one
// transaction of the target, which holds the change sequence's lock (no
// writer runs meanwhile), and compares every row of both sides before it
// commits: a row of the target that differs from the desk's (the target
// holds another desk) fails the copy, naming the table and the row, and
// nothing is written. Rows already there and equal are left: running it
// twice is harmless.
func (db *DB) CopyTo(ctx context.Context, to *DB) ([]CopyStats, error) {
	if db.pg || !to.pg {
		return nil, errors.New("copy: from a SQLite desk to a PostgreSQL database only")
	}
	// The desk does not change while it is read: one read transaction.
	src, err := db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("copy: read %s: %w", db.name(), err)
	}
	defer src.Rollback()
	dst, err := to.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, to.fault(fmt.Errorf("copy: %w", err))
	}
	defer dst.Rollback()
	var seq int64
	if err := dst.QueryRowContext(ctx, `UPDATE change_seq SET seq = seq RETURNING seq`).Scan(&seq); err != nil {
		return nil, to.fault(fmt.Errorf("copy: lock the change sequence: %w", err))
	}
	var stats []CopyStats
	for _, t := range copyTables {
		st, err := copyTable(ctx, src, dst, t.name, t.key)
		if err != nil {
			return nil, to.fault(fmt.Errorf("copy %s: %w", t.name, err))
		}
		stats = append(stats, st)
	}
	var srcSeq int64
	if err := src.QueryRowContext(ctx, `SELECT seq FROM change_seq`).Scan(&srcSeq); err != nil {
		return nil, fmt.Errorf("copy: read the change sequence: %w", err)
	}
	if _, err := dst.ExecContext(ctx, `UPDATE change_seq SET seq = greatest(seq, ?)`, srcSeq); err != nil {
		return nil, to.fault(fmt.Errorf("copy: change sequence: %w", err))
	}
	// Ids given from now on follow the copied ones (never reused).
	for _, t := range []string{"sources", "items", "clusters", "editor_actions"} {
		if _, err := dst.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('`+t+`', 'id'),
			greatest((SELECT max(id) FROM `+t+`), 1))`); err != nil {
			return nil, to.fault(fmt.Errorf("copy: ids of %s: %w", t, err))
		}
	}
	if err := dst.Commit(); err != nil {
		return nil, to.fault(fmt.Errorf("copy: commit: %w", err))
	}
	return stats, nil
}

// copyTable inserts the rows of one table that the target lacks, then
// compares both sides row by row, in key order.
func copyTable(ctx context.Context, src, dst *sql.Tx, table, key string) (CopyStats, error) {
	st := CopyStats{Table: table}
	cols, err := sqliteColumns(ctx, src, table)
	if err != nil {
		return st, err
	}
	types, err := pgColumns(ctx, dst, table)
	if err != nil {
		return st, err
	}
	for _, c := range cols {
		if types[c] == "" {
			return st, fmt.Errorf("column %s.%s of the desk has no place in the PostgreSQL schema", table, c)
		}
	}
	list := strings.Join(cols, ", ")
	rows, err := src.QueryContext(ctx, `SELECT `+list+` FROM `+table+` ORDER BY `+key)
	if err != nil {
		return st, err
	}
	const batch = 500
	var pending []any
	n := 0
	flush := func() error {
		if n == 0 {
			return nil
		}
		one := "(?" + strings.Repeat(", ?", len(cols)-1) + ")"
		q := `INSERT INTO ` + table + ` (` + list + `) VALUES ` + one + strings.Repeat(", "+one, n-1) + ` ON CONFLICT DO NOTHING`
		res, err := dst.ExecContext(ctx, q, pending...)
		if err != nil {
			return err
		}
		c, _ := res.RowsAffected()
		st.Copied += int(c)
		pending, n = pending[:0], 0
		return nil
	}
	for rows.Next() {
		vals, err := scanRow(rows, len(cols))
		if err != nil {
			rows.Close()
			return st, err
		}
		for i, c := range cols {
			pending = append(pending, toPG(vals[i], types[c]))
		}
		st.Rows++
		if n++; n == batch {
			if err := flush(); err != nil {
				rows.Close()
				return st, err
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return st, err
	}
	if err := flush(); err != nil {
		return st, err
	}
	st.Already = st.Rows - st.Copied
	return st, compareTable(ctx, src, dst, table, key, cols)
}

// compareTable reads both sides in key order and fails at the first row of
// the desk that the target lacks or holds otherwise. The target may hold
// more rows only when none of them sits between the desk's (it may not:
// they would be another desk's), so the counts must match as well.
func compareTable(ctx context.Context, src, dst *sql.Tx, table, key string, cols []string) error {
	list := strings.Join(cols, ", ")
	a, err := src.QueryContext(ctx, `SELECT `+list+` FROM `+table+` ORDER BY `+key)
	if err != nil {
		return err
	}
	defer a.Close()
	b, err := dst.QueryContext(ctx, `SELECT `+list+` FROM `+table+` ORDER BY `+key)
	if err != nil {
		return err
	}
	defer b.Close()
	row := 0
	for a.Next() {
		row++
		va, err := scanRow(a, len(cols))
		if err != nil {
			return err
		}
		if !b.Next() {
			if err := b.Err(); err != nil {
				return err
			}
			return fmt.Errorf("row %d of the desk (%s) is missing from the target", row, describe(cols, va))
		}
		vb, err := scanRow(b, len(cols))
		if err != nil {
			return err
		}
		for i := range cols {
			if norm(va[i]) != norm(vb[i]) {
				return fmt.Errorf("the target holds other data: row %s differs in %s (the target is not empty nor a copy of this desk)",
					describe(cols, va), cols[i])
			}
		}
	}
	if err := a.Err(); err != nil {
		return err
	}
	if b.Next() {
		vb, _ := scanRow(b, len(cols))
		return fmt.Errorf("the target holds other data: row %s is not in the desk (the target is not empty nor a copy of this desk)", describe(cols, vb))
	}
	return b.Err()
}

func describe(cols []string, vals []any) string {
	var parts []string
	for i, c := range cols {
		if i == 2 {
			break
		}
		parts = append(parts, fmt.Sprintf("%s=%v", c, norm(vals[i])))
	}
	return strings.Join(parts, " ")
}

func scanRow(rows *sql.Rows, n int) ([]any, error) {
	vals := make([]any, n)
	ptrs := make([]any, n)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	return vals, rows.Scan(ptrs...)
}

// norm is a value as both backends give it back: booleans as 0/1, blobs
// and text as their bytes.
func norm(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case bool:
		if x {
			return "1"
		}
		return "0"
	case []byte:
		return fmt.Sprintf("%x", x)
	case string:
		return fmt.Sprintf("%x", x)
	}
	return fmt.Sprint(v)
}

// toPG converts a SQLite value for a PostgreSQL column of type typ.
func toPG(v any, typ string) any {
	switch typ {
	case "boolean":
		if n, ok := v.(int64); ok {
			return n != 0
		}
	case "bytea":
		if s, ok := v.(string); ok {
			return []byte(s)
		}
	case "text":
		if b, ok := v.([]byte); ok {
			return string(b)
		}
	}
	return v
}

func sqliteColumns(ctx context.Context, tx *sql.Tx, table string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name FROM pragma_table_info(?) ORDER BY cid`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		if table == "items" && c == "signature" {
			continue // emptied by migration 002 (signatures has them)
		}
		cols = append(cols, c)
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("no table %s in the desk", table)
	}
	return cols, rows.Err()
}

func pgColumns(ctx context.Context, tx *sql.Tx, table string) (map[string]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT column_name, data_type FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = ?`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var c, t string
		if err := rows.Scan(&c, &t); err != nil {
			return nil, err
		}
		out[c] = t
	}
	return out, rows.Err()
}
