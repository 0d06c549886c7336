package storage

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"newsdesk"
)

// TestNearIndexLoadsOnlyTheSectionsWritten checks that the index is read
// per section, by the first look-up in it: a write into one section after
// Open reads that section's window only, and a section read later (its
// spans missing from memory while another process wrote into it) still
// finds every stored story.
func TestNearIndexLoadsOnlyTheSectionsWritten(t *testing.T) {
	const a, b, c, d = "http://127.0.0.1/a", "http://127.0.0.1/b", "http://127.0.0.1/c", "http://127.0.0.1/d"
	one, two := section("one", a, b), section("two", c, d)
	path := filepath.Join(t.TempDir(), "lazy.db")
	clk := &clock{t: t0}
	stories := benchItems(1, 6)
	for i := range stories {
		stories[i].Published = t0.Add(-time.Duration(i) * time.Hour)
	}
	db := openAt(t, path, clk, one, two)
	save(t, db, source(a, "one"), stories[:3]...)
	save(t, db, source(c, "two"), stories[3:]...)
	db.Close()

	// A fresh process writes into section one: it reads one's window.
	db = openAt(t, path, clk, one, two)
	out := save(t, db, source(b, "one"), retold(stories[0], "r0"))
	if got := out.Sections["one"].Duplicate; got != 1 {
		t.Errorf("retelling in one counted as %d duplicates, want 1", got)
	}
	if got, want := db.near.sections["one"].Len(), 4; got != want {
		t.Errorf("section one's index holds %d items, want %d (3 stored + the retelling)", got, want)
	}
	if x := db.near.sections["two"]; x != nil && x.Len() != 0 {
		t.Errorf("section two's index holds %d items after a write into one only, want none", x.Len())
	}

	// Another process writes into two while this one has not read it.
	other := openAt(t, path, clk, one, two)
	save(t, other, source(c, "two"), stories[5:5]...) // a state-only fetch
	late := benchItems(7, 1)[0]
	late.Published = t0.Add(-time.Hour)
	save(t, other, source(c, "two"), late)

	// This process's first look-up in two reads its window, with what
	// the other process stored.
	out = save(t, db, source(d, "two"), retold(stories[4], "r4"), retold(late, "rl"))
	if got := out.Sections["two"].Duplicate; got != 2 {
		t.Errorf("retellings in two counted as %d duplicates, want 2 (one of a story stored before Open, one stored by the other process)", got)
	}
	if got, want := db.near.sections["two"].Len(), 6; got != want {
		t.Errorf("section two's index holds %d items, want %d (3 + 1 from the other process + 2 retellings), each once", got, want)
	}

	// Once read, a section follows the other process's writes by the
	// change sequence.
	again := benchItems(9, 1)[0]
	again.Published = t0
	save(t, other, source(c, "two"), again)
	out = save(t, db, source(d, "two"), retold(again, "ra"))
	if got := out.Sections["two"].Duplicate; got != 1 {
		t.Errorf("retelling of the other process's new story counted as %d duplicates, want 1", got)
	}
}

// TestNearIndexReadsEverySectionAfterAFew checks the switch from reading
// sections one by one to reading every section's spans at once: each
// section's stories are found before and after it, and no item is
// indexed twice (a section read alone is not read again with the others).
func TestNearIndexReadsEverySectionAfterAFew(t *testing.T) {
	n := lazySections + 2
	var secs []newsdesk.Section
	for i := range n {
		secs = append(secs, section(fmt.Sprintf("s%d", i), fmt.Sprintf("http://127.0.0.1/a%d", i), fmt.Sprintf("http://127.0.0.1/b%d", i)))
	}
	path := filepath.Join(t.TempDir(), "lazy.db")
	clk := &clock{t: t0}
	stories := benchItems(3, n)
	db := openAt(t, path, clk, secs...)
	for i := range n {
		stories[i].Published = t0.Add(-time.Duration(i) * time.Hour)
		save(t, db, source(fmt.Sprintf("http://127.0.0.1/a%d", i), secs[i].ID), stories[i])
	}
	db.Close()

	db = openAt(t, path, clk, secs...)
	for i := range n {
		id := secs[i].ID
		if i == lazySections+1 {
			// The previous write read the rest of its spans for every
			// section: this one's story is in memory before its first write.
			if x := db.near.sections[id]; x == nil || x.Len() != 1 {
				t.Errorf("%s before its first write: index not read with the others", id)
			}
		}
		out := save(t, db, source(fmt.Sprintf("http://127.0.0.1/b%d", i), id), retold(stories[i], fmt.Sprintf("r%d", i)))
		if got := out.Sections[id].Duplicate; got != 1 {
			t.Errorf("%s: retelling counted as %d duplicates, want 1", id, got)
		}
	}
	for i := range n {
		if got := db.near.sections[secs[i].ID].Len(); got != 2 {
			t.Errorf("%s's index holds %d items, want 2 (the story and its retelling, each once)", secs[i].ID, got)
		}
	}
}
