package storage

import (
	"cmp"
	"database/sql"
	"errors"
	"fmt"
	"slices"
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

	// With buffer set (SaveFetch), the section rows of the fetch's new
	// items are kept here and written by flush in a few multi-row
	// statements; the look-ups add them to what they read from the
	// database. Decisions about stored items are written at once, so the
	// database and the buffer together are what the rows would be.
	buffer bool
	rows   []*bufRow           // in the order of their first decision
	byKey  map[secItem]*bufRow // the same rows by section and item

	// reserved holds cluster ids allocated ahead for the fetch's new
	// items, by section, in ascending order (reserveClusters).
	reserved map[string][]int64
}

type pendingItem struct {
	sortAt, ord int64
	fresh       bool        // inserted by the transaction (its seq is the transaction's already)
	item        curate.Item // what the engine knows of it, as read back from its row (fresh items)
}

type secItem struct {
	section string
	id      int64
}

// bufRow is a section row of a new item, not written yet.
type bufRow struct {
	section string
	m       curate.Member // Reason and Pinned included
	sortAt  int64
	ord     int64
	decided int64
}

// buffered returns the buffered members of section, not filtered out,
// that keep says to.
func (t *engineTx) buffered(out []curate.Member, section string, keep func(*curate.Member) bool) []curate.Member {
	for _, r := range t.rows {
		if r.section == section && r.m.State != StateFiltered && keep(&r.m) {
			out = append(out, r.m)
		}
	}
	return out
}

// bufferedRow returns the buffered row of an item in a section, or nil.
func (t *engineTx) bufferedRow(section string, id int64) *bufRow {
	if !t.buffer {
		return nil
	}
	return t.byKey[secItem{section, id}]
}

// qFlushMembers starts the multi-row insert of buffered section rows.
const qFlushMembers = `INSERT INTO section_items (section, item_id, state, cluster_id, rep_id, reason, sort_at, ord, decided_at, pinned_until) VALUES `

// flush writes the buffered section rows.
func (t *engineTx) flush() error {
	rows := t.rows
	for _, n := range runs(len(rows)) {
		args := make([]any, 0, 10*n)
		for _, r := range rows[:n] {
			args = append(args, r.section, r.m.ID, r.m.State, r.m.Cluster, r.m.Rep, r.m.Reason, r.sortAt, r.ord, r.decided, unix(r.m.Pinned))
		}
		if _, err := t.s.q(multiRow(qFlushMembers, 10, n, "")).ExecContext(t.s.ctx, args...); err != nil {
			return fmt.Errorf("write section rows: %w", err)
		}
		rows = rows[n:]
	}
	t.rows, t.byKey = nil, nil
	return nil
}

// reserveClusters allocates n cluster ids in each section ahead, in a few
// multi-row statements instead of one per new story. Those left unused
// when the fetch ends are removed by releaseClusters: ids are never given
// again, so gaps are all they leave.
func (t *engineTx) reserveClusters(sections []string, n int) error {
	if n == 0 || len(sections) == 0 {
		return nil
	}
	t.reserved = map[string][]int64{}
	for _, sec := range sections {
		ids := make([]int64, 0, n)
		for _, k := range runs(n) {
			args := make([]any, k)
			for i := range args {
				args[i] = sec
			}
			rows, err := t.s.q(multiRow(qNewClustersHead, 1, k, qNewClustersTail)).QueryContext(t.s.ctx, args...)
			if err != nil {
				return fmt.Errorf("reserve clusters: %w", err)
			}
			for rows.Next() {
				var id int64
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return err
				}
				ids = append(ids, id)
			}
			err = rows.Close()
			if err == nil {
				err = rows.Err()
			}
			if err != nil {
				return fmt.Errorf("reserve clusters: %w", err)
			}
		}
		slices.Sort(ids)
		t.reserved[sec] = ids
	}
	return nil
}

// releaseClusters removes the reserved cluster ids no story took.
func (t *engineTx) releaseClusters() error {
	var ids []any
	for _, r := range t.reserved {
		for _, id := range r {
			ids = append(ids, id)
		}
	}
	t.reserved = nil
	for len(ids) > 0 {
		n := min(len(ids), preparedChunk)
		st := t.s.q(inList(qDropClusters, inSize(n)))
		args := append([]any(nil), ids[:n]...)
		for len(args) < inSize(n) {
			args = append(args, ids[n-1])
		}
		if _, err := st.ExecContext(t.s.ctx, args...); err != nil {
			return fmt.Errorf("release clusters: %w", err)
		}
		ids = ids[n:]
	}
	return nil
}

// byID orders members by item id, as the index look-ups return them.
func byID(ms []curate.Member) []curate.Member {
	slices.SortFunc(ms, func(a, b curate.Member) int { return cmp.Compare(a.ID, b.ID) })
	return ms
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
	// Cluster ids reserved ahead, and those released.
	qNewClustersHead = `INSERT INTO clusters (section) VALUES `
	qNewClustersTail = ` RETURNING id`
	qDropClusters    = `DELETE FROM clusters WHERE id IN `
	// Near's look-ups of several candidates (IN lists, see inChunks).
	qNearMembers = `SELECT ` + memberColumns + memberFrom + `WHERE si.section = ? AND si.state <> 'filtered' AND si.item_id IN `
)

func (t *engineTx) ByLink(section, link string) ([]curate.Member, error) {
	var out []curate.Member
	if t.buffer && link != "" {
		out = t.buffered(out, section, func(m *curate.Member) bool { return m.Link == link })
	}
	if k := t.s.known.links; k != nil && !k[link] {
		return out, nil // no stored item has the link (batched look-up)
	}
	ms, err := t.members(qByLink, section, link)
	return append(ms, out...), err
}

func (t *engineTx) ByTitle(section, key string, from, to time.Time) ([]curate.Member, error) {
	var buf []curate.Member
	f, l := from.Unix(), to.Unix()
	if t.buffer && key != "" {
		buf = t.buffered(buf, section, func(m *curate.Member) bool {
			at := m.StoryAt.Unix()
			return m.TitleKey == key && at >= f && at <= l
		})
	}
	if k := t.s.known.titles; k != nil && !k[key] {
		return buf, nil
	}
	var out []curate.Member
	for day := floorDiv(f, daySeconds); day <= floorDiv(l, daySeconds); day++ {
		ms, err := t.members(qByTitle, section, day, key, f, l)
		if err != nil {
			return nil, err
		}
		out = append(out, ms...)
	}
	return append(out, buf...), nil
}

func (t *engineTx) Near(section string, sig neardup.Signature, from, to time.Time) ([]curate.Member, error) {
	s := t.s
	if err := s.nt.ensure(s.ctx, s.tx, section, from.Unix(), to.Unix()); err != nil {
		return nil, err
	}
	s.cands = s.nt.idx.index(section).Candidates(s.cands[:0], sig, from.Unix(), to.Unix())
	s.nt.idx.lookups++
	s.nt.idx.cands += int64(len(s.cands))
	var out []curate.Member
	stored := s.cands
	if t.buffer && len(t.rows) > 0 {
		// Candidates of this fetch come from the buffer.
		stored = stored[:0:0]
		for _, id := range s.cands {
			if _, fresh := t.pending[id]; !fresh {
				stored = append(stored, id)
			} else if r := t.bufferedRow(section, id); r != nil && r.m.State != StateFiltered && neardup.Same(sig, r.m.Sig) {
				out = append(out, r.m)
			}
		}
	}
	// The index has checked the candidates' text parts (containment,
	// names) in memory, so nearly all of those left are members Same
	// accepts: they are read whole, signature included, and checked with
	// Same against what is stored (the index's copy may be an older
	// signature of the item, or of an item pruned since).
	s.nt.idx.read += int64(len(stored))
	keep := func(ms []curate.Member) {
		for _, m := range ms {
			if neardup.Same(sig, m.Sig) {
				out = append(out, m)
				s.nt.idx.passed++
			}
		}
	}
	s.nt.idx.passed += int64(len(out))
	switch len(stored) {
	case 0:
		return byID(out), nil
	case 1:
		ms, err := t.members(qMemberOf, section, stored[0]) // none when pruned or filtered out since
		keep(ms)
		return byID(out), err
	}
	// Several candidates: one query for all of them.
	ids := make([]any, len(stored))
	for i, id := range stored {
		ids[i] = id
	}
	err := inChunks(s.ctx, boundTx{s.tx, s}, qNearMembers,
		section, ids, func(rows *sql.Rows) error {
			m, err := scanMember(rows)
			if err == nil && neardup.Same(sig, m.Sig) {
				out = append(out, m)
				s.nt.idx.passed++
			}
			return err
		})
	return byID(out), err
}

func (t *engineTx) ClusterMembers(section string, cluster int64) ([]curate.Member, error) {
	ms, err := t.members(qClusterMember, section, cluster)
	if err != nil || !t.buffer || len(t.rows) == 0 {
		return ms, err
	}
	n := len(ms)
	ms = t.buffered(ms, section, func(m *curate.Member) bool { return m.Cluster == cluster })
	if len(ms) == n {
		return ms, nil
	}
	return byID(ms), nil
}

func (t *engineTx) NewCluster(section string) (int64, error) {
	if r := t.reserved[section]; len(r) > 0 {
		t.reserved[section] = r[1:]
		return r[0], nil
	}
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
		p, ok := t.pending[d.ItemID]
		if ok && p.fresh && t.buffer {
			k := secItem{section, d.ItemID}
			r := t.byKey[k]
			if r == nil {
				r = &bufRow{section: section, m: curate.Member{Item: p.item}, sortAt: p.sortAt, ord: p.ord}
				if t.byKey == nil {
					t.byKey = map[secItem]*bufRow{}
				}
				t.byKey[k] = r
				t.rows = append(t.rows, r)
			}
			r.m.State, r.m.Cluster, r.m.Rep, r.m.Reason, r.decided = d.State, d.Cluster, d.Rep, d.Reason, now
			r.m.Pinned = fromUnix(unix(d.Pinned)) // as read back: to the second
			continue
		}
		if ok {
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
	if r := t.bufferedRow(section, item); r != nil {
		r.m.Marks = curate.Marks{Hidden: m.Hidden, PinnedUntil: fromUnix(unix(m.PinnedUntil))}
	}
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
