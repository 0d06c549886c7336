package storage

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"newsdesk"
)

// TestRerankFollowsPriorities: which report represents a story is a
// function of the stored items and the current config. A desk fed while B
// had no priority, then given one (a reload, then a restart), publishes
// what a desk fed under the new priorities from the start publishes; a
// Rerank with nothing changed changes nothing.
func TestRerankFollowsPriorities(t *testing.T) {
	const a, b = "http://127.0.0.1/a", "http://127.0.0.1/b"
	ctx := context.Background()
	stories := benchItems(1, 3)
	for i := range stories {
		stories[i].Published = t0.Add(-2 * 60e9 * 60)
	}
	feed := func(db *DB) {
		save(t, db, source(a, "news"), stories...)
		var again []newsdesk.Item
		for i, s := range stories {
			r := retold(s, "r"+string(rune('a'+i)))
			r.Published = s.Published.Add(30 * 60e9) // later than A's: A is the earliest report
			again = append(again, r)
		}
		save(t, db, source(b, "news"), again...)
	}
	published := func(db *DB) []string {
		items, err := db.SectionItems(ctx, "news", newsdesk.Page{Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		var links []string
		for _, it := range items {
			links = append(links, it.Link)
		}
		slices.Sort(links)
		return links
	}
	plain := section("news", a, b)
	ranked := section("news", a, b)
	ranked.Sources[1].Priority = 5

	dir := t.TempDir()
	c := &clock{t: t0}
	db := openAt(t, filepath.Join(dir, "old.db"), c, plain)
	feed(db)
	before := published(db)
	if ch, err := db.Rerank(ctx); err != nil || len(ch) != 0 {
		t.Fatalf("Rerank with the priorities unchanged: %v %v, want nothing", ch, err)
	}
	db.SetSections([]newsdesk.Section{ranked}) // a reload
	ch, err := db.Rerank(ctx)
	if err != nil || !slices.Equal(ch, []string{"news"}) {
		t.Fatalf("Rerank after B got a priority: %v %v, want [news]", ch, err)
	}
	after := published(db)

	fresh := openAt(t, filepath.Join(dir, "fresh.db"), c, ranked)
	feed(fresh)
	want := published(fresh)
	if slices.Equal(before, want) {
		t.Fatal("the fixture does not exercise priorities: the same reports represent the stories either way")
	}
	if !slices.Equal(after, want) {
		t.Fatalf("after Rerank: %v\nfed under the new priorities: %v", after, want)
	}
	if ch, err := db.Rerank(ctx); err != nil || len(ch) != 0 {
		t.Fatalf("second Rerank: %v %v, want nothing", ch, err)
	}
	// A restart with the priority removed again: back to what A's earlier
	// reports give.
	db.Close()
	db = openAt(t, filepath.Join(dir, "old.db"), c, plain)
	if ch, err := db.Rerank(ctx); err != nil || len(ch) != 1 {
		t.Fatalf("Rerank after a restart without the priority: %v %v", ch, err)
	}
	if got := published(db); !slices.Equal(got, before) {
		t.Fatalf("after the priority went: %v, want %v", got, before)
	}
}

// TestRerankKeepsHiddenStories: a story an editor hid stays out when new
// source priorities make another of its reports the representative.
func TestRerankKeepsHiddenStories(t *testing.T) {
	const a, b = "http://127.0.0.1/a", "http://127.0.0.1/b"
	ctx := context.Background()
	stories := benchItems(1, 2)
	for i := range stories {
		stories[i].Published = t0.Add(-2 * 60e9 * 60)
	}
	plain := section("news", a, b)
	db := openAt(t, filepath.Join(t.TempDir(), "hidden.db"), &clock{t: t0}, plain)
	save(t, db, source(a, "news"), stories...)
	r := retold(stories[0], "ra")
	r.Published = stories[0].Published.Add(30 * 60e9)
	save(t, db, source(b, "news"), r)
	found, err := db.FindItems(ctx, "news", stories[0].Link)
	if err != nil || len(found) != 1 {
		t.Fatalf("FindItems = %+v %v", found, err)
	}
	if _, err := db.Edit(ctx, "news", found[0].ID, EditorAction{Kind: "hide", Who: "test"}); err != nil {
		t.Fatal(err)
	}
	links := func() []string {
		items, err := db.SectionItems(ctx, "news", newsdesk.Page{Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, it := range items {
			out = append(out, it.Link)
		}
		return out
	}
	before := links()
	if slices.Contains(before, stories[0].Link) || slices.Contains(before, r.Link) || len(before) != 1 {
		t.Fatalf("after hide: published %v, want the other story only", before)
	}
	ranked := section("news", a, b)
	ranked.Sources[1].Priority = 5 // B's report would represent the story
	db.SetSections([]newsdesk.Section{ranked})
	if ch, err := db.Rerank(ctx); err != nil || len(ch) != 1 {
		t.Fatalf("Rerank = %v %v, want news ranked again", ch, err)
	}
	if err := db.CheckInvariants(ctx); err != nil {
		t.Fatal(err)
	}
	if after := links(); !slices.Equal(after, before) {
		t.Fatalf("after Rerank: published %v, want %v (the hidden story stays out)", after, before)
	}
	ds, err := db.Explain(ctx, "news", 10)
	if err != nil {
		t.Fatal(err)
	}
	seen := false
	for _, d := range ds {
		if d.Link == r.Link {
			seen = true
			if d.State != StateHidden {
				t.Fatalf("B's report, now the representative, is %s (%s), want hidden", d.State, d.Reason)
			}
		}
	}
	if !seen {
		t.Fatalf("B's report %s is not in the section: %+v", r.Link, ds)
	}
}
