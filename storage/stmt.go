package storage

import (
	"context"
	"database/sql"
	"fmt"
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
		name = ? WHERE id = ?`
	qInsertItem = `INSERT INTO items (source_id, key, guid, link, canonical_link, title,
		summary, content_html, authors, categories, enclosures, image_url, language, published_at, updated_at,
		first_seen_at, sort_at, modified_at, content_hash, title_key, story_at, ord, words, seq)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`
	qInsertSignature = `INSERT INTO signatures (item_id, signature) VALUES (?, ?)`
)

var writeStatements = []string{qSourceID, qWriteState, qInsertItem, qInsertSignature, qByLink, qByTitle, qMemberOf,
	qClusterMember, qNewCluster, qDropCluster, qInsertMember, qUpdateMember, qStampSeq, qMarks, qSetMarks, qDropMarks}

func init() {
	for n := 1; n <= maxSigBucket; n *= 2 {
		writeStatements = append(writeStatements, qSignatures[n])
	}
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
