package storage

import (
	"context"
	"errors"
	"fmt"

	"newsdesk/curate"
	"newsdesk/neardup"
)

// CheckInvariants verifies what the curation engine promises of the
// stored decisions (curate.Check: one live representative per story, no
// filed item without a cluster, no story with two items of one source),
// and that every filed item with a signature, dated within the duplicate
// horizon of now, is found by this process's near-duplicate look-up and
// held there with its stored signature (the copy the look-up checks
// candidates against in memory). It takes the write lock; tests call it
// at their end.
func (db *DB) CheckInvariants(ctx context.Context) error {
	db.near.mu.Lock()
	defer db.near.mu.Unlock()
	// What every write transaction does first: read the index, or other
	// processes' changes.
	if !db.near.ready {
		if err := db.loadNear(ctx, db.r); err != nil {
			return fmt.Errorf("check invariants: %w", err)
		}
	}
	var seq int64
	if err := db.r.QueryRowContext(ctx, `SELECT seq FROM change_seq`).Scan(&seq); err != nil {
		return fmt.Errorf("check invariants: %w", err)
	}
	if err := db.near.readChanges(ctx, db.r, seq); err != nil {
		return fmt.Errorf("check invariants: %w", err)
	}
	var rows []curate.Row
	r, err := db.r.QueryContext(ctx, `SELECT si.section, si.item_id, si.state, si.cluster_id, si.rep_id, s.url,
		coalesce(mk.hidden, 0), si.pinned_until
		FROM section_items si JOIN items i ON i.id = si.item_id JOIN sources s ON s.id = i.source_id`+marksJoin)
	if err != nil {
		return fmt.Errorf("check invariants: %w", err)
	}
	for r.Next() {
		var row curate.Row
		if err := r.Scan(&row.Section, &row.Item, &row.State, &row.Cluster, &row.Rep, &row.Source, &row.Hidden, &row.Pinned); err != nil {
			r.Close()
			return fmt.Errorf("check invariants: %w", err)
		}
		rows = append(rows, row)
	}
	r.Close()
	var clusters []curate.ClusterRow
	c, err := db.r.QueryContext(ctx, `SELECT section, id FROM clusters`)
	if err != nil {
		return fmt.Errorf("check invariants: %w", err)
	}
	for c.Next() {
		var cl curate.ClusterRow
		if err := c.Scan(&cl.Section, &cl.ID); err != nil {
			c.Close()
			return fmt.Errorf("check invariants: %w", err)
		}
		clusters = append(clusters, cl)
	}
	c.Close()
	errs := []error{curate.Check(rows, clusters)}
	// Findability: every filed, signed item dated within the horizon.
	from := db.Now().Add(-db.nearHorizon()).Unix()
	f, err := db.r.QueryContext(ctx, `SELECT si.section, i.id, i.story_at, g.signature FROM section_items si
		JOIN items i ON i.id = si.item_id JOIN signatures g ON g.item_id = i.id
		WHERE si.state <> 'filtered' AND i.story_at >= ?`, from)
	if err != nil {
		return fmt.Errorf("check invariants: %w", err)
	}
	defer f.Close()
	for f.Next() {
		var section string
		var id, at int64
		var raw []byte
		if err := f.Scan(&section, &id, &at, &raw); err != nil {
			return fmt.Errorf("check invariants: %w", err)
		}
		var sig neardup.Signature
		if sig.UnmarshalBinary(raw) != nil || sig.Empty() {
			continue
		}
		// What a look-up loads first: the spans around the date.
		if err := db.near.loadSection(ctx, db.r, section, at, at); err != nil {
			return fmt.Errorf("check invariants: %w", err)
		}
		found := false
		for _, cand := range db.near.index(section).Candidates(nil, sig, at, at) {
			found = found || cand == id
		}
		if !found {
			errs = append(errs, fmt.Errorf("section %s: item #%d is not found by the near-duplicate look-up", section, id))
		}
		// What the look-up checks in memory (sketch, text part) is the
		// stored signature's.
		if !db.near.index(section).Holds(id, at, sig) {
			errs = append(errs, fmt.Errorf("section %s: item #%d: the near-duplicate index does not hold its stored signature", section, id))
		}
	}
	return errors.Join(append(errs, f.Err())...)
}
