package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Statements of the write path. They are prepared once on the writer
// connection when the database opens and bound to each transaction, so
// SQLite parses them once instead of once per item: parsing was a fifth
// of the cost of storing an item.
const (
	qSourceID = `INSERT INTO sources (url) VALUES (?)
		ON CONFLICT (url) DO UPDATE SET url = excluded.url RETURNING id`
	qWriteState = `UPDATE sources SET final_url = ?, etag = ?, last_modified = ?,
		body_hash = ?, title = ?, site_url = ?, last_attempt = ?, last_success = ?, next_attempt = ?,
		status = ?, error = ?, consecutive_errors = ?, gone = ?, config_hash = ?, bytes = ?, duration_ms = ?,
		name = ? WHERE id = ? AND url = ?`
	qInsertItem = `INSERT INTO items (` + newItemColumns + `)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`
	qInsertSignature = `INSERT INTO signatures (item_id, signature) VALUES (?, ?)`
)

var writeStatements = append([]string{qSourceID, qWriteState, qInsertItem, qInsertSignature, qByLink, qByTitle, qMemberOf,
	qClusterMember, qNewCluster, qDropCluster, qInsertMember, qUpdateMember, qStampSeq, qMarks, qSetMarks, qDropMarks},
	append(multiRowStatements(), inStatements()...)...)

// Multi-row statements are prepared for runs of rowRuns rows; n rows are
// written in runs of those sizes (its binary decomposition), so that no
// statement is parsed while writing.
var rowRuns = []int{32, 16, 8, 4, 2, 1}

// Multi-row statements: the new items' rows (24 columns, their ids
// returned with their keys), their signatures, and their section rows.
const (
	qInsertItemsHead = `INSERT INTO items (` + newItemColumns + `) VALUES `
	qInsertItemsTail = ` RETURNING id, key`
	qInsertSigsHead  = `INSERT INTO signatures (item_id, signature) VALUES `
)

// multiRow returns head, n groups of cols placeholders, and tail.
func multiRow(head string, cols, n int, tail string) string {
	var b strings.Builder
	b.WriteString(head)
	row := "(?" + strings.Repeat(", ?", cols-1) + ")"
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	b.WriteString(tail)
	return b.String()
}

func multiRowStatements() []string {
	var out []string
	for _, n := range rowRuns {
		out = append(out, multiRow(qInsertItemsHead, 24, n, qInsertItemsTail), multiRow(qInsertSigsHead, 2, n, ""),
			multiRow(qFlushMembers, 10, n, ""), multiRow(qNewClustersHead, 1, n, qNewClustersTail))
	}
	for _, n := range inSizes {
		out = append(out, inList(qDropClusters, n))
	}
	return out
}

// runs splits n rows into runs of rowRuns sizes.
func runs(n int) []int {
	var out []int
	for _, r := range rowRuns {
		for n >= r {
			out = append(out, r)
			n -= r
		}
	}
	return out
}

// prepare prepares the write statements on the writer connection.
func (db *DB) prepare(ctx context.Context) error {
	db.stmts = make(map[string]*sql.Stmt, len(writeStatements))
	for _, q := range writeStatements {
		st, err := db.w.PrepareContext(ctx, q)
		if err != nil {
			return fmt.Errorf("prepare %.40q: %w", q, err)
		}
		db.stmts[q] = st
	}
	return nil
}

// txStmts binds the prepared statements to one transaction, each at most
// once.
type txStmts struct {
	ctx   context.Context
	tx    *sql.Tx
	db    *DB
	bound map[string]*sql.Stmt
}

// stmt returns query as a statement of the transaction.
func (t *txStmts) stmt(query string) *sql.Stmt {
	if st := t.bound[query]; st != nil {
		return st
	}
	if t.bound == nil {
		t.bound = map[string]*sql.Stmt{}
	}
	st := t.tx.StmtContext(t.ctx, t.db.stmts[query]) // re-prepared on the tx's connection if needed
	t.bound[query] = st
	return st
}
