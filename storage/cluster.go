package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"newsdesk/curate"
	"newsdesk/neardup"
)

// daySeconds is the width of the days of the items_title_day index.
const daySeconds = 86400

// Membership states of an item in a section.
const (
	StateIn        = curate.StateIn
	StateFiltered  = curate.StateFiltered
	StateDuplicate = curate.StateDuplicate
	StateHidden    = curate.StateHidden
)

// memberColumns are what the engine knows of a filed item (curate.Member).
const memberColumns = `i.id, s.url, i.key, i.canonical_link, i.title_key, i.story_at, i.words, i.ord,
	coalesce(g.signature, x''), si.state, si.cluster_id, si.rep_id, si.reason, si.pinned_until,
	coalesce(mk.hidden, 0), coalesce(mk.pinned_until, 0)`

// memberFrom joins what memberColumns reads; the WHERE clause follows.
const memberFrom = ` FROM section_items si CROSS JOIN items i ON i.id = si.item_id
	CROSS JOIN sources s ON s.id = i.source_id LEFT JOIN signatures g ON g.item_id = i.id ` + marksJoin

// marksJoin joins an item's editor marks in its section.
const marksJoin = ` LEFT JOIN editor_marks mk ON mk.section = si.section AND mk.item_id = si.item_id `

func scanMember(sc interface{ Scan(...any) error }) (curate.Member, error) {
	var m curate.Member
	var story int64
	var raw []byte
	var pinned, markPinned int64
	err := sc.Scan(&m.ID, &m.Source, &m.Key, &m.Link, &m.TitleKey, &story, &m.Words, &m.Ord, &raw, &m.State, &m.Cluster, &m.Rep,
		&m.Reason, &pinned, &m.Marks.Hidden, &markPinned)
	if err != nil {
		return m, err
	}
	m.StoryAt = time.Unix(story, 0).UTC()
	m.Pinned, m.Marks.PinnedUntil = fromUnix(pinned), fromUnix(markPinned)
	if len(raw) > 0 {
		_ = m.Sig.UnmarshalBinary(raw) // an unreadable (older) signature only loses near-duplicate matching
	}
	return m, nil
}

// engineTx is the SQLite side of curate.Tx for one write transaction.
type engineTx struct {
	s *saver
	// pending holds the items inserted by the transaction, whose section
	// rows do not exist yet: their sort date and order key.
	pending map[int64]pendingItem
}

type pendingItem struct {
	sortAt, ord int64
	fresh       bool // inserted by the transaction (its seq is the transaction's already)
}

var _ curate.Tx = (*engineTx)(nil)

func (t *engineTx) members(query string, args ...any) ([]curate.Member, error) {
	rows, err := t.s.q(query).QueryContext(t.s.ctx, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []curate.Member
	for rows.Next() {
		m, err := scanMember(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Lookups of the engine. CROSS JOIN fixes the join order and "<> ”"
// lets the partial indexes serve.
const (
	qByLink = `SELECT ` + memberColumns + ` FROM items i CROSS JOIN section_items si ON si.item_id = i.id AND si.section = ?
		CROSS JOIN sources s ON s.id = i.source_id LEFT JOIN signatures g ON g.item_id = i.id` + marksJoin + `
		WHERE i.canonical_link = ? AND i.canonical_link <> '' AND si.state <> 'filtered'`
	qByTitle = `SELECT ` + memberColumns + ` FROM items i CROSS JOIN section_items si ON si.item_id = i.id AND si.section = ?
		CROSS JOIN sources s ON s.id = i.source_id LEFT JOIN signatures g ON g.item_id = i.id` + marksJoin + `
		WHERE i.story_at / 86400 = ? AND i.title_key = ? AND i.title_key <> '' AND i.story_at BETWEEN ? AND ?
		AND si.state <> 'filtered'`
	qMemberOf = `SELECT ` + memberColumns + memberFrom + `WHERE si.section = ? AND si.item_id = ? AND si.state <> 'filtered'`
	// Without statistics SQLite would walk the section's primary key
	// rather than the (section, cluster_id) index: the whole section for
	// every cluster read.
	qClusterMember = `SELECT ` + memberColumns + ` FROM section_items si INDEXED BY section_cluster CROSS JOIN items i ON i.id = si.item_id
	CROSS JOIN sources s ON s.id = i.source_id LEFT JOIN signatures g ON g.item_id = i.id` + marksJoin + `
	WHERE si.section = ? AND si.cluster_id = ? AND si.state <> 'filtered'`
	qNewCluster   = `INSERT INTO clusters (section) VALUES (?) RETURNING id`
	qDropCluster  = `DELETE FROM clusters WHERE id = ?`
	qInsertMember = `INSERT INTO section_items (section, item_id, state, cluster_id, rep_id, reason, sort_at, ord, decided_at, pinned_until)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (section, item_id) DO UPDATE SET state = excluded.state,
		cluster_id = excluded.cluster_id, rep_id = excluded.rep_id, reason = excluded.reason, decided_at = excluded.decided_at,
		pinned_until = excluded.pinned_until`
	qUpdateMember = `UPDATE section_items SET state = ?, cluster_id = ?, rep_id = ?, reason = ?, decided_at = ?, pinned_until = ?
		WHERE section = ? AND item_id = ?`
	qMarks    = `SELECT hidden, pinned_until FROM editor_marks WHERE section = ? AND item_id = ?`
	qSetMarks = `INSERT INTO editor_marks (section, item_id, hidden, pinned_until) VALUES (?, ?, ?, ?)
		ON CONFLICT (section, item_id) DO UPDATE SET hidden = excluded.hidden, pinned_until = excluded.pinned_until`
	qDropMarks = `DELETE FROM editor_marks WHERE section = ? AND item_id = ?`
	qStampSeq  = `UPDATE items SET seq = ? WHERE id = ? AND seq <> ?`
)

func (t *engineTx) ByLink(section, link string) ([]curate.Member, error) {
	if k := t.s.known.links; k != nil && !k[link] {
		return nil, nil // no stored item has the link (batched look-up)
	}
	return t.members(qByLink, section, link)
}

func (t *engineTx) ByTitle(section, key string, from, to time.Time) ([]curate.Member, error) {
	if k := t.s.known.titles; k != nil && !k[key] {
		return nil, nil
	}
	var out []curate.Member
	f, l := from.Unix(), to.Unix()
	for day := floorDiv(f, daySeconds); day <= floorDiv(l, daySeconds); day++ {
		ms, err := t.members(qByTitle, section, day, key, f, l)
		if err != nil {
			return nil, err
		}
		out = append(out, ms...)
	}
	return out, nil
}

func (t *engineTx) Near(section string, sig neardup.Signature, from, to time.Time) ([]curate.Member, error) {
	s := t.s
	if err := s.nt.ensure(s.ctx, s.tx, from.Unix(), to.Unix()); err != nil {
		return nil, err
	}
	s.cands = s.nt.idx.index(section).Candidates(s.cands[:0], sig, from.Unix(), to.Unix())
	s.nt.idx.lookups++
	s.nt.idx.cands += int64(len(s.cands))
	if len(s.cands) == 0 {
		return nil, nil
	}
	// The index's candidates share a rare band key and enough of the
	// sketch; most still fail neardup.Same (on topical text, about ten a
	// lookup, whatever the window holds). Their signatures alone, read by
	// primary key from the narrow signatures table, rule those out; only
	// the few that pass are read as members (four tables). Reading every
	// candidate as a member made a lookup's cost grow with the window:
	// the wide rows of a large table miss the page cache.
	var pass []any
	var raw []byte
	for rest := s.cands; len(rest) > 0; {
		n := sigBucket(len(rest))
		args := make([]any, n)
		for i := range args {
			args[i] = rest[min(i, len(rest)-1)] // padded with the last id: IN ignores repeats
		}
		rest = rest[min(n, len(rest)):]
		rows, err := t.s.q(qSignatures[n]).QueryContext(s.ctx, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id, &raw); err != nil {
				rows.Close()
				return nil, err
			}
			var other neardup.Signature
			if other.UnmarshalBinary(raw) == nil && neardup.Same(sig, other) {
				pass = append(pass, id)
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, err
		}
	}
	s.nt.idx.passed += int64(len(pass))
	switch len(pass) {
	case 0:
		return nil, nil
	case 1:
		return t.members(qMemberOf, section, pass[0]) // none when pruned or filtered out since
	}
	var out []curate.Member
	err := inChunks(s.ctx, s.tx, `SELECT `+memberColumns+memberFrom+`WHERE si.section = ? AND si.state <> 'filtered' AND si.item_id IN `,
		section, pass, func(rows *sql.Rows) error {
			m, err := scanMember(rows)
			out = append(out, m)
			return err
		})
	return out, err
}

// qSignatures reads the signatures of n candidates (n a power of two
// up to maxSigBucket), prepared once like the other write statements: a
// look-up pads its ids to the next size rather than parsing a statement
// of its own length.
var qSignatures = func() map[int]string {
	out := map[int]string{}
	for n := 1; n <= maxSigBucket; n *= 2 {
		out[n] = `SELECT item_id, signature FROM signatures WHERE item_id IN (?` + strings.Repeat(", ?", n-1) + `)`
	}
	return out
}()

const maxSigBucket = 64

// sigBucket returns the statement size for n ids (at most maxSigBucket:
// more are read in several statements).
func sigBucket(n int) int {
	b := 1
	for b < n && b < maxSigBucket {
		b *= 2
	}
	return b
}

func (t *engineTx) ClusterMembers(section string, cluster int64) ([]curate.Member, error) {
	return t.members(qClusterMember, section, cluster)
}

func (t *engineTx) NewCluster(section string) (int64, error) {
	var id int64
	err := t.s.q(qNewCluster).QueryRowContext(t.s.ctx, section).Scan(&id)
	return id, err
}

func (t *engineTx) DropCluster(section string, cluster int64) error {
	_, err := t.s.q(qDropCluster).ExecContext(t.s.ctx, cluster)
	return err
}

func (t *engineTx) Decide(section string, ds []curate.Decision) error {
	now := t.s.now.Unix()
	for _, d := range ds {
		if p, ok := t.pending[d.ItemID]; ok {
			if _, err := t.s.q(qInsertMember).ExecContext(t.s.ctx, section, d.ItemID, d.State, d.Cluster, d.Rep, d.Reason,
				p.sortAt, p.ord, now, unix(d.Pinned)); err != nil {
				return err
			}
			continue
		}
		res, err := t.s.q(qUpdateMember).ExecContext(t.s.ctx, d.State, d.Cluster, d.Rep, d.Reason, now, unix(d.Pinned), section, d.ItemID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("decide: item #%d has no row in section %s", d.ItemID, section)
		}
	}
	return nil
}

func (t *engineTx) Filed(section string, it curate.Item) {
	t.s.nt.add(section, it.ID, it.StoryAt.Unix(), it.Sig)
	if p, ok := t.pending[it.ID]; !(ok && p.fresh) && t.s.seq != 0 {
		// A stored item filed anew (a section added by a reload): other
		// processes index it from the change sequence.
		if _, err := t.s.q(qStampSeq).ExecContext(t.s.ctx, t.s.seq, it.ID, t.s.seq); err != nil && t.s.err == nil {
			t.s.err = err
		}
	}
}

func (t *engineTx) Changed(section string) { t.s.changed[section] = true }

func (t *engineTx) Marks(section string, item int64) (curate.Marks, error) {
	if p, ok := t.pending[item]; ok && p.fresh {
		return curate.Marks{}, nil // inserted by this transaction: no editor has seen it
	}
	var m curate.Marks
	var pinned int64
	err := t.s.q(qMarks).QueryRowContext(t.s.ctx, section, item).Scan(&m.Hidden, &pinned)
	if errors.Is(err, sql.ErrNoRows) {
		return curate.Marks{}, nil
	}
	m.PinnedUntil = fromUnix(pinned)
	return m, err
}

func (t *engineTx) SetMarks(section string, item int64, m curate.Marks) error {
	var err error
	if m.IsZero() {
		_, err = t.s.q(qDropMarks).ExecContext(t.s.ctx, section, item)
	} else {
		_, err = t.s.q(qSetMarks).ExecContext(t.s.ctx, section, item, m.Hidden, unix(m.PinnedUntil))
	}
	return err
}

// floorDiv divides rounding towards minus infinity.
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// memberRow reads the membership of one item in a section (nil when it
// has none).
func (s *saver) memberRow(section string, id int64) (*curate.Member, error) {
	row := s.tx.QueryRowContext(s.ctx, `SELECT `+memberColumns+memberFrom+`WHERE si.section = ? AND si.item_id = ?`, section, id)
	m, err := scanMember(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &m, nil
}
