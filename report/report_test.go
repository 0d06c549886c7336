package report

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"newsdesk"
	"newsdesk/storage"
)

func TestReportFromStoredItems(t *testing.T) {
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	db := storage.New(filepath.Join(t.TempDir(), "r.db"))
	db.Now = func() time.Time { return now }
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const a, b, quiet = "https://a.example/feed", "https://b.example/feed", "https://quiet.example/feed"
	sec := newsdesk.Section{ID: "news", Title: "News", Limit: 50, Sources: []newsdesk.SectionSource{
		{URL: a, Title: "Alpha"}, {URL: b}, {URL: quiet, Title: "Quiet"},
	}}
	db.SetSections([]newsdesk.Section{sec})
	mk := func(key, title string) newsdesk.Item {
		link := "https://news.example/" + key
		return newsdesk.Item{Key: "guid:" + key, GUID: key, Title: title, Link: link, CanonicalLink: link,
			Summary: title, ContentHash: key, Published: now}
	}
	var items []newsdesk.Item
	for i := range 6 {
		items = append(items, mk(fmt.Sprint("a", i), fmt.Sprintf("Alpha story number %d about things", i)))
	}
	if _, err := db.SaveFetch(context.Background(), storage.Fetch{Source: newsdesk.Source{URL: a, Sections: []string{"news"}}, Items: items}); err != nil {
		t.Fatal(err)
	}
	dup := mk("b0", "Beta retells it")
	dup.Published = now.Add(time.Minute) // alpha told it first: it represents the story
	dup.CanonicalLink = items[0].CanonicalLink
	own := mk("b1", "Beta has its own scoop today")
	st := newsdesk.SourceState{ConsecutiveErrors: 3, Error: "HTTP 500"}
	if _, err := db.SaveFetch(context.Background(), storage.Fetch{Source: newsdesk.Source{URL: b, Sections: []string{"news"}}, State: st, Items: []newsdesk.Item{dup, own}}); err != nil {
		t.Fatal(err)
	}
	act, err := db.Activity(context.Background(), now.Add(-7*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	rep := Build([]newsdesk.Section{sec}, act, now.Add(time.Hour), 7, 72*time.Hour)
	if len(rep.Sections) != 1 || rep.Sections[0].In != 7 {
		t.Fatalf("sections = %+v", rep.Sections)
	}
	rows := map[string]Row{}
	for _, r := range rep.Sections[0].Sources {
		rows[r.URL] = r
	}
	if got, want := rows[a].Share, 6.0/7; got != want {
		t.Errorf("alpha share = %v, want %v", got, want)
	}
	if got, want := rows[b].DupRate, 0.5; got != want {
		t.Errorf("beta duplicate rate = %v, want %v", got, want)
	}
	if got, want := rows[b].ErrorStreak, 3; got != want {
		t.Errorf("beta error streak = %d, want %d", got, want)
	}
	if got, want := rows[a].PerDay, 6.0/7; got != want {
		t.Errorf("alpha per day = %v, want %v", got, want)
	}
	if rows[a].Stale || !rows[quiet].Stale {
		t.Errorf("stale: alpha %v (want false), quiet %v (want true)", rows[a].Stale, rows[quiet].Stale)
	}

	var text bytes.Buffer
	if err := rep.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"News (news): 7 items", "Alpha", "86%", "STALE"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, text.String())
		}
	}
	var page bytes.Buffer
	if err := rep.WriteHTML(&page, ""); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&page)
	if err != nil {
		t.Fatal(err)
	}
	var cells int
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "tr" {
			cells++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if cells != 4 { // header + three sources
		t.Errorf("HTML report has %d rows, want 4", cells)
	}
}

// TestFeedShareWithinCap: under a 50% source cap, a source that sent most
// of the items takes at most half of the feed page, and the report says
// so beside its share of the items received.
func TestFeedShareWithinCap(t *testing.T) {
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	db := storage.New(filepath.Join(t.TempDir(), "r.db"))
	db.Now = func() time.Time { return now }
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const loud, quiet = "https://loud.example/feed", "https://quiet.example/feed"
	sec := newsdesk.Section{ID: "news", Title: "News", Limit: 8, SourceCap: 0.5, Sources: []newsdesk.SectionSource{{URL: loud}, {URL: quiet}}}
	db.SetSections([]newsdesk.Section{sec})
	words := []string{"harbour", "tramway", "vineyard", "glacier", "library", "orchard", "quarry", "lighthouse", "meadow", "canyon", "bakery", "foundry", "marina"}
	mk := func(key string, i int) newsdesk.Item {
		link := "https://news.example/" + key
		return newsdesk.Item{Key: "guid:" + key, GUID: key, Title: fmt.Sprintf("%s %s %d", words[i%13], words[(i*5+2)%13], i*37), Link: link,
			CanonicalLink: link, ContentHash: key, Published: now.Add(-time.Duration(i) * time.Minute)}
	}
	var l, q []newsdesk.Item
	for i := range 13 {
		if i%4 == 3 {
			q = append(q, mk(fmt.Sprint("q", i), i))
		} else {
			l = append(l, mk(fmt.Sprint("l", i), i))
		}
	}
	for src, items := range map[string][]newsdesk.Item{loud: l, quiet: q} {
		if _, err := db.SaveFetch(context.Background(), storage.Fetch{Source: newsdesk.Source{URL: src, Sections: []string{"news"}}, Items: items}); err != nil {
			t.Fatal(err)
		}
	}
	act, err := db.Activity(context.Background(), now.Add(-7*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	rep := Build([]newsdesk.Section{sec}, act, now, 7, 72*time.Hour)
	page, _, err := db.SectionPage(context.Background(), "news", newsdesk.Page{Limit: 8})
	if err != nil {
		t.Fatal(err)
	}
	rep.SetFeedShares([]newsdesk.Section{sec}, map[string][]newsdesk.Item{"news": page})
	s := rep.Sections[0]
	for _, r := range s.Sources {
		if r.FeedShare > s.SourceCap {
			t.Errorf("%s: feed share %v above the cap %v", r.URL, r.FeedShare, s.SourceCap)
		}
		if r.URL == loud && (r.Share <= 0.5 || r.FeedShare != 0.5) {
			t.Errorf("loud: share of items %v (want > 0.5), on feed %v (want 0.5)", r.Share, r.FeedShare)
		}
	}
	var text bytes.Buffer
	if err := rep.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "source cap 50% of each feed page") || !strings.Contains(text.String(), "ON FEED") {
		t.Errorf("text report:\n%s", text.String())
	}
}

func TestHumanDuration(t *testing.T) {
	for in, want := range map[string]string{
		"72h0m0s": "3 days", "24h0m0s": "1 day", "36h0m0s": "36 h", "1h30m0s": "90 min", "45s": "45s", "bad": "bad",
	} {
		if got := humanDuration(in); got != want {
			t.Errorf("humanDuration(%q) = %q, want %q", in, got, want)
		}
	}
}
