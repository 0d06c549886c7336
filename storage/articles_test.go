package storage

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"newsdesk"
)

// TestUpgradeItem: an item's article text replaces its content in place,
// bumps the version of its section, survives refetches of an unchanged
// feed, gives way to the feed when the item changes there (which makes it
// pending again), and is refused for an item that changed since it was
// read.
func TestUpgradeItem(t *testing.T) {
	ctx := context.Background()
	db, clk := openTest(t, section("news", "https://wire.example/feed"))
	src := source("https://wire.example/feed", "news")
	it := item("a", "Bridge reopens", t0.Add(-time.Hour))
	it.Authors, it.Published = nil, time.Time{}
	save(t, db, src, it)

	pending, err := db.PendingArticles(ctx, src.URL, 10)
	if err != nil || len(pending) != 1 || pending[0].Changed {
		t.Fatalf("pending = %+v, %v", pending, err)
	}
	p := pending[0]
	before, _ := db.SectionVersions(ctx)
	up := Upgrade{ItemID: p.ID, FeedHash: "stale", URL: p.Link, Title: p.Title, ContentHTML: "<p>full</p>",
		Lead: strings.Repeat("bridge reopens after months of repair work ", 10), Words: 70,
		ImageURL: "https://wire.example/i.jpg", Authors: []string{"Byline"}, Published: t0.Add(-2 * time.Hour),
		Canonical: "https://wire.example/canonical"}
	if changed, err := db.UpgradeItem(ctx, up); err != nil || changed != nil {
		t.Fatalf("upgrade of a changed item: %v, %v; want nothing done", changed, err)
	}
	up.FeedHash = p.ContentHash
	changed, err := db.UpgradeItem(ctx, up)
	if err != nil || !slices.Equal(changed, []string{"news"}) {
		t.Fatalf("upgrade: %v, %v", changed, err)
	}
	after, _ := db.SectionVersions(ctx)
	if after["news"] != before["news"]+1 {
		t.Errorf("section version %d → %d, want one more", before["news"], after["news"])
	}
	got := sectionItem(t, db, "news")
	if got.ContentHTML != "<p>full</p>" || got.ImageURL != up.ImageURL || !slices.Equal(got.Authors, up.Authors) ||
		!got.Published.Equal(up.Published) || got.CanonicalLink != up.Canonical || got.ContentHash != p.ContentHash {
		t.Fatalf("upgraded item = %+v", got)
	}
	if pending, _ := db.PendingArticles(ctx, src.URL, 10); len(pending) != 0 {
		t.Fatalf("still pending after the upgrade: %+v", pending)
	}
	states, err := db.ArticleStates(ctx, []int64{p.ID})
	if err != nil || states[p.ID].String() != "full text (70 words)" {
		t.Fatalf("state %+v, %v", states, err)
	}

	// The same feed again: nothing changes.
	clk.t = clk.t.Add(time.Hour)
	save(t, db, src, it)
	if got := sectionItem(t, db, "news"); got.ContentHTML != "<p>full</p>" {
		t.Fatalf("an unchanged feed undid the upgrade: %q", got.ContentHTML)
	}
	// The item changes in its feed: the feed's text, and pending again.
	it2 := it
	it2.ContentHTML, it2.ContentHash = "<p>Bridge reopens on Monday</p>", "h-a-2"
	save(t, db, src, it2)
	if got := sectionItem(t, db, "news"); got.ContentHTML != it2.ContentHTML {
		t.Fatalf("changed item: %q, want the feed's new text", got.ContentHTML)
	}
	pending, _ = db.PendingArticles(ctx, src.URL, 10)
	if len(pending) != 1 || !pending[0].Changed {
		t.Fatalf("pending after the change = %+v", pending)
	}
}

func sectionItem(t *testing.T, db *DB, section string) (it struct {
	ContentHTML, ImageURL, CanonicalLink, ContentHash string
	Authors                                           []string
	Published                                         time.Time
}) {
	t.Helper()
	its, err := db.SectionItems(context.Background(), section, newsdesk.Page{Limit: 50})
	if err != nil || len(its) != 1 {
		t.Fatalf("section items: %d, %v", len(its), err)
	}
	x := its[0]
	it.ContentHTML, it.ImageURL, it.CanonicalLink, it.ContentHash, it.Authors, it.Published = x.ContentHTML, x.ImageURL, x.CanonicalLink, x.ContentHash, x.Authors, x.Published
	return it
}

// TestRecurringBlocks: a block is a site's furniture once it is on at
// least minPages pages and the share asked of the site's pages.
func TestRecurringBlocks(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	for _, page := range [][]string{{"nl", "a"}, {"nl", "b"}, {"nl", "c", "b"}, {"d"}} {
		if err := db.LearnBlocks(ctx, "site.example", page); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.RecurringBlocks(ctx, "site.example", []string{"nl", "a", "b", "d", "x"}, 3, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !got["nl"] {
		t.Fatalf("recurring = %v, want only nl (3 of 4 pages)", got)
	}
	if got, _ := db.RecurringBlocks(ctx, "other.example", []string{"nl"}, 3, 0.5); len(got) != 0 {
		t.Fatalf("another site = %v", got)
	}
}

// TestPruneArticles: an article no item links to any more goes once it is
// old enough; one still linked stays.
func TestPruneArticles(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t, section("news", "https://wire.example/feed"))
	src := source("https://wire.example/feed", "news")
	save(t, db, src, item("a", "Bridge reopens", t0.Add(-time.Hour)))
	p, _ := db.PendingArticles(ctx, src.URL, 10)
	old := t0.Add(-30 * 24 * time.Hour)
	for _, u := range []string{"https://news.example/a", "https://news.example/gone"} {
		if err := db.SaveArticle(ctx, Article{URL: u, HTML: "<p>x</p>", FetchedAt: old}); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.RecordArticle(ctx, ArticleDecision{ItemID: p[0].ID, URL: "https://news.example/a", FeedHash: p[0].ContentHash, State: ArticleKept, Reason: "x"}); err != nil {
		t.Fatal(err)
	}
	n, err := db.PruneArticles(ctx, t0.Add(-7*24*time.Hour))
	if err != nil || n != 1 {
		t.Fatalf("pruned %d, %v; want 1", n, err)
	}
	if _, ok, _ := db.StoredArticle(ctx, "https://news.example/a"); !ok {
		t.Fatal("a linked article was pruned")
	}
	if _, ok, _ := db.StoredArticle(ctx, "https://news.example/gone"); ok {
		t.Fatal("an unlinked article stayed")
	}
}
