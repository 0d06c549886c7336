// Package curatetest is the conformance suite of the curation engine over
// a storage backend: every backend runs Run, and every case ends with the
// backend's invariant check. It drives the backend only through Backend,
// the way the daemon does (store fetches, read sections, prune), so the
// same cases hold whatever stores the decisions.
package curatetest

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"newsdesk"
	"newsdesk/curate"
	"newsdesk/feedgen"
)

// Backend is what the suite needs of a storage backend.
type Backend interface {
	// Save stores one fetch of src: its items, deduplicated and filed.
	Save(ctx context.Context, src newsdesk.Source, items []newsdesk.Item) error
	// Items returns the first page of a section's feed.
	Items(ctx context.Context, section string, limit int) ([]newsdesk.Item, error)
	// Prune applies retention.
	Prune(ctx context.Context, maxAge time.Duration, maxItems int) (int, error)
	// CheckInvariants verifies the engine's invariants over what is stored.
	CheckInvariants(ctx context.Context) error
	// Edit applies an editor's action to the item with link link in
	// section (who: "suite").
	Edit(ctx context.Context, section, link string, a curate.Action) error
	// Reapply replaces the sections and applies their rules again to the
	// stored items, as serve does at start and after a reload.
	Reapply(ctx context.Context, sections []newsdesk.Section) error
	Close() error
}

// Open opens the backend whose data lives under dir (the same dir opens
// the same data: a second process), with the sections and clock given.
type Open func(t *testing.T, dir string, sections []newsdesk.Section, now func() time.Time) Backend

// T0 is the suite's "now".
var T0 = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

// Run runs every case of the suite against the backend open opens.
func Run(t *testing.T, open Open) {
	t.Run("OrderIndependence", func(t *testing.T) { testOrderIndependence(t, open) })
	t.Run("RetentionKeepsStoriesWhole", func(t *testing.T) { testRetention(t, open) })
	t.Run("PrunedIDsAreNotReused", func(t *testing.T) { testPrunedIDs(t, open) })
	t.Run("HiddenStoryStaysOut", func(t *testing.T) { testHidden(t, open) })
	t.Run("HiddenStorySurvivesRetention", func(t *testing.T) { testHiddenRetention(t, open) })
	t.Run("PinOrdersFirstUntilExpiry", func(t *testing.T) { testPin(t, open) })
	t.Run("RulesApplyToStoredItems", func(t *testing.T) { testReapply(t, open) })
	t.Run("EachRuleAppliesToStoredItems", func(t *testing.T) { testReapplyEachRule(t, open) })
}

// words returns n pseudo-words from a fixed vocabulary, starting at word
// from: two texts share exactly the words their ranges share.
func Words(from, n int) string {
	syl := []string{"ka", "lo", "mi", "ne", "su", "ra", "to", "vi", "de", "po", "lu", "ze", "fa", "gi", "bo", "chu"}
	var b strings.Builder
	for i := from; i < from+n; i++ {
		x := i*7919 + 104729
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		for k := 0; k < 3; k++ {
			b.WriteString(syl[x%len(syl)])
			x /= len(syl)
		}
		b.WriteString(syl[(i/5)%len(syl)])
	}
	return b.String()
}

// report builds an item of a source: its text is words(from, n).
func report(src, key, title string, from, n int, published time.Time) newsdesk.Item {
	link := src + "/" + key + ".html"
	text := Words(from, n)
	return newsdesk.Item{
		SourceURL: src, Key: "guid:" + key, GUID: key, Title: title, Link: link, CanonicalLink: link,
		Summary: text, Lead: text, ContentHTML: "<p>" + text + "</p>", Published: published,
		ContentHash: key + "|" + title + "|" + text,
	}
}

// Fetch is one fetch of one source in a fixture.
type Fetch struct {
	Source string
	Items  []newsdesk.Item
}

// OrderFixture returns four sources of one section whose reports form:
// a chain A≈B≈C with A≉C (three sources, one story through the middle
// report), a one-line digest sharing the article's link, one story told
// 30 and 60 hours apart through an intermediate report, and an item its
// source updates after the first fetch (the update is the last fetch).
func OrderFixture() (newsdesk.Section, []Fetch, Fetch) {
	const a, b, c, d = "http://127.0.0.1:9/a", "http://127.0.0.1:9/b", "http://127.0.0.1:9/c", "http://127.0.0.1:9/d"
	sec := newsdesk.Section{ID: "news", Title: "News", Language: "fr", Limit: 50}
	for _, u := range []string{a, b, c, d} {
		sec.Sources = append(sec.Sources, newsdesk.SectionSource{URL: u})
	}
	t := T0.Add(-70 * time.Hour)
	chainA := report(a, "chain", "Le conseil adopte le plan de la ville", 0, 80, t.Add(time.Hour))
	chainB := report(b, "chain", "Plan municipal : feu vert du conseil", 40, 80, t.Add(2*time.Hour))
	chainC := report(c, "chain", "La ville lance son plan apres le vote", 80, 80, t.Add(3*time.Hour))
	article := report(a, "article", "Les routes fermees pour la course cycliste", 1000, 150, t.Add(5*time.Hour))
	digest := report(d, "digest", "Course : routes fermees", 1000, 20, t.Add(4*time.Hour))
	digest.Link, digest.CanonicalLink = article.Link, article.CanonicalLink
	early := report(b, "slow", "Le port attend les navires du nord", 2000, 90, t)
	middle := report(c, "slow", "Les navires du nord arrivent au port", 2040, 90, t.Add(30*time.Hour))
	late := report(d, "slow", "Au port, les navires du nord repartent", 2080, 90, t.Add(60*time.Hour))
	own1 := report(a, "own1", "Resultats du match de samedi soir", 3000, 60, t.Add(10*time.Hour))
	own2 := report(a, "own2", "Resultats du match de dimanche soir", 3000, 60, t.Add(11*time.Hour))
	lone := report(b, "lone", "Une exposition ouvre au musee des arts", 4000, 70, t.Add(12*time.Hour))
	// Two full reports of one story at the same minute: the stable key
	// decides, never the arrival.
	twinC := report(c, "twin", "Le tram revient en centre ville", 6000, 70, t.Add(20*time.Hour))
	twinD := report(d, "twin", "Retour du tram au centre", 6000, 70, t.Add(20*time.Hour))
	fetches := []Fetch{
		{a, []newsdesk.Item{chainA, article, own1, own2}},
		{b, []newsdesk.Item{chainB, early, lone}},
		{c, []newsdesk.Item{chainC, middle, twinC}},
		{d, []newsdesk.Item{digest, late, twinD}},
	}
	// B rewrites its chain report into another story (the chain loses its
	// middle: A and C part), and its lone item into a retelling of A's
	// match report (it joins one of A's two templated items, never both).
	changed := report(b, "chain", "Un autre sujet entierement", 5000, 80, t.Add(2*time.Hour))
	joined := report(b, "lone", "Le match de samedi raconte par B", 3000, 60, t.Add(12*time.Hour))
	update := Fetch{b, []newsdesk.Item{changed, early, joined}}
	return sec, fetches, update
}

// Permutations returns every order of 0..n-1.
func Permutations(n int) [][]int {
	if n == 1 {
		return [][]int{{0}}
	}
	var out [][]int
	for _, p := range Permutations(n - 1) {
		for i := 0; i <= len(p); i++ {
			q := append(append(append([]int{}, p[:i]...), n-1), p[i:]...)
			out = append(out, q)
		}
	}
	return out
}

// render is what subscribers of the section receive: the Atom feed (its
// bytes depend only on what is stored and the config).
func render(t *testing.T, ctx context.Context, be Backend, sec *newsdesk.Section) []byte {
	t.Helper()
	items, err := be.Items(ctx, sec.ID, sec.Limit)
	if err != nil {
		t.Fatal(err)
	}
	out, err := feedgen.Atom(sec, items, feedgen.Options{BaseURL: "http://127.0.0.1:8080"}, feedgen.PageLinks{})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// summary lists the published items and their related reports, for a
// readable failure.
func summary(t *testing.T, ctx context.Context, be Backend, sec *newsdesk.Section) string {
	items, err := be.Items(ctx, sec.ID, sec.Limit)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, it := range items {
		fmt.Fprintf(&b, "%s %s", it.SourceURL, it.Key)
		for _, r := range it.Related {
			fmt.Fprintf(&b, " +%s", r.Link)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// testOrderIndependence stores the fixture's fetches in every order, each
// fetch through its own opening of the backend (its own process), and
// requires byte-identical feeds; then checks what the feed must hold.
func testOrderIndependence(t *testing.T, open Open) {
	sec, fetches, update := OrderFixture()
	ctx := context.Background()
	var want, wantBefore []byte
	var wantOrder []int
	var wantSummary, beforeSummary string
	for _, perm := range Permutations(len(fetches)) {
		dir := t.TempDir()
		var before []byte
		var beforeS string
		// Every fetch at one clock time: first-seen dates (what an item's
		// updated date falls back to) are then equal, and nothing but the
		// order of arrival differs between permutations.
		now := func() time.Time { return T0 }
		for step, i := range append(perm, -1) {
			f := update
			if i < 0 {
				be := open(t, dir, []newsdesk.Section{sec}, now)
				before, beforeS = render(t, ctx, be, &sec), summary(t, ctx, be, &sec)
				be.Close()
			} else {
				f = fetches[i]
			}
			be := open(t, dir, []newsdesk.Section{sec}, now)
			src := newsdesk.Source{URL: f.Source, Title: "Source " + strings.ToUpper(f.Source[len(f.Source)-1:]), Sections: []string{sec.ID}}
			if err := be.Save(ctx, src, f.Items); err != nil {
				t.Fatal(err)
			}
			if err := be.CheckInvariants(ctx); err != nil {
				t.Fatalf("order %v, step %d: %v", perm, step, err)
			}
			be.Close()
		}
		be := open(t, dir, []newsdesk.Section{sec}, now)
		got := render(t, ctx, be, &sec)
		s := summary(t, ctx, be, &sec)
		be.Close()
		if want == nil {
			want, wantBefore, wantOrder, wantSummary, beforeSummary = got, before, perm, s, beforeS
			continue
		}
		if !bytes.Equal(before, wantBefore) {
			t.Fatalf("before the update, order %v gives another feed than order %v:\n%s\nwant:\n%s\n%s", perm, wantOrder, beforeS, beforeSummary, firstDiff(before, wantBefore))
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("order %v gives another feed than order %v:\n%s\nwant:\n%s\n%s", perm, wantOrder, s, wantSummary, firstDiff(got, want))
		}
	}
	// What the feed holds, whatever the order.
	find := func(summary, src, key string) string {
		for _, l := range strings.Split(summary, "\n") {
			if strings.HasPrefix(l, "http://127.0.0.1:9/"+src+" guid:"+key) {
				return l
			}
		}
		return ""
	}
	before := func(src, key string) string { return find(beforeSummary, src, key) }
	after := func(src, key string) string { return find(wantSummary, src, key) }
	checks := []struct {
		what string
		ok   bool
	}{
		{"the chain A≈B≈C is one story, represented by A (the earliest)", strings.Count(before("a", "chain"), " +") == 2},
		{"the article represents its story over the digest sharing its link", strings.Contains(before("a", "article"), "+http://127.0.0.1:9/a/article.html")},
		{"the story told 30 and 60 hours apart is one, through the middle report", strings.Count(before("b", "slow"), " +") == 2},
		{"a source's two templated items stay two", before("a", "own1") != "" && before("a", "own2") != ""},
		{"the chain parts when its middle report changes", after("a", "chain") != "" && after("b", "chain") != "" && after("c", "chain") != ""},
		{"the rewritten item joins one of the templated items", strings.Count(after("a", "own1")+after("a", "own2"), "+") == 1},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s; feed before the update:\n%s\nafter:\n%s", c.what, beforeSummary, wantSummary)
		}
	}
	if n := strings.Count(beforeSummary, "\n"); n != 7 {
		t.Errorf("feed before the update has %d items, want 7:\n%s", n, beforeSummary)
	}
	if n := strings.Count(wantSummary, "\n"); n != 8 {
		t.Errorf("feed after the update has %d items, want 8:\n%s", n, wantSummary)
	}
}

// testRetention prunes at a max_items boundary inside a story and past
// the representative's age, then refetches: stories keep a live
// representative and every fetch succeeds.
func testRetention(t *testing.T, open Open) {
	const a, b = "http://127.0.0.1:9/ra", "http://127.0.0.1:9/rb"
	sec := newsdesk.Section{ID: "news", Title: "News", Limit: 50, Sources: []newsdesk.SectionSource{{URL: a}, {URL: b}}}
	ctx := context.Background()
	dir := t.TempDir()
	now := T0
	be := open(t, dir, []newsdesk.Section{sec}, func() time.Time { return now })
	defer func() { be.Close() }()
	// The representative is older than its duplicate; fillers make the
	// max_items boundary fall between them.
	rep := report(a, "rep", "Le budget adopte par le parlement", 0, 80, T0.Add(-10*time.Hour))
	dup := report(b, "dup", "Budget : le parlement dit oui", 20, 80, T0.Add(-time.Hour))
	var fillers []newsdesk.Item
	for i := range 3 {
		fillers = append(fillers, report(b, fmt.Sprint("f", i), fmt.Sprintf("Autre nouvelle numero %d du jour", i), 1000+200*i, 60, T0.Add(-time.Duration(2+i)*time.Hour)))
	}
	save := func(src string, items ...newsdesk.Item) {
		t.Helper()
		if err := be.Save(ctx, newsdesk.Source{URL: src, Sections: []string{"news"}}, items); err != nil {
			t.Fatalf("save %s: %v", src, err)
		}
		if err := be.CheckInvariants(ctx); err != nil {
			t.Fatal(err)
		}
	}
	save(a, rep)
	save(b, append([]newsdesk.Item{dup}, fillers...)...)
	items, _ := be.Items(ctx, "news", 50)
	if len(items) != 4 {
		t.Fatalf("before pruning: %d items, want 4 (the story and three fillers)", len(items))
	}
	// Four section rows kept: the duplicate stays, its representative goes.
	if _, err := be.Prune(ctx, 0, 4); err != nil {
		t.Fatal(err)
	}
	if err := be.CheckInvariants(ctx); err != nil {
		t.Fatalf("after max_items: %v", err)
	}
	items, _ = be.Items(ctx, "news", 50)
	if len(items) != 4 || !slices.ContainsFunc(items, func(it newsdesk.Item) bool { return it.Key == "guid:dup" }) {
		t.Fatalf("after max_items: %d items, want the duplicate promoted beside the three fillers", len(items))
	}
	// A later fetch of the pruned representative's source still succeeds
	// (its link is remembered as pruned, the fetch stores its validators).
	save(a, rep)
	// max_age takes the rest but the newest.
	now = T0.Add(2 * time.Hour)
	if _, err := be.Prune(ctx, 150*time.Minute, 0); err != nil {
		t.Fatal(err)
	}
	if err := be.CheckInvariants(ctx); err != nil {
		t.Fatalf("after max_age: %v", err)
	}
	save(b, dup)
	save(a, rep)
}

// testPrunedIDs prunes the newest item, then another process stores one:
// ids are never reused, and the first process's near-duplicate look-up
// sees the new item (the change sequence, not the largest id).
func testPrunedIDs(t *testing.T, open Open) {
	const a, b = "http://127.0.0.1:9/pa", "http://127.0.0.1:9/pb"
	sec := newsdesk.Section{ID: "news", Title: "News", Limit: 50, Sources: []newsdesk.SectionSource{{URL: a}, {URL: b}}}
	ctx := context.Background()
	dir := t.TempDir()
	now := T0
	clock := func() time.Time { return now }
	serve := open(t, dir, []newsdesk.Section{sec}, clock)
	defer serve.Close()
	old := report(a, "old", "Une vieille nouvelle sans suite", 0, 60, T0.Add(-100*time.Hour))
	if err := serve.Save(ctx, newsdesk.Source{URL: a, Sections: []string{"news"}}, []newsdesk.Item{old}); err != nil {
		t.Fatal(err)
	}
	before, _ := serve.Items(ctx, "news", 50)
	if _, err := serve.Prune(ctx, 48*time.Hour, 0); err != nil {
		t.Fatal(err)
	}
	cron := open(t, dir, []newsdesk.Section{sec}, clock)
	story := report(a, "story", "Le maire presente son projet de budget", 500, 80, T0)
	if err := cron.Save(ctx, newsdesk.Source{URL: a, Sections: []string{"news"}}, []newsdesk.Item{story}); err != nil {
		t.Fatal(err)
	}
	cron.Close()
	after, _ := serve.Items(ctx, "news", 50)
	if len(before) != 1 || len(after) != 1 || after[0].ID <= before[0].ID {
		t.Fatalf("ids: before prune %v, after %v: a pruned id was given again", ids(before), ids(after))
	}
	// serve files a retelling from another source: it must find the story.
	retold := report(b, "retold", "Budget : le projet du maire", 500, 80, T0.Add(time.Hour))
	if err := serve.Save(ctx, newsdesk.Source{URL: b, Sections: []string{"news"}}, []newsdesk.Item{retold}); err != nil {
		t.Fatal(err)
	}
	final, _ := serve.Items(ctx, "news", 50)
	if len(final) != 1 || len(final[0].Related) != 1 {
		t.Fatalf("after the retelling: %d items (want 1 story with 1 related)", len(final))
	}
	if err := serve.CheckInvariants(ctx); err != nil {
		t.Fatal(err)
	}
}

// firstDiff shows where two renderings part.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-200)
	return fmt.Sprintf("got  …%s\nwant …%s", got[from:min(len(got), i+200)], want[from:min(len(want), i+200)])
}

func ids(items []newsdesk.Item) []int64 {
	var out []int64
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}
