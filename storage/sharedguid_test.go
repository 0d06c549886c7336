package storage

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"newsdesk"
	"newsdesk/normalize"
)

// TestSharedGUIDKeepsIdentity: a feed that writes one guid for all its
// items has them stored under their links (normalize gives a guid shared
// by different items up). When the feed later lists one of them alone
// under that guid, the document alone cannot tell the guid is shared: the
// item must still be the stored one (unchanged, or updated in place when
// its text changed), not stored a second time; a new item alone under the
// guid is new under its own link, and the whole list again changes nothing.
// The feeds are parsed by gofeed and keyed by normalize, as a fetch does.
func TestSharedGUIDKeepsIdentity(t *testing.T) {
	const feedURL = "http://127.0.0.1:8411/feed.rss"
	db, _ := openTest(t, section("s", feedURL))
	src := source(feedURL, "s")
	entry := func(n int, text string) string {
		return fmt.Sprintf(`<item><title>Conseil municipal, séance %d</title><link>http://127.0.0.1:8411/seance-%d</link>`+
			`<guid isPermaLink="false">tag:mairie,2026:actualites</guid><pubDate>Mon, 0%d Nov 2026 18:00:00 +0000</pubDate>`+
			`<description>%s</description></item>`, n, n, n, text)
	}
	text := func(n int) string {
		return fmt.Sprintf("Séance %d : le conseil vote le budget du quartier %s et la rénovation de l'école.", n, []string{"", "nord", "sud", "est", "ouest"}[n])
	}
	fetch := func(entries ...string) Outcome {
		t.Helper()
		doc := `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Mairie</title><link>http://127.0.0.1:8411/</link>` +
			`<description>Actualités</description>` + strings.Join(entries, "") + `</channel></rss>`
		f, err := gofeed.NewParser().ParseString(doc)
		if err != nil {
			t.Fatal(err)
		}
		res := normalize.Feed(f, normalize.Options{SourceURL: feedURL, FeedURL: feedURL, Now: t0})
		return save(t, db, src, res.Items...)
	}
	count := func(when string, want int) {
		t.Helper()
		if got := titles(t, db, "s", newsdesk.Page{Limit: 50}); len(got) != want {
			t.Errorf("%s: %d items stored, want %d: %q", when, len(got), want, got)
		}
	}
	if out := fetch(entry(1, text(1)), entry(2, text(2)), entry(3, text(3))); out.New != 3 {
		t.Fatalf("first fetch: %+v, want 3 new", out)
	}
	if out := fetch(entry(2, text(2))); out.New != 0 || out.Unchanged != 1 {
		t.Errorf("the feed shrunk to one stored item: %+v, want it unchanged", out)
	}
	count("shrunk to one item", 3)
	if out := fetch(entry(2, text(2)+" Le vote est reporté.")); out.New != 0 || out.Updated != 1 {
		t.Errorf("the lone item edited: %+v, want it updated in place", out)
	}
	count("the lone item edited", 3)
	if out := fetch(entry(4, text(4))); out.New != 1 {
		t.Errorf("a new item alone under the guid: %+v, want it new", out)
	}
	count("a new item alone", 4)
	if out := fetch(entry(1, text(1)), entry(2, text(2)+" Le vote est reporté."), entry(3, text(3)), entry(4, text(4))); out.New != 0 || out.Updated != 0 {
		t.Errorf("the whole list again: %+v, want nothing new or updated", out)
	}
	count("the whole list again", 4)
}
