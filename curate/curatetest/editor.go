package curatetest

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"newsdesk"
	"newsdesk/curate"
)

// editorFixture is one section of three sources: a story told by A and B
// (same link), and a lone report of each of A, B and C.
func editorFixture() (newsdesk.Section, []Fetch) {
	const a, b, c = "http://127.0.0.1:9/a", "http://127.0.0.1:9/b", "http://127.0.0.1:9/c"
	sec := newsdesk.Section{ID: "desk", Title: "Desk", Language: "fr", Limit: 50}
	for _, u := range []string{a, b, c} {
		sec.Sources = append(sec.Sources, newsdesk.SectionSource{URL: u})
	}
	t := T0.Add(-10 * time.Hour)
	storyA := report(a, "story", "Le pont ferme pour travaux cet hiver", 0, 80, t.Add(time.Hour))
	loneA := report(a, "lone", "Concours de photographie au jardin", 1000, 80, t.Add(2*time.Hour))
	loneB := report(b, "lone", "Sponsorise : une offre de voyage", 2000, 80, t.Add(3*time.Hour))
	loneC := report(c, "lone", "Le marche de noel ouvre samedi", 3000, 80, t.Add(4*time.Hour))
	return sec, []Fetch{{a, []newsdesk.Item{storyA, loneA}}, {b, []newsdesk.Item{loneB}}, {c, []newsdesk.Item{loneC}}}
}

func save(t *testing.T, ctx context.Context, be Backend, sec *newsdesk.Section, f Fetch) {
	t.Helper()
	src := newsdesk.Source{URL: f.Source, Title: "Source " + strings.ToUpper(f.Source[len(f.Source)-1:]), Sections: []string{sec.ID}}
	if err := be.Save(ctx, src, f.Items); err != nil {
		t.Fatal(err)
	}
	if err := be.CheckInvariants(ctx); err != nil {
		t.Fatal(err)
	}
}

// keys lists the published items as "source-letter/key", in feed order.
func keys(t *testing.T, ctx context.Context, be Backend, sec *newsdesk.Section) string {
	t.Helper()
	items, err := be.Items(ctx, sec.ID, sec.Limit)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, it := range items {
		out = append(out, it.SourceURL[len(it.SourceURL)-1:]+"/"+strings.TrimPrefix(it.Key, "guid:"))
	}
	return strings.Join(out, " ")
}

func edit(t *testing.T, ctx context.Context, be Backend, sec *newsdesk.Section, link string, a curate.Action) {
	t.Helper()
	if err := be.Edit(ctx, sec.ID, link, a); err != nil {
		t.Fatalf("%s %s: %v", a.Kind, link, err)
	}
	if err := be.CheckInvariants(ctx); err != nil {
		t.Fatalf("after %s %s: %v", a.Kind, link, err)
	}
}

// testHidden hides an item: its story leaves the feed, stays out when its
// source updates it and when another source reports it (even one that
// represents it by rank), and comes back, represented by rank, when the
// report that joined it is unhidden.
func testHidden(t *testing.T, open Open) {
	sec, fetches := editorFixture()
	ctx := context.Background()
	now := func() time.Time { return T0 }
	dir := t.TempDir()
	be := open(t, dir, []newsdesk.Section{sec}, now)
	for _, f := range fetches[:2] {
		save(t, ctx, be, &sec, f)
	}
	storyLink := "http://127.0.0.1:9/a/story.html"
	if got, want := keys(t, ctx, be, &sec), "b/lone a/lone a/story"; got != want {
		t.Fatalf("feed = %q, want %q", got, want)
	}
	edit(t, ctx, be, &sec, storyLink, curate.Action{Kind: curate.Hide})
	if got, want := keys(t, ctx, be, &sec), "b/lone a/lone"; got != want {
		t.Fatalf("after hide: feed = %q, want %q", got, want)
	}
	// The source updates the hidden item: it stays out.
	upd := fetches[0].Items[0]
	upd.Title, upd.ContentHash = "Le pont ferme pour travaux (mise a jour)", "updated"
	save(t, ctx, be, &sec, Fetch{fetches[0].Source, []newsdesk.Item{upd, fetches[0].Items[1]}})
	if got, want := keys(t, ctx, be, &sec), "b/lone a/lone"; got != want {
		t.Fatalf("after an update of the hidden item: feed = %q, want %q", got, want)
	}
	be.Close()
	// Another process, another source reporting the hidden story (its
	// text and title), with a priority that makes it the representative: the story
	// stays out.
	sec.Sources[2].Priority = 10
	be = open(t, dir, []newsdesk.Section{sec}, now)
	defer be.Close()
	second := report(fetches[2].Source, "story", upd.Title, 0, 80, T0.Add(-8*time.Hour)) // its own link, the same text
	save(t, ctx, be, &sec, Fetch{fetches[2].Source, append([]newsdesk.Item{second}, fetches[2].Items...)})
	if got, want := keys(t, ctx, be, &sec), "c/lone b/lone a/lone"; got != want {
		t.Fatalf("after a second report of the hidden story: feed = %q, want %q", got, want)
	}
	// Unhiding the second report brings the story back, represented by
	// the higher priority.
	edit(t, ctx, be, &sec, "http://127.0.0.1:9/c/story.html", curate.Action{Kind: curate.Unhide})
	items, err := be.Items(ctx, sec.ID, sec.Limit)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := keys(t, ctx, be, &sec), "c/lone b/lone a/lone c/story"; got != want {
		t.Fatalf("after unhide: feed = %q, want %q", got, want)
	}
	if last := items[len(items)-1]; len(last.Related) != 1 || last.Related[0].Link != storyLink {
		t.Fatalf("after unhide: the story's other report = %+v, want A's", last.Related)
	}
}

// testPin pins the oldest item: it comes first in the feed with its dates
// unchanged, appears once across pages, and goes back to its place when
// the pin expires or is removed.
func testPin(t *testing.T, open Open) {
	sec, fetches := editorFixture()
	ctx := context.Background()
	clock := T0
	now := func() time.Time { return clock }
	be := open(t, t.TempDir(), []newsdesk.Section{sec}, now)
	defer be.Close()
	for _, f := range fetches {
		save(t, ctx, be, &sec, f)
	}
	const natural = "c/lone b/lone a/lone a/story"
	if got := keys(t, ctx, be, &sec); got != natural {
		t.Fatalf("feed = %q, want %q", got, natural)
	}
	dates := map[string]time.Time{}
	items, _ := be.Items(ctx, sec.ID, sec.Limit)
	for _, it := range items {
		dates[it.Key] = it.SortAt
	}
	edit(t, ctx, be, &sec, "http://127.0.0.1:9/a/story.html", curate.Action{Kind: curate.Pin, Until: T0.Add(time.Hour)})
	if got, want := keys(t, ctx, be, &sec), "a/story c/lone b/lone a/lone"; got != want {
		t.Fatalf("after pin: feed = %q, want %q", got, want)
	}
	items, _ = be.Items(ctx, sec.ID, sec.Limit)
	if !items[0].SortAt.Equal(dates[items[0].Key]) || !items[0].Published.Equal(fetches[0].Items[0].Published) {
		t.Fatalf("the pinned item's dates changed: sort %v published %v", items[0].SortAt, items[0].Published)
	}
	clock = T0.Add(2 * time.Hour) // the pin expired
	if got := keys(t, ctx, be, &sec); got != natural {
		t.Fatalf("after the pin expired: feed = %q, want %q", got, natural)
	}
	clock = T0
	edit(t, ctx, be, &sec, "http://127.0.0.1:9/a/story.html", curate.Action{Kind: curate.Unpin})
	if got := keys(t, ctx, be, &sec); got != natural {
		t.Fatalf("after unpin: feed = %q, want %q", got, natural)
	}
}

// testReapply adds an exclude rule to a section with stored items: the
// matching item leaves (and a story it represented elects another
// representative); removing the rule gives back the very same feed.
func testReapply(t *testing.T, open Open) {
	sec, fetches := editorFixture()
	ctx := context.Background()
	now := func() time.Time { return T0 }
	be := open(t, t.TempDir(), []newsdesk.Section{sec}, now)
	defer be.Close()
	for _, f := range fetches {
		save(t, ctx, be, &sec, f)
	}
	// A second report of the story, from C, represented by A (earlier).
	second := report(fetches[2].Source, "story", "Travaux : le pont ferme", 500, 80, T0.Add(-8*time.Hour))
	second.Link, second.CanonicalLink = "http://127.0.0.1:9/a/story.html", "http://127.0.0.1:9/a/story.html"
	save(t, ctx, be, &sec, Fetch{fetches[2].Source, append([]newsdesk.Item{second}, fetches[2].Items...)})
	want := render(t, ctx, be, &sec)
	if got, w := keys(t, ctx, be, &sec), "c/lone b/lone a/lone a/story"; got != w {
		t.Fatalf("feed = %q, want %q", got, w)
	}
	excl := sec
	excl.Exclude = []newsdesk.Rule{{Pattern: regexp.MustCompile("(?i)sponsoris")}, {Field: "title", Pattern: regexp.MustCompile("^Le pont")}}
	if err := be.Reapply(ctx, []newsdesk.Section{excl}); err != nil {
		t.Fatal(err)
	}
	if err := be.CheckInvariants(ctx); err != nil {
		t.Fatal(err)
	}
	if got, w := keys(t, ctx, be, &sec), "c/lone a/lone c/story"; got != w {
		t.Fatalf("with the exclude rules: feed = %q, want %q", got, w)
	}
	if err := be.Reapply(ctx, []newsdesk.Section{sec}); err != nil {
		t.Fatal(err)
	}
	if err := be.CheckInvariants(ctx); err != nil {
		t.Fatal(err)
	}
	if got := render(t, ctx, be, &sec); !bytes.Equal(got, want) {
		t.Fatalf("without the rules again the feed differs:\n%s", firstDiff(got, want))
	}
}

// testHiddenRetention: when retention removes the hidden member of a
// story, the story's other report stays out.
func testHiddenRetention(t *testing.T, open Open) {
	sec, fetches := editorFixture()
	ctx := context.Background()
	now := func() time.Time { return T0 }
	be := open(t, t.TempDir(), []newsdesk.Section{sec}, now)
	defer be.Close()
	for _, f := range fetches {
		save(t, ctx, be, &sec, f)
	}
	story := fetches[0].Items[0] // T0-9h
	second := report(fetches[2].Source, "story", story.Title, 0, 80, T0.Add(-2*time.Hour))
	fresh := report(fetches[1].Source, "fresh", "Le musee rouvre ses salles", 7000, 80, T0.Add(-time.Hour))
	save(t, ctx, be, &sec, Fetch{fetches[2].Source, append([]newsdesk.Item{second}, fetches[2].Items...)})
	save(t, ctx, be, &sec, Fetch{fetches[1].Source, append([]newsdesk.Item{fresh}, fetches[1].Items...)})
	edit(t, ctx, be, &sec, story.Link, curate.Action{Kind: curate.Hide})
	if got, want := keys(t, ctx, be, &sec), "b/fresh c/lone b/lone a/lone"; got != want {
		t.Fatalf("after hide: feed = %q, want %q", got, want)
	}
	n, err := be.Prune(ctx, 5*time.Hour, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := be.CheckInvariants(ctx); err != nil {
		t.Fatal(err)
	}
	if got, want := keys(t, ctx, be, &sec), "b/fresh"; n != 4 || got != want {
		t.Fatalf("after pruning %d items (want 4, the hidden one among them): feed = %q, want %q", n, got, want)
	}
}

// testReapplyEachRule applies each kind of section rule to the stored
// items of a section, one at a time, as a reload would: include, a
// source's categories, max_age and source_cap each take out what they
// should, and going back to the rule-less section gives back the very
// same feed.
func testReapplyEachRule(t *testing.T, open Open) {
	sec, fetches := editorFixture()
	sec.Limit = 4
	fetches[0].Items[0].Categories = []string{"Travaux"}
	fetches[0].Items[1].Categories = []string{"Culture"}
	ctx := context.Background()
	now := func() time.Time { return T0 }
	be := open(t, t.TempDir(), []newsdesk.Section{sec}, now)
	defer be.Close()
	for _, f := range fetches {
		save(t, ctx, be, &sec, f)
	}
	const natural = "c/lone b/lone a/lone a/story"
	if got := keys(t, ctx, be, &sec); got != natural {
		t.Fatalf("feed = %q, want %q", got, natural)
	}
	want := render(t, ctx, be, &sec)
	cases := []struct {
		name string
		with func(s *newsdesk.Section)
		feed string
	}{
		{"include", func(s *newsdesk.Section) {
			s.Include = []newsdesk.Rule{{Field: "title", Pattern: regexp.MustCompile("(?i)concours|marche")}}
		}, "c/lone a/lone"},
		{"categories", func(s *newsdesk.Section) {
			s.Sources = append([]newsdesk.SectionSource(nil), s.Sources...)
			s.Sources[0].Categories = []string{"culture"}
		}, "c/lone b/lone a/lone"},
		{"max_age", func(s *newsdesk.Section) { s.MaxAge = 7*time.Hour + 30*time.Minute }, "c/lone b/lone"},
		// A's two items may take one place of four: its older one goes.
		{"source_cap", func(s *newsdesk.Section) { s.SourceCap = 0.25 }, "c/lone b/lone a/lone"},
	}
	for _, c := range cases {
		ruled := sec
		c.with(&ruled)
		if err := be.Reapply(ctx, []newsdesk.Section{ruled}); err != nil {
			t.Fatal(err)
		}
		if err := be.CheckInvariants(ctx); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := keys(t, ctx, be, &ruled); got != c.feed {
			t.Errorf("with %s: feed = %q, want %q", c.name, got, c.feed)
		}
		if err := be.Reapply(ctx, []newsdesk.Section{sec}); err != nil {
			t.Fatal(err)
		}
		if err := be.CheckInvariants(ctx); err != nil {
			t.Fatalf("without %s: %v", c.name, err)
		}
		if got := render(t, ctx, be, &sec); !bytes.Equal(got, want) {
			t.Errorf("without %s again the feed differs:\n%s", c.name, firstDiff(got, want))
		}
	}
}
