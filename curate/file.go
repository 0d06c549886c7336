package curate

import (
	"fmt"
	"slices"
	"time"

	"newsdesk"
)

// Placement is where File put an item.
type Placement struct {
	State  string // the item's membership state
	Joined bool   // it joined an existing story (it may represent it now)
}

// File places a new item in one section: left out by a rule, or filed in
// the story of every member it matches (merging their stories), with the
// story's representative chosen again. full is the item as normalized,
// for the section's rules.
func (e *Engine) File(tx Tx, sec *newsdesk.Section, it Item, full *newsdesk.Item, now time.Time) (Placement, error) {
	if reason := Admit(sec, full, now); reason != "" {
		return Placement{State: StateFiltered}, tx.Decide(sec.ID, []Decision{{ItemID: it.ID, State: StateFiltered, Reason: reason}})
	}
	matched, err := e.matches(tx, sec.ID, &it)
	if err != nil {
		return Placement{}, err
	}
	marks, err := tx.Marks(sec.ID, it.ID)
	if err != nil {
		return Placement{}, err
	}
	tx.Filed(sec.ID, it)
	tx.Changed(sec.ID)
	newcomer := Member{Item: it, Marks: marks}
	if len(matched) == 0 {
		cid, err := tx.NewCluster(sec.ID)
		if err != nil {
			return Placement{}, err
		}
		newcomer.Cluster = cid
		return Placement{State: StateIn}, e.settle(tx, sec, cid, []Member{newcomer}, map[int64]string{})
	}
	// The stories the item links become one: the oldest id is kept.
	var ids []int64
	for _, m := range matched {
		ids = append(ids, m.Cluster)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	cid := ids[0]
	members := []Member{newcomer}
	for _, id := range ids {
		ms, err := tx.ClusterMembers(sec.ID, id)
		if err != nil {
			return Placement{}, err
		}
		members = append(members, ms...)
		if id != cid {
			if err := tx.DropCluster(sec.ID, id); err != nil {
				return Placement{}, err
			}
		}
	}
	m0 := matched[0]
	why := map[int64]string{it.ID: fmt.Sprintf("matched #%d (%s)", m0.ID, m0.why)}
	members = dedupe(members)
	size, err := e.settled(tx, sec, cid, members, why)
	if err != nil {
		return Placement{}, err
	}
	switch n := size[it.ID]; {
	case n < 0:
		return Placement{State: StateDuplicate, Joined: true}, nil
	case n == 1:
		return Placement{State: StateIn}, nil // its source already tells the story it matched
	default:
		return Placement{State: StateIn, Joined: true}, nil
	}
}

// Refile places again an item whose content changed (it may match other
// items now, or no longer match its story): it leaves its story, whose
// remaining members are regrouped, and is filed anew. old is its current
// membership.
func (e *Engine) Refile(tx Tx, sec *newsdesk.Section, old Member, it Item, full *newsdesk.Item, now time.Time) (Placement, error) {
	if old.State != StateFiltered && old.Cluster != 0 {
		members, err := tx.ClusterMembers(sec.ID, old.Cluster)
		if err != nil {
			return Placement{}, err
		}
		rest := members[:0]
		for _, m := range members {
			if m.ID != it.ID {
				rest = append(rest, m)
			}
		}
		if err := e.regroup(tx, sec, old.Cluster, rest); err != nil {
			return Placement{}, err
		}
		tx.Changed(sec.ID)
	}
	return e.File(tx, sec, it, full, now)
}

// Regroup recomputes a story after some of its members were removed
// (retention): its remaining members may form several stories, each with
// a live representative. A story with no member left is dropped.
func (e *Engine) Regroup(tx Tx, sec *newsdesk.Section, cluster int64) error {
	members, err := tx.ClusterMembers(sec.ID, cluster)
	if err != nil {
		return err
	}
	tx.Changed(sec.ID)
	return e.regroup(tx, sec, cluster, members)
}

// regroup splits members (the remaining members of story cluster) into
// the connected components of Match and settles each: the component
// holding the smallest order key keeps the story's id.
func (e *Engine) regroup(tx Tx, sec *newsdesk.Section, cluster int64, members []Member) error {
	if len(members) == 0 {
		return tx.DropCluster(sec.ID, cluster)
	}
	comps := e.components(members)
	for i, comp := range comps {
		cid := cluster
		if i > 0 {
			var err error
			if cid, err = tx.NewCluster(sec.ID); err != nil {
				return err
			}
		}
		if err := e.settle(tx, sec, cid, comp, map[int64]string{}); err != nil {
			return err
		}
	}
	return nil
}

// components returns the connected components of Match among members,
// each sorted by order key, the components by their first member.
func (e *Engine) components(members []Member) [][]Member {
	members = dedupe(members)
	parent := make([]int, len(members))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range members {
		for j := i + 1; j < len(members); j++ {
			if find(i) == find(j) {
				continue
			}
			if ok, _ := e.Match(&members[i].Item, &members[j].Item); ok {
				parent[find(j)] = find(i)
			}
		}
	}
	groups := map[int][]Member{}
	var roots []int
	for i := range members {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], members[i])
	}
	var out [][]Member
	for _, r := range roots {
		g := groups[r]
		slices.SortFunc(g, func(a, b Member) int { return compareOrd(&a.Item, &b.Item) })
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b []Member) int { return compareOrd(&a[0].Item, &b[0].Item) })
	return out
}

// settle makes members (a connected component) cluster cid: split into
// stories that never hold two items of one source, each with the
// representative chosen by rank in, the others duplicates of it. Only
// memberships that change are written. why gives a member's matching
// rule, for its reason.
func (e *Engine) settle(tx Tx, sec *newsdesk.Section, cid int64, members []Member, why map[int64]string) error {
	_, err := e.settled(tx, sec, cid, members, why)
	return err
}

// settled is settle returning, for the item id asked about, its story's
// size and whether it represents it.
func (e *Engine) settled(tx Tx, sec *newsdesk.Section, cid int64, members []Member, why map[int64]string) (map[int64]int, error) {
	var ds []Decision
	size := map[int64]int{} // by item: the size of its story, negative for duplicates
	for _, story := range e.stories(members) {
		rep, because := e.Representative(sec, story)
		hider, pinned := storyMarks(story)
		for _, m := range story {
			if m.ID == rep.ID {
				size[m.ID] = len(story)
			} else {
				size[m.ID] = -len(story)
			}
		}
		for _, m := range story {
			d := Decision{ItemID: m.ID, Cluster: cid, Rep: rep.ID, State: StateDuplicate}
			switch {
			case m.ID == rep.ID && hider != 0:
				// An editor hid a member: the whole story stays out,
				// whichever report represents it now or later.
				d.State, d.Pinned = StateHidden, pinned
				d.Reason = "hidden by an editor"
				if hider != m.ID {
					d.Reason = fmt.Sprintf("hidden by an editor with its story (#%d was hidden)", hider)
				}
			case m.ID == rep.ID:
				d.State, d.Pinned = StateIn, pinned
				if len(story) > 1 {
					d.Reason = "represents its story (" + because + ")"
				}
			default:
				d.Reason = fmt.Sprintf("duplicate of #%d (%s)", rep.ID, because)
				if w := why[m.ID]; w != "" {
					d.Reason = fmt.Sprintf("duplicate of #%d: %s; #%d represents the story (%s)", rep.ID, w, rep.ID, because)
				}
			}
			if m.State == d.State && m.Cluster == d.Cluster && m.Rep == d.Rep && m.Pinned.Equal(d.Pinned) &&
				(d.State == StateDuplicate || d.State == StateIn && len(story) == 1 || d.State == StateHidden && m.Reason == d.Reason) {
				continue // unchanged
			}
			ds = append(ds, d)
		}
	}
	if len(ds) > 0 {
		tx.Changed(sec.ID)
	}
	return size, tx.Decide(sec.ID, ds)
}

// stories partitions a cluster's members into stories that hold at most
// one item per source, as a function of the members alone: in the stable
// order (story date, then order key), each member joins the first story
// holding a member it matches and no item of its source, else starts one.
func (e *Engine) stories(members []Member) [][]Member {
	ms := slices.Clone(members)
	slices.SortFunc(ms, func(a, b Member) int {
		if c := a.StoryAt.Compare(b.StoryAt); c != 0 {
			return c
		}
		return compareOrd(&a.Item, &b.Item)
	})
	var out [][]Member
	var sources []map[string]bool
next:
	for _, m := range ms {
		for i, story := range out {
			if sources[i][m.Source] {
				continue
			}
			for _, o := range story {
				if ok, _ := e.Match(&m.Item, &o.Item); ok {
					out[i] = append(out[i], m)
					sources[i][m.Source] = true
					continue next
				}
			}
		}
		out = append(out, []Member{m})
		sources = append(sources, map[string]bool{m.Source: true})
	}
	return out
}

// match is a member an item matches, with the rule.
type match struct {
	Member
	why string
}

// matches returns every filed member of the section the item matches,
// sorted by order key.
func (e *Engine) matches(tx Tx, section string, it *Item) ([]match, error) {
	seen := map[int64]bool{it.ID: true}
	var out []match
	consider := func(ms []Member, err error) error {
		if err != nil {
			return err
		}
		for _, m := range ms {
			if seen[m.ID] || m.State == StateFiltered || m.Cluster == 0 {
				continue
			}
			seen[m.ID] = true
			if ok, why := e.Match(it, &m.Item); ok {
				out = append(out, match{m, why})
			}
		}
		return nil
	}
	if it.Link != "" {
		if err := consider(tx.ByLink(section, it.Link)); err != nil {
			return nil, err
		}
	}
	if it.TitleKey != "" {
		if err := consider(tx.ByTitle(section, it.TitleKey, it.StoryAt.Add(-e.TitleWindow), it.StoryAt.Add(e.TitleWindow))); err != nil {
			return nil, err
		}
	}
	if !it.Sig.Empty() {
		if err := consider(tx.Near(section, it.Sig, it.StoryAt.Add(-e.DuplicateWindow), it.StoryAt.Add(e.DuplicateWindow))); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(out, func(a, b match) int { return compareOrd(&a.Item, &b.Item) })
	return out, nil
}

func dedupe(ms []Member) []Member {
	seen := make(map[int64]bool, len(ms))
	out := ms[:0:0]
	for _, m := range ms {
		if !seen[m.ID] {
			seen[m.ID] = true
			out = append(out, m)
		}
	}
	return out
}
