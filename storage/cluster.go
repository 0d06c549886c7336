package storage

import (
	"database/sql"
	"errors"
	"fmt"

	"newsdesk"
	"newsdesk/neardup"
)

// daySeconds is the width of the days of the items_title_day index.
const daySeconds = 86400

// Membership states of an item in a section.
const (
	StateIn        = "in"
	StateFiltered  = "filtered"
	StateDuplicate = "duplicate"
)

// place decides the membership of a new item in one section: left out by a
// rule, a duplicate of a story already there (same canonical link, same
// normalized title within TitleWindow, or near-duplicate text within
// DuplicateWindow), or in. When a duplicate's source has a higher priority
// than the cluster's representative, it becomes the representative.
func (s *saver) place(it *newsdesk.Item, sec *newsdesk.Section, titleKey string, sig neardup.Signature) error {
	counts := s.out.Sections[sec.ID]
	if counts == nil {
		counts = &SectionCounts{}
		s.out.Sections[sec.ID] = counts
	}
	src := sec.Source(s.source.URL)
	if reason := sec.Admit(it, src, s.now); reason != "" {
		counts.Filtered++
		return s.member(sec.ID, it, StateFiltered, it.ID, reason)
	}
	rep, why, err := s.findCluster(it, sec.ID, titleKey, sig)
	if err != nil {
		return err
	}
	s.nt.add(sec.ID, it.ID, it.SortAt.Unix(), sig)
	if rep == 0 {
		counts.In++
		s.changed[sec.ID] = true
		return s.member(sec.ID, it, StateIn, it.ID, "")
	}
	s.changed[sec.ID] = true
	counts.Duplicate++
	repPriority, err := s.priorityOf(sec, rep)
	if err != nil {
		return err
	}
	if src != nil && src.Priority > repPriority {
		// The new report wins: it represents the cluster from now on.
		reason := fmt.Sprintf("duplicate of #%d (%s); source priority %d > %d", it.ID, why, src.Priority, repPriority)
		if _, err := s.tx.ExecContext(s.ctx, `UPDATE section_items SET cluster_id = ?, state = 'duplicate',
			reason = CASE WHEN item_id = ? THEN ? ELSE reason END, decided_at = ?
			WHERE section = ? AND cluster_id = ?`, it.ID, rep, reason, s.now.Unix(), sec.ID, rep); err != nil {
			return err
		}
		return s.member(sec.ID, it, StateIn, it.ID, "represents its cluster (priority)")
	}
	return s.member(sec.ID, it, StateDuplicate, rep, fmt.Sprintf("duplicate of #%d (%s)", rep, why))
}

func (s *saver) member(section string, it *newsdesk.Item, state string, cluster int64, reason string) error {
	_, err := s.q(qMember).ExecContext(s.ctx,
		section, it.ID, state, cluster, reason, it.SortAt.Unix(), s.now.Unix())
	return err
}

// findCluster returns the representative of the cluster the item belongs to
// in the section (0 for none) and which rule matched.
func (s *saver) findCluster(it *newsdesk.Item, section, titleKey string, sig neardup.Signature) (int64, string, error) {
	var rep int64
	if it.CanonicalLink != "" && (s.known.links == nil || s.known.links[it.CanonicalLink]) {
		err := s.q(qSameLink).QueryRowContext(s.ctx, section, it.CanonicalLink, it.ID).Scan(&rep)
		if err == nil {
			return rep, "same link", nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, "", err
		}
	}
	if titleKey != "" && (s.known.titles == nil || s.known.titles[titleKey]) {
		w := int64(s.db.TitleWindow.Seconds())
		from, to := it.SortAt.Unix()-w, it.SortAt.Unix()+w
		for day := from / daySeconds; day <= to/daySeconds; day++ {
			err := s.q(qSameTitle).QueryRowContext(s.ctx, section, day, titleKey, from, to, it.ID).Scan(&rep)
			if err == nil {
				return rep, "same title", nil
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return 0, "", err
			}
		}
	}
	rep, sim, err := s.nearDuplicate(it, section, sig)
	if err != nil || rep == 0 {
		return 0, "", err
	}
	return rep, fmt.Sprintf("near-duplicate text, similarity %.2f", sim), nil
}

// nearDuplicate returns the cluster of the most similar item of the
// section that Same accepts within DuplicateWindow (0 for none), and the
// similarity: candidates from the in-memory index, each checked against
// its stored signature.
func (s *saver) nearDuplicate(it *newsdesk.Item, section string, sig neardup.Signature) (int64, float64, error) {
	if sig.Empty() {
		return 0, 0, nil
	}
	w := int64(s.db.DuplicateWindow.Seconds())
	s.cands = s.nt.idx.index(section).Candidates(s.cands[:0], sig, it.SortAt.Unix()-w, it.SortAt.Unix()+w)
	best, bestSim := int64(0), 0.0
	for _, id := range s.cands {
		if id == it.ID {
			continue
		}
		var cluster int64
		var raw []byte
		err := s.q(qNearCandidate).QueryRowContext(s.ctx, section, id).Scan(&raw, &cluster)
		if errors.Is(err, sql.ErrNoRows) {
			continue // pruned, or filtered out of the section
		}
		if err != nil {
			return 0, 0, err
		}
		var other neardup.Signature
		if err := other.UnmarshalBinary(raw); err != nil {
			continue
		}
		if neardup.Same(sig, other) {
			if sim := neardup.Similarity(sig, other); sim > bestSim {
				best, bestSim = cluster, sim
			}
		}
	}
	return best, bestSim, nil
}

// priorityOf returns the configured priority, in the section, of the source
// of item id.
func (s *saver) priorityOf(sec *newsdesk.Section, id int64) (int, error) {
	var url string
	err := s.q(qPriorityOf).QueryRowContext(s.ctx, id).Scan(&url)
	if err != nil {
		return 0, err
	}
	if src := sec.Source(url); src != nil {
		return src.Priority, nil
	}
	return 0, nil
}
