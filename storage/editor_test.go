package storage_test

import (
	"context"
	"errors"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"newsdesk"
	"newsdesk/storage"
)

// TestFindItems resolves every kind of reference an editor may give: the
// number (with or without #), the output id (the source's own URI or the
// derived tag: id), the published link and the canonical one; an unknown
// reference is ErrNoItem.
func TestFindItems(t *testing.T) {
	ctx := context.Background()
	db := storage.New(storage.TestPath(t, filepath.Join(t.TempDir(), "find.db")))
	db.Now = func() time.Time { return time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC) }
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const src = "http://127.0.0.1:9/feed"
	db.SetSections([]newsdesk.Section{{ID: "s", Sources: []newsdesk.SectionSource{{URL: src}}}})
	items := []newsdesk.Item{
		{Key: "guid:urn:x:1", GUID: "urn:x:1", Title: "Un", Link: "http://127.0.0.1/a?utm_source=x", CanonicalLink: "http://127.0.0.1/a", ContentHash: "1"},
		{Key: "guid:local-2", GUID: "local-2", Title: "Deux", Link: "http://127.0.0.1/b", CanonicalLink: "http://127.0.0.1/b", ContentHash: "2"},
	}
	if _, err := db.SaveFetch(ctx, storage.Fetch{Source: newsdesk.Source{URL: src, Sections: []string{"s"}}, Items: items}); err != nil {
		t.Fatal(err)
	}
	byNumber, err := db.FindItems(ctx, "s", "2")
	if err != nil {
		t.Fatal(err)
	}
	derived := byNumber[0].OutputID
	for _, tt := range []struct {
		ref  string
		want int64
	}{
		{"1", 1}, {"#2", 2}, {"urn:x:1", 1}, {derived, 2},
		{"http://127.0.0.1/a?utm_source=x", 1}, {"http://127.0.0.1/a", 1}, {"http://127.0.0.1/b", 2},
	} {
		fs, err := db.FindItems(ctx, "", tt.ref)
		if err != nil || len(fs) != 1 || fs[0].ID != tt.want || fs[0].Section != "s" {
			t.Errorf("FindItems(%q) = %+v, %v; want item #%d in s", tt.ref, fs, err, tt.want)
		}
	}
	for _, ref := range []string{"3", "#0", "tag:newsdesk,2026:item:00", "http://127.0.0.1/c", ""} {
		if _, err := db.FindItems(ctx, "s", ref); !errors.Is(err, storage.ErrNoItem) {
			t.Errorf("FindItems(%q) = %v, want ErrNoItem", ref, err)
		}
	}
	if _, err := db.FindItems(ctx, "other", "1"); !errors.Is(err, storage.ErrNoItem) {
		t.Errorf("FindItems in a section that does not hold it = %v, want ErrNoItem", err)
	}
	if err := db.CheckInvariants(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestPinnedPaging: pinned stories open the first page (at most half of
// it), the pages together hold every item exactly once, and dates do not
// change.
func TestPinnedPaging(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	db := storage.New(storage.TestPath(t, filepath.Join(t.TempDir(), "pins.db")))
	db.Now = func() time.Time { return now }
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const src = "http://127.0.0.1:9/feed"
	db.SetSections([]newsdesk.Section{{ID: "s", Sources: []newsdesk.SectionSource{{URL: src}}}})
	var items []newsdesk.Item
	titles := []string{"Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf"}
	for i, title := range titles {
		items = append(items, newsdesk.Item{Key: "guid:" + title, GUID: title, Title: title + " story number " + title,
			Link: "http://127.0.0.1/" + title, CanonicalLink: "http://127.0.0.1/" + title, ContentHash: title,
			Published: now.Add(-time.Duration(10-i) * time.Hour)})
	}
	if _, err := db.SaveFetch(ctx, storage.Fetch{Source: newsdesk.Source{URL: src, Sections: []string{"s"}}, Items: items}); err != nil {
		t.Fatal(err)
	}
	// Pin the three oldest: with pages of 4, two of them open the first page.
	for _, title := range []string{"Alpha", "Bravo", "Charlie"} {
		fs, err := db.FindItems(ctx, "s", "http://127.0.0.1/"+title)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Edit(ctx, "s", fs[0].ID, storage.EditorAction{Kind: "pin", Until: now.Add(time.Hour), Who: "test"}); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	page := &newsdesk.Page{Limit: 4}
	for n := 0; page != nil && n < 5; n++ {
		its, next, err := db.SectionPage(ctx, "s", *page)
		if err != nil {
			t.Fatal(err)
		}
		if len(its) > 4 {
			t.Fatalf("page %d holds %d items, want at most 4", n, len(its))
		}
		for _, it := range its {
			got = append(got, it.GUID)
			if want := items[slices.IndexFunc(items, func(x newsdesk.Item) bool { return x.GUID == it.GUID })].Published; !it.Published.Equal(want) {
				t.Errorf("%s: published %v, want %v", it.GUID, it.Published, want)
			}
		}
		page = next
	}
	// The two newest pins (Charlie, Bravo) open the first page; Alpha, the
	// third, stays at its place by date.
	want := "Charlie Bravo Golf Foxtrot Echo Delta Alpha"
	if g := strings.Join(got, " "); g != want {
		t.Fatalf("pages = %q, want %q", g, want)
	}
	if err := db.CheckInvariants(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestPinnedPagingOfOne: with pages of one item, the pin fills the first
// page and the next page starts with the newest item of the walk.
func TestPinnedPagingOfOne(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	db := storage.New(storage.TestPath(t, filepath.Join(t.TempDir(), "pin1.db")))
	db.Now = func() time.Time { return now }
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const src = "http://127.0.0.1:9/feed"
	db.SetSections([]newsdesk.Section{{ID: "s", Sources: []newsdesk.SectionSource{{URL: src}}}})
	var items []newsdesk.Item
	for i, title := range []string{"Old", "Mid", "New"} {
		items = append(items, newsdesk.Item{Key: "guid:" + title, GUID: title, Title: title + " report of the day",
			Link: "http://127.0.0.1/" + title, CanonicalLink: "http://127.0.0.1/" + title, ContentHash: title,
			Published: now.Add(-time.Duration(5-i) * time.Hour)})
	}
	if _, err := db.SaveFetch(ctx, storage.Fetch{Source: newsdesk.Source{URL: src, Sections: []string{"s"}}, Items: items}); err != nil {
		t.Fatal(err)
	}
	fs, err := db.FindItems(ctx, "s", "http://127.0.0.1/Old")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Edit(ctx, "s", fs[0].ID, storage.EditorAction{Kind: "pin", Until: now.Add(time.Hour), Who: "test"}); err != nil {
		t.Fatal(err)
	}
	var got []string
	page := &newsdesk.Page{Limit: 1}
	for n := 0; page != nil && n < 6; n++ {
		its, next, err := db.SectionPage(ctx, "s", *page)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range its {
			got = append(got, it.GUID)
		}
		page = next
	}
	if g, want := strings.Join(got, " "), "Old New Mid"; g != want {
		t.Fatalf("pages of one = %q, want %q", g, want)
	}
}

// TestDecisionTimes: explain's "when the decision last changed" moves
// when a rule applied to stored items changes an item's decision, when
// the rule goes again and when an editor hides it; the other items keep
// the time they were filed.
func TestDecisionTimes(t *testing.T) {
	ctx := context.Background()
	clock := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	db := storage.New(storage.TestPath(t, filepath.Join(t.TempDir(), "times.db")))
	db.Now = func() time.Time { return clock }
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const src = "http://127.0.0.1:9/feed"
	sec := newsdesk.Section{ID: "s", Sources: []newsdesk.SectionSource{{URL: src}}}
	db.SetSections([]newsdesk.Section{sec})
	items := []newsdesk.Item{
		{Key: "guid:1", GUID: "1", Title: "Le pont ferme", Link: "http://127.0.0.1/a", CanonicalLink: "http://127.0.0.1/a", ContentHash: "1",
			Published: clock.Add(-2 * time.Hour)},
		{Key: "guid:2", GUID: "2", Title: "Le marché ouvre", Link: "http://127.0.0.1/b", CanonicalLink: "http://127.0.0.1/b", ContentHash: "2",
			Published: clock.Add(-time.Hour)},
	}
	if _, err := db.SaveFetch(ctx, storage.Fetch{Source: newsdesk.Source{URL: src, Sections: []string{"s"}}, Items: items}); err != nil {
		t.Fatal(err)
	}
	filed := clock
	decision := func(title string) storage.Decision {
		t.Helper()
		ds, err := db.Explain(ctx, "s", 10)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range ds {
			if d.Title == title {
				return d
			}
		}
		t.Fatalf("no decision for %q", title)
		return storage.Decision{}
	}
	check := func(step, state string, at time.Time) {
		t.Helper()
		if d := decision("Le pont ferme"); d.State != state || !d.DecidedAt.Equal(at) {
			t.Errorf("%s: pont = %s decided %v, want %s decided %v", step, d.State, d.DecidedAt, state, at)
		}
		if d := decision("Le marché ouvre"); d.State != storage.StateIn || !d.DecidedAt.Equal(filed) {
			t.Errorf("%s: the other item = %s decided %v, want in decided %v", step, d.State, d.DecidedAt, filed)
		}
	}
	check("filed", storage.StateIn, filed)

	clock = clock.Add(time.Hour)
	excl := sec
	excl.Exclude = []newsdesk.Rule{{Field: "title", Pattern: regexp.MustCompile("^Le pont")}}
	db.SetSections([]newsdesk.Section{excl})
	if _, err := db.Reapply(ctx, false); err != nil {
		t.Fatal(err)
	}
	check("excluded", storage.StateFiltered, clock)
	if d := decision("Le pont ferme"); d.Reason != "exclude: title: ^Le pont" {
		t.Errorf("excluded: reason = %q", d.Reason)
	}

	clock = clock.Add(time.Hour)
	db.SetSections([]newsdesk.Section{sec})
	if _, err := db.Reapply(ctx, false); err != nil {
		t.Fatal(err)
	}
	check("rule removed", storage.StateIn, clock)

	clock = clock.Add(time.Hour)
	if _, err := db.Edit(ctx, "s", 1, storage.EditorAction{Kind: "hide", Who: "test"}); err != nil {
		t.Fatal(err)
	}
	check("hidden", storage.StateHidden, clock)
}

// TestFiledStoryHidden: once a story is hidden, every report of it says
// so (the representative by its state, a duplicate by StoryHidden), so an
// editor acting on a duplicate is not told it is published.
func TestFiledStoryHidden(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	db := storage.New(storage.TestPath(t, filepath.Join(t.TempDir(), "storyhidden.db")))
	db.Now = func() time.Time { return now }
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const a, b = "http://127.0.0.1:9/a", "http://127.0.0.1:9/b"
	db.SetSections([]newsdesk.Section{{ID: "s", Sources: []newsdesk.SectionSource{{URL: a}, {URL: b}}}})
	for i, src := range []string{a, b} {
		it := newsdesk.Item{Key: "guid:" + src, GUID: src, Title: "Le pont ferme pour travaux", Link: "http://127.0.0.1/pont",
			CanonicalLink: "http://127.0.0.1/pont", ContentHash: src, Published: now.Add(-time.Duration(2-i) * time.Hour)}
		if _, err := db.SaveFetch(ctx, storage.Fetch{Source: newsdesk.Source{URL: src, Sections: []string{"s"}}, Items: []newsdesk.Item{it}}); err != nil {
			t.Fatal(err)
		}
	}
	filed := func() map[string]storage.Filed {
		t.Helper()
		out := map[string]storage.Filed{}
		for _, ref := range []string{"1", "2"} {
			fs, err := db.FindItems(ctx, "s", ref)
			if err != nil {
				t.Fatal(err)
			}
			out[fs[0].State] = fs[0]
		}
		return out
	}
	before := filed()
	rep, dup := before[storage.StateIn], before[storage.StateDuplicate]
	if rep.ID == 0 || dup.ID == 0 || dup.Rep != rep.ID || rep.StoryHidden || dup.StoryHidden {
		t.Fatalf("before hiding: %+v", before)
	}
	// Hide the story through its duplicate.
	if _, err := db.Edit(ctx, "s", dup.ID, storage.EditorAction{Kind: "hide", Who: "test"}); err != nil {
		t.Fatal(err)
	}
	after := filed()
	if h, d := after[storage.StateHidden], after[storage.StateDuplicate]; h.ID == 0 || !h.StoryHidden || d.ID == 0 || !d.StoryHidden {
		t.Fatalf("after hiding: %+v", after)
	}
	if _, err := db.Edit(ctx, "s", dup.ID, storage.EditorAction{Kind: "unhide", Who: "test"}); err != nil {
		t.Fatal(err)
	}
	for state, f := range filed() {
		if f.StoryHidden {
			t.Errorf("after unhide, the %s report still says its story is hidden: %+v", state, f)
		}
	}
	if err := db.CheckInvariants(ctx); err != nil {
		t.Fatal(err)
	}
}
