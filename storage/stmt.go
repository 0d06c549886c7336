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
		first_seen_at, sort_at, modified_at, content_hash, title_key)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`
	qInsertSignature = `INSERT INTO signatures (item_id, signature) VALUES (?, ?)`
	qMember          = `INSERT INTO section_items (section, item_id, state, cluster_id, reason, sort_at, decided_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (section, item_id) DO NOTHING`
	// CROSS JOIN fixes the join order and "<> ''" lets the partial index
	// serve: without them SQLite walks every item of the section for each
	// new item.
	qSameLink = `SELECT si.cluster_id FROM items i
		CROSS JOIN section_items si ON si.item_id = i.id AND si.section = ?
		WHERE i.canonical_link = ? AND i.canonical_link <> '' AND i.id <> ? AND si.state <> 'filtered' LIMIT 1`
	// qSameTitle looks in one day of the items_title_day index; the
	// caller runs it for each day the window covers.
	qSameTitle = `SELECT si.cluster_id FROM items i
		CROSS JOIN section_items si ON si.item_id = i.id AND si.section = ?
		WHERE i.sort_at / 86400 = ? AND i.title_key = ? AND i.title_key <> '' AND i.sort_at BETWEEN ? AND ? AND i.id <> ?
		AND si.state <> 'filtered' LIMIT 1`
	qPriorityOf = `SELECT s.url FROM items i JOIN sources s ON s.id = i.source_id WHERE i.id = ?`
)

// qNearCandidate reads a near-duplicate candidate found in the index:
// its signature and cluster, if it is filed in the section.
const qNearCandidate = `SELECT g.signature, si.cluster_id FROM section_items si
	CROSS JOIN signatures g ON g.item_id = si.item_id
	WHERE si.section = ? AND si.item_id = ? AND si.state <> 'filtered'`

var writeStatements = []string{qSourceID, qWriteState, qInsertItem, qInsertSignature, qMember, qSameLink, qSameTitle,
	qPriorityOf, qNearCandidate}

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
