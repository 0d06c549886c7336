package curate

import (
	"fmt"
	"slices"
	"time"

	"newsdesk"
)

// Marks are an editor's marks on one item in one section. They belong to
// the item, and the engine turns them into decisions about its story:
//   - a story is hidden while any of its members is marked hidden, so a
//     new report of a hidden story, or an update of a hidden item, stays
//     out; its representative's state is StateHidden;
//   - a story is pinned until the latest PinnedUntil of its members: its
//     representative (whichever member represents it) carries the pin.
//     A pin changes the order of a section's outputs only, never a date,
//     and only while it has not expired (readers compare it with now).
type Marks struct {
	Hidden      bool
	PinnedUntil time.Time // zero: not pinned
}

// IsZero reports whether there are no marks.
func (m Marks) IsZero() bool { return !m.Hidden && m.PinnedUntil.IsZero() }

// Editor actions.
const (
	Hide   = "hide"
	Unhide = "unhide"
	Pin    = "pin"
	Unpin  = "unpin"
)

// Action is one editor action on an item.
type Action struct {
	Kind  string    // Hide, Unhide, Pin or Unpin
	Until time.Time // for Pin: when the pin expires
}

// storyMarks returns the member of a story that hides it (0: none) and
// the story's pin.
func storyMarks(story []Member) (hider int64, pinned time.Time) {
	for _, m := range story {
		if m.Marks.Hidden && (hider == 0 || m.ID < hider) {
			hider = m.ID
		}
		if m.Marks.PinnedUntil.After(pinned) {
			pinned = m.Marks.PinnedUntil
		}
	}
	return hider, pinned
}

// Edit applies an editor's action to member m of sec (filed or filtered)
// and settles its story again:
//   - Hide marks the item: its story leaves the outputs;
//   - Unhide clears the hidden mark of every member of its story: the
//     story comes back, represented by rank;
//   - Pin pins the story until a.Until (the pin moves to the item, any
//     other pin of the story is cleared);
//   - Unpin clears every pin of the story.
//
// A filtered item keeps its marks for when a rule admits it again. Edit
// returns the marks written, by item.
func (e *Engine) Edit(tx Tx, sec *newsdesk.Section, m Member, a Action) (map[int64]Marks, error) {
	var story, members []Member
	if m.State != StateFiltered && m.Cluster != 0 {
		var err error
		if members, err = tx.ClusterMembers(sec.ID, m.Cluster); err != nil {
			return nil, err
		}
		for _, s := range e.stories(members) {
			for _, o := range s {
				if o.ID == m.ID {
					story = s
				}
			}
		}
	}
	if story == nil {
		story = []Member{m}
	}
	written := map[int64]Marks{}
	set := func(id int64, f func(*Marks)) {
		for i := range story {
			if story[i].ID == id {
				mk := story[i].Marks
				f(&mk)
				if mk != story[i].Marks {
					story[i].Marks = mk
					written[id] = mk
				}
			}
		}
	}
	switch a.Kind {
	case Hide:
		set(m.ID, func(mk *Marks) { mk.Hidden = true })
	case Unhide:
		for _, o := range story {
			set(o.ID, func(mk *Marks) { mk.Hidden = false })
		}
	case Pin:
		if a.Until.IsZero() {
			return nil, fmt.Errorf("pin #%d: no expiry", m.ID)
		}
		for _, o := range story {
			set(o.ID, func(mk *Marks) { mk.PinnedUntil = time.Time{} })
		}
		set(m.ID, func(mk *Marks) { mk.PinnedUntil = a.Until.UTC() })
	case Unpin:
		for _, o := range story {
			set(o.ID, func(mk *Marks) { mk.PinnedUntil = time.Time{} })
		}
	default:
		return nil, fmt.Errorf("unknown editor action %q", a.Kind)
	}
	for id, mk := range written {
		if err := tx.SetMarks(sec.ID, id, mk); err != nil {
			return nil, err
		}
	}
	if len(members) == 0 {
		return written, nil // filtered: nothing published changes
	}
	for i := range members {
		if mk, ok := written[members[i].ID]; ok {
			members[i].Marks = mk
		}
	}
	tx.Changed(sec.ID)
	return written, e.settle(tx, sec, m.Cluster, members, map[int64]string{})
}

// Readmit applies the section's current rules to a stored member again
// (at start and after a reload): an item a rule now leaves out leaves its
// story (whose other members are regrouped, electing a representative
// again), an item no rule leaves out any more is filed again (it may join
// or merge stories, and its marks apply again), and a filtered item
// another rule now leaves out gets that rule as its reason. full is the
// stored item, for the rules. It reports whether the decision changed.
func (e *Engine) Readmit(tx Tx, sec *newsdesk.Section, m Member, full *newsdesk.Item, now time.Time) (bool, error) {
	reason := Admit(sec, full, now)
	filed := m.State != StateFiltered && m.Cluster != 0
	switch {
	case reason == "" && filed:
		return false, nil
	case reason == "":
		_, err := e.File(tx, sec, m.Item, full, now)
		return true, err
	case !filed:
		if m.Reason == reason {
			return false, nil
		}
		return true, tx.Decide(sec.ID, []Decision{{ItemID: m.ID, State: StateFiltered, Reason: reason}})
	}
	members, err := tx.ClusterMembers(sec.ID, m.Cluster)
	if err != nil {
		return false, err
	}
	rest := members[:0]
	for _, o := range members {
		if o.ID != m.ID {
			rest = append(rest, o)
		}
	}
	if err := tx.Decide(sec.ID, []Decision{{ItemID: m.ID, State: StateFiltered, Reason: reason}}); err != nil {
		return false, err
	}
	tx.Changed(sec.ID)
	return true, e.regroup(tx, sec, m.Cluster, rest)
}

// Inherit keeps a story hidden when its hidden member leaves it (pruned
// by retention, or trimmed from the section): the members of that
// member's story that stay take its hidden mark, so the story does not
// come back through a report the editor never saw alone. Call it before
// the member leaves.
func (e *Engine) Inherit(tx Tx, sec *newsdesk.Section, m Member) error {
	if !m.Marks.Hidden || m.State == StateFiltered || m.Cluster == 0 {
		return nil
	}
	members, err := tx.ClusterMembers(sec.ID, m.Cluster)
	if err != nil {
		return err
	}
	for _, story := range e.stories(members) {
		if !slices.ContainsFunc(story, func(o Member) bool { return o.ID == m.ID }) {
			continue
		}
		for _, o := range story {
			if o.ID != m.ID && !o.Marks.Hidden {
				mk := o.Marks
				mk.Hidden = true
				if err := tx.SetMarks(sec.ID, o.ID, mk); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
