// Package curate decides what each section publishes: which items a
// section's rules leave out, which items tell the same story (clusters),
// and which member of each story represents it. It owns the invariants of
// those decisions and nothing else: no SQL, no clock, no I/O. A storage
// backend implements Tx, the small per-transaction interface the engine
// works through (look up members by canonical link, title key or
// near-duplicate candidates; read a cluster; write memberships and
// clusters; mark a section changed), and calls the Engine inside the
// transaction that writes a fetch, so a decision and the data it rests on
// commit together.
//
// The decisions are a function of the stored items and the config, never
// of arrival order, of which process stored what, or of restarts:
//   - Match is a pure, symmetric relation between two items (same
//     canonical link; same title within TitleWindow unless the texts
//     conflict; near-duplicate text within DuplicateWindow), over the
//     items' own story dates, and never between two items of one source;
//   - a cluster is a connected component of Match among the section's
//     filed items: a new item that matches members of several clusters
//     merges them, an item whose text changes is placed again (its
//     cluster may split), and a cluster that lost members is recomputed;
//   - a cluster is one story, or several when it would otherwise hold two
//     items of one source (a source does not retell its own stories): the
//     partition is a function of the cluster's members alone;
//   - each story's representative is chosen by rank over its members
//     (priority, then a full report over a digest, then the earliest story
//     date, then a stable key), never by who came first.
//
// An Engine is safe for concurrent use; a Tx is used by one goroutine.
package curate

import (
	"time"

	"newsdesk"
	"newsdesk/neardup"
)

// Membership states of an item in a section.
const (
	StateIn        = "in"        // published: it represents its story
	StateDuplicate = "duplicate" // another member of its story represents it
	StateFiltered  = "filtered"  // left out by a rule of the section
	StateHidden    = "hidden"    // it represents a story an editor hid: not published
)

// Item is what the engine knows of one stored item: its identity and the
// features the decisions use. Storage fills it from the item's row.
type Item struct {
	ID       int64
	Source   string    // the source's configured URL
	Key      string    // identity key within the source
	Link     string    // canonical link; "" when none
	TitleKey string    // neardup.TitleKey of the title; "" for generic titles
	StoryAt  time.Time // the story's own date: published, else first seen
	Words    int       // words of text (capped): tells a digest from an article
	Ord      int64     // stable order key, from Source and Key
	Sig      neardup.Signature
}

// Member is an item filed in a section, with its current decision.
type Member struct {
	Item
	State   string
	Cluster int64 // 0 for a filtered item
	Rep     int64 // the representative of its story (itself when in or hidden)
	Reason  string
	Pinned  time.Time // the story's pin, on its representative's row (zero: none)
	Marks   Marks     // the editor's marks on this item in the section
}

// Decision is one membership to write.
type Decision struct {
	ItemID  int64
	State   string
	Cluster int64
	Rep     int64
	Reason  string
	Pinned  time.Time // set on a representative whose story is pinned
}

// Tx is what the engine needs of a storage backend inside one write
// transaction, for one section at a time. Lookups return filed (not
// filtered) members only, and must return every such member: the engine's
// order independence rests on seeing all matches, not the first one.
type Tx interface {
	// ByLink returns the members of section with canonical link link.
	ByLink(section, link string) ([]Member, error)
	// ByTitle returns the members of section with title key key whose
	// story date is within [from, to].
	ByTitle(section, key string, from, to time.Time) ([]Member, error)
	// Near returns members of section whose signature may pass
	// neardup.Same with sig and whose story date is within [from, to]:
	// every member that passes must be among them (more is allowed).
	Near(section string, sig neardup.Signature, from, to time.Time) ([]Member, error)
	// ClusterMembers returns the filed members of a cluster.
	ClusterMembers(section string, cluster int64) ([]Member, error)
	// NewCluster allocates a cluster id, never reused.
	NewCluster(section string) (int64, error)
	// DropCluster removes a cluster that has no member left.
	DropCluster(section string, cluster int64) error
	// Decide writes memberships (insert or update).
	Decide(section string, ds []Decision) error
	// Filed reports the item as placed in the section (for the
	// near-duplicate index of the transaction).
	Filed(section string, it Item)
	// Changed marks the section's published output as changed.
	Changed(section string)
	// Marks returns the editor's marks on an item in the section (zero
	// when it has none).
	Marks(section string, item int64) (Marks, error)
	// SetMarks writes them (zero marks remove them).
	SetMarks(section string, item int64, m Marks) error
}

// Engine holds the rules of the decisions. Its fields are read-only once
// it is in use.
type Engine struct {
	// DuplicateWindow bounds how far apart the story dates of two
	// near-duplicate reports may be (default 48h).
	DuplicateWindow time.Duration
	// TitleWindow bounds the same-title rule (default 24h).
	TitleWindow time.Duration
}

// New returns an Engine with the default windows.
func New() *Engine { return &Engine{DuplicateWindow: 48 * time.Hour, TitleWindow: 24 * time.Hour} }

// Match reports whether a and b tell the same story, and by which rule.
// It is symmetric and depends on the two items only.
func (e *Engine) Match(a, b *Item) (bool, string) {
	if a.ID == b.ID || a.Source == b.Source {
		// A source does not retell its own stories: two of its items are
		// two stories, whatever their links, titles or texts.
		return false, ""
	}
	if a.Link != "" && a.Link == b.Link {
		return true, "same link"
	}
	dt := a.StoryAt.Sub(b.StoryAt).Abs()
	if a.TitleKey != "" && a.TitleKey == b.TitleKey && dt <= e.TitleWindow && !neardup.Conflict(a.Sig, b.Sig) {
		return true, "same title"
	}
	if dt <= e.DuplicateWindow {
		if why := neardup.Explain(a.Sig, b.Sig); why != "" {
			return true, why
		}
	}
	return false, ""
}

// Admit applies the section's rules to an item of source src (nil when the
// section does not list it). It returns "" when the item is in, else the
// rule that leaves it out. now is used for max_age.
func Admit(sec *newsdesk.Section, it *newsdesk.Item, now time.Time) string {
	return sec.Admit(it, sec.Source(it.SourceURL), now)
}
