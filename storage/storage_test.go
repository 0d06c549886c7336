package storage

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"newsdesk"
)

var t0 = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func openTest(t testing.TB, sections ...newsdesk.Section) (*DB, *clock) {
	t.Helper()
	c := &clock{t: t0}
	db := New(testPath(t, filepath.Join(t.TempDir(), "test.db")))
	db.Now = c.now
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.CheckInvariants(context.Background()); err != nil && !strings.Contains(err.Error(), "database is closed") {
			t.Errorf("invariants: %v", err)
		}
		db.Close()
	})
	db.SetSections(sections)
	return db, c
}

func section(id string, sources ...string) newsdesk.Section {
	s := newsdesk.Section{ID: id, Title: id, Limit: 50}
	for _, u := range sources {
		s.Sources = append(s.Sources, newsdesk.SectionSource{URL: u})
	}
	return s
}

func source(url string, sections ...string) newsdesk.Source {
	return newsdesk.Source{URL: url, Sections: sections}
}

func item(key, title string, published time.Time) newsdesk.Item {
	link := "https://news.example/" + key
	return newsdesk.Item{
		Key: "guid:" + key, GUID: key, Title: title, Link: link, CanonicalLink: link,
		Summary: "Summary of " + title, ContentHTML: "<p>" + title + "</p>",
		Published: published, ContentHash: "h-" + key + "-" + title,
		Authors: []string{"Ada"}, Categories: []string{"Politique"},
	}
}

func save(t testing.TB, db *DB, src newsdesk.Source, items ...newsdesk.Item) Outcome {
	t.Helper()
	out, err := db.SaveFetch(context.Background(), Fetch{Source: src, State: newsdesk.SourceState{ETag: `"v1"`}, Items: items})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func titles(t testing.TB, db *DB, sec string, page newsdesk.Page) []string {
	t.Helper()
	items, err := db.SectionItems(context.Background(), sec, page)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, it := range items {
		out = append(out, it.Title)
	}
	return out
}

func TestInsertIdempotentAndUpdateInPlace(t *testing.T) {
	const src = "https://a.example/feed"
	db, c := openTest(t, section("news", src))
	s := source(src, "news")
	first := []newsdesk.Item{item("1", "One", t0.Add(-2*time.Hour)), item("2", "Two", t0.Add(-time.Hour))}
	out := save(t, db, s, first...)
	if out.New != 2 || out.Sections["news"].In != 2 {
		t.Fatalf("first save: %+v %+v", out, out.Sections["news"])
	}
	if len(out.Changed) != 1 || out.Changed[0] != "news" {
		t.Fatalf("changed = %v, want [news]", out.Changed)
	}

	c.t = t0.Add(time.Hour)
	out = save(t, db, s, first...)
	if out.New != 0 || out.Unchanged != 2 || len(out.Changed) != 0 {
		t.Fatalf("same items again: %+v", out)
	}

	c.t = t0.Add(2 * time.Hour)
	changed := item("1", "One, updated", t0.Add(-2*time.Hour))
	out = save(t, db, s, changed, first[1])
	if out.Updated != 1 || out.New != 0 {
		t.Fatalf("update: %+v", out)
	}
	items, err := db.SectionItems(context.Background(), "news", newsdesk.Page{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 {
		t.Fatalf("got %d items, want 2", len(items))
	}
	if got, want := items[1].Title, "One, updated"; got != want {
		t.Fatalf("title = %q, want %q", got, want)
	}
	if got, want := items[1].SortAt, t0.Add(-2*time.Hour); !got.Equal(want) {
		t.Fatalf("sort date moved on update: %v, want %v", got, want)
	}
	if got, want := items[1].ModifiedAt, t0.Add(2*time.Hour); !got.Equal(want) {
		t.Fatalf("modified = %v, want %v", got, want)
	}
	if got, want := items[1].FirstSeen, t0; !got.Equal(want) {
		t.Fatalf("first seen = %v, want %v", got, want)
	}
	st, err := db.SourceState(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if st.ETag != `"v1"` || st.ItemsStored != 2 {
		t.Fatalf("state = %+v", st)
	}
}

func TestSectionOrderLimitAndPaging(t *testing.T) {
	const src = "https://a.example/feed"
	db, _ := openTest(t, section("news", src))
	var items []newsdesk.Item
	for i := range 7 {
		items = append(items, item(fmt.Sprint(i), fmt.Sprintf("Story %d", i), t0.Add(-time.Duration(10-i)*time.Hour)))
	}
	save(t, db, source(src, "news"), items...)
	if got, want := strings.Join(titles(t, db, "news", newsdesk.Page{Limit: 3}), ","), "Story 6,Story 5,Story 4"; got != want {
		t.Fatalf("page 1 = %s, want %s", got, want)
	}
	page1, _ := db.SectionItems(context.Background(), "news", newsdesk.Page{Limit: 3})
	last := page1[len(page1)-1]
	cur := &newsdesk.Cursor{SortAt: last.SortAt, Ord: last.Ord}
	if got, want := strings.Join(titles(t, db, "news", newsdesk.Page{Limit: 3, Before: cur}), ","), "Story 3,Story 2,Story 1"; got != want {
		t.Fatalf("page 2 = %s, want %s", got, want)
	}
}

func TestSortDateRules(t *testing.T) {
	const src = "https://a.example/feed"
	db, c := openTest(t, section("news", src))
	s := source(src, "news")
	// First fetch: the backlog keeps its dates, undated items take first-seen.
	save(t, db, s, item("old", "Old", t0.Add(-30*24*time.Hour)), item("nodate", "No date", time.Time{}))
	c.t = t0.Add(time.Hour)
	// Later: a backdated newcomer is floored at a day before first-seen; a
	// future-dated one is clamped to first-seen.
	save(t, db, s, item("back", "Backdated", t0.Add(-90*24*time.Hour)), item("future", "Future", t0.Add(5*time.Hour)))
	items, err := db.SectionItems(context.Background(), "news", newsdesk.Page{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]time.Time{}
	for _, it := range items {
		got[it.Title] = it.SortAt
	}
	want := map[string]time.Time{
		"Old": t0.Add(-30 * 24 * time.Hour), "No date": t0,
		"Backdated": c.t.Add(-24 * time.Hour), "Future": c.t,
	}
	for k, w := range want {
		if !got[k].Equal(w) {
			t.Errorf("sort date of %s = %v, want %v", k, got[k], w)
		}
	}
}

func TestFiltersAndExplain(t *testing.T) {
	const src = "https://a.example/feed"
	sec := section("news", src)
	sec.Exclude = []newsdesk.Rule{{Pattern: regexp.MustCompile(`(?i)sponsoris`)}}
	sec.Sources[0].Categories = []string{"politique"}
	db, _ := openTest(t, sec)
	kept := item("1", "Le budget adopté", t0)
	sponsored := item("2", "Contenu sponsorisé : une banque", t0)
	other := item("3", "Match de football", t0)
	other.Categories = []string{"Sport"}
	out := save(t, db, source(src, "news"), kept, sponsored, other)
	if c := out.Sections["news"]; c.In != 1 || c.Filtered != 2 {
		t.Fatalf("counts = %+v, want 1 in, 2 filtered", c)
	}
	ds, err := db.Explain(context.Background(), "news", 10)
	if err != nil {
		t.Fatal(err)
	}
	reasons := map[string]string{}
	for _, d := range ds {
		reasons[d.Title] = d.State + ": " + d.Reason
	}
	if got := reasons["Contenu sponsorisé : une banque"]; got != "filtered: exclude: (?i)sponsoris" {
		t.Errorf("sponsored: %q", got)
	}
	if got := reasons["Match de football"]; !strings.HasPrefix(got, "filtered: categories:") {
		t.Errorf("sport: %q", got)
	}
	if got := reasons["Le budget adopté"]; got != "in: " {
		t.Errorf("kept: %q", got)
	}
}

func TestDuplicatesAcrossSources(t *testing.T) {
	const a, b, c = "https://a.example/feed", "https://b.example/feed", "https://c.example/feed"
	sec := section("news", a, b, c)
	sec.Sources[2].Priority = 5
	db, _ := openTest(t, sec)

	story := item("x", "Le Sénat adopte le budget", t0)
	save(t, db, source(a, "news"), story)

	// Same canonical link from another source: a duplicate, named as related.
	copyB := item("y", "Budget : le Sénat dit oui", t0)
	copyB.Link = story.Link + "?utm_source=rss"
	copyB.CanonicalLink = story.CanonicalLink
	out := save(t, db, source(b, "news"), copyB)
	if got := out.Sections["news"].Duplicate; got != 1 {
		t.Fatalf("duplicates = %d, want 1", got)
	}
	items, _ := db.SectionItems(context.Background(), "news", newsdesk.Page{Limit: 10})
	if len(items) != 1 || items[0].Title != story.Title || len(items[0].Related) != 1 {
		t.Fatalf("items = %+v", items)
	}
	if got, want := items[0].Related[0].SourceTitle, "b.example"; got != want {
		t.Fatalf("related source = %q, want %q", got, want)
	}

	// Same title, other link, from a higher-priority source: it now represents the story.
	prio := item("z", "Le Sénat adopte le budget !", t0.Add(time.Minute))
	out = save(t, db, source(c, "news"), prio)
	if got := out.Sections["news"].Duplicate; got != 1 {
		t.Fatalf("duplicates = %d, want 1", got)
	}
	items, _ = db.SectionItems(context.Background(), "news", newsdesk.Page{Limit: 10})
	if len(items) != 1 || items[0].SourceURL != c || len(items[0].Related) != 2 {
		t.Fatalf("after priority source: %d items, first from %s with %d related", len(items), items[0].SourceURL, len(items[0].Related))
	}
}

func TestPruneRemembersSeen(t *testing.T) {
	const src = "https://a.example/feed"
	db, c := openTest(t, section("news", src))
	s := source(src, "news")
	old := item("old", "Old story", t0.Add(-40*24*time.Hour))
	fresh := item("fresh", "Fresh story", t0)
	save(t, db, s, old, fresh)
	n, err := db.Prune(context.Background(), 30*24*time.Hour, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Fatalf("pruned %d, want 1", n)
	}
	c.t = t0.Add(time.Hour)
	out := save(t, db, s, old, fresh)
	if out.New != 0 || out.Seen != 1 {
		t.Fatalf("refetch after prune: %+v", out)
	}
	if got := titles(t, db, "news", newsdesk.Page{Limit: 10}); len(got) != 1 || got[0] != "Fresh story" {
		t.Fatalf("titles = %v", got)
	}
	// max_items trims each section.
	var many []newsdesk.Item
	for i := range 5 {
		many = append(many, item(fmt.Sprint("m", i), fmt.Sprint("Many ", i), c.t.Add(-time.Duration(i)*time.Minute)))
	}
	save(t, db, s, many...)
	if _, err := db.Prune(context.Background(), 0, 3); err != nil {
		t.Fatal(err)
	}
	if got := titles(t, db, "news", newsdesk.Page{Limit: 10}); len(got) != 3 {
		t.Fatalf("after max_items=3: %v", got)
	}
	if res, err := db.Check(context.Background()); err != nil || res != "ok" {
		t.Fatalf("integrity: %q %v", res, err)
	}
}

func TestSaveFetchIsAtomic(t *testing.T) {
	const src = "https://a.example/feed"
	db, _ := openTest(t, section("news", src))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := db.SaveFetch(ctx, Fetch{Source: source(src, "news"), State: newsdesk.SourceState{ETag: `"new"`},
		Items: []newsdesk.Item{item("1", "One", t0)}})
	if err == nil {
		t.Fatal("SaveFetch with a cancelled context succeeded")
	}
	st, err := db.SourceState(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if st.ETag != "" {
		t.Fatalf("validators stored without their items: etag %q", st.ETag)
	}
	if got := titles(t, db, "news", newsdesk.Page{Limit: 10}); len(got) != 0 {
		t.Fatalf("items stored: %v", got)
	}
}

func TestReconcileFillsNewSections(t *testing.T) {
	const src = "https://a.example/feed"
	db, _ := openTest(t, section("news", src))
	save(t, db, source(src, "news"), item("1", "One", t0), item("2", "Two", t0.Add(time.Minute)))
	// A reload adds a section listing the same source.
	db.SetSections([]newsdesk.Section{section("news", src), section("extra", src)})
	changed, err := db.Reconcile(context.Background(), []newsdesk.Source{source(src, "news", "extra")})
	if err != nil {
		t.Fatal(err)
	}
	if len(changed) != 1 || changed[0] != "extra" {
		t.Fatalf("changed = %v, want [extra]", changed)
	}
	if got := titles(t, db, "extra", newsdesk.Page{Limit: 10}); strings.Join(got, ",") != "Two,One" {
		t.Fatalf("extra = %v", got)
	}
	// Nothing to do the second time.
	if changed, err := db.Reconcile(context.Background(), []newsdesk.Source{source(src, "news", "extra")}); err != nil || len(changed) != 0 {
		t.Fatalf("second reconcile: %v %v", changed, err)
	}
}

// TestFetchFiledUnderTheCurrentConfig checks that a fetch built under the
// config before a reload (its Source lists the old sections) is filed
// under the config that holds when it is saved: the section the reload
// gave the source gets its new items, and the section that no longer
// lists it gets none.
func TestFetchFiledUnderTheCurrentConfig(t *testing.T) {
	const src = "https://a.example/feed"
	db, _ := openTest(t, section("news", src), section("old", src))
	save(t, db, source(src, "news", "old"), item("1", "One", t0))
	// The reload: "old" drops the source, "extra" lists it. The fetch in
	// flight still carries the sections it started with.
	db.SetSections([]newsdesk.Section{section("news", src), section("old"), section("extra", src)})
	out := save(t, db, source(src, "news", "old"), item("2", "Two", t0.Add(time.Minute)))
	if _, ok := out.Sections["extra"]; !ok {
		t.Errorf("outcome sections %v: no extra", out.Sections)
	}
	if _, ok := out.Sections["old"]; ok {
		t.Errorf("outcome sections %v: old is still counted", out.Sections)
	}
	if got := titles(t, db, "extra", newsdesk.Page{Limit: 10}); strings.Join(got, ",") != "Two" {
		t.Fatalf("extra = %v, want the new item", got)
	}
	if got := titles(t, db, "old", newsdesk.Page{Limit: 10}); strings.Join(got, ",") != "One" {
		t.Fatalf("old = %v, want only what it had before the reload", got)
	}
	if got := titles(t, db, "news", newsdesk.Page{Limit: 10}); strings.Join(got, ",") != "Two,One" {
		t.Fatalf("news = %v", got)
	}
}

// TestReconcileSeesAFetchThatRacedTheReload checks the reload race: the
// first fetch of a source, filed under the config before the reload,
// commits after Reconcile read the source through the read pool (and
// found no row). Reconcile must still file its items into the section
// the reload added.
func TestReconcileSeesAFetchThatRacedTheReload(t *testing.T) {
	const src = "https://a.example/feed"
	before := []newsdesk.Section{section("news", src)}
	after := []newsdesk.Section{section("news", src), section("extra", src)}
	db, _ := openTest(t, before...)
	db.SetSections(after)
	raced := false
	testHookReconcileRead = func(url string) {
		if raced || url != src {
			return
		}
		raced = true
		// The fetch was built and filed under the old config; it commits
		// now, between Reconcile's read and its decision.
		db.SetSections(before)
		save(t, db, source(src, "news"), item("1", "One", t0))
		db.SetSections(after)
	}
	t.Cleanup(func() { testHookReconcileRead = nil })
	changed, err := db.Reconcile(context.Background(), []newsdesk.Source{source(src, "news", "extra")})
	if err != nil {
		t.Fatal(err)
	}
	if !raced {
		t.Fatal("the hook did not run")
	}
	if len(changed) != 1 || changed[0] != "extra" {
		t.Fatalf("changed = %v, want [extra]", changed)
	}
	if got := titles(t, db, "extra", newsdesk.Page{Limit: 10}); strings.Join(got, ",") != "One" {
		t.Fatalf("extra = %v, want the raced fetch's item", got)
	}
}

// TestEmptySectionDatedByItsFirstFetch checks that a section whose sources
// never published anything is dated by their first successful fetch, and
// that later fetches do not move the date.
func TestEmptySectionDatedByItsFirstFetch(t *testing.T) {
	const src = "https://a.example/feed"
	db, c := openTest(t, section("news", src))
	ok := newsdesk.SourceState{LastSuccess: t0, Status: 200}
	if _, err := db.SaveFetch(context.Background(), Fetch{Source: source(src, "news"), State: newsdesk.SourceState{Error: "HTTP 500", Status: 500}}); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.SectionChanged(context.Background(), "news"); !got.IsZero() {
		t.Fatalf("dated %v by a failed fetch", got)
	}
	if _, err := db.SaveFetch(context.Background(), Fetch{Source: source(src, "news"), State: ok}); err != nil {
		t.Fatal(err)
	}
	c.t = t0.Add(time.Hour)
	ok.LastSuccess = c.t
	if _, err := db.SaveFetch(context.Background(), Fetch{Source: source(src, "news"), State: ok}); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.SectionChanged(context.Background(), "news"); !got.Equal(t0) {
		t.Fatalf("empty section dated %v, want its first fetch %v", got, t0)
	}
}
