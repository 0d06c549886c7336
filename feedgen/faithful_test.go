package feedgen

import (
	"bytes"
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"newsdesk"
)

// lateItems are the date cases of issue 13, as storage hands them over:
// an item dated five days before it appeared in its source (its sort date
// clamped to a day before it was first seen), one dated two hours ahead
// (sort date clamped to first seen), and one without a date.
func lateItems() []newsdesk.Item {
	seen := time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)
	return []newsdesk.Item{
		{ID: 3, Key: "guid:ahead", Title: "Dated two hours ahead", Link: "https://quotidien.test/ahead", SourceTitle: "Le Quotidien",
			Published: seen.Add(2 * time.Hour), FirstSeen: seen, SortAt: seen, ModifiedAt: seen},
		{ID: 2, Key: "guid:undated", Title: "Undated", Link: "https://quotidien.test/undated", SourceTitle: "Le Quotidien",
			FirstSeen: seen, SortAt: seen, ModifiedAt: seen},
		{ID: 1, Key: "guid:late", Title: "Five days late", Link: "https://quotidien.test/late", SourceTitle: "Le Quotidien",
			Published: seen.Add(-5 * 24 * time.Hour), FirstSeen: seen, SortAt: seen.Add(-24 * time.Hour), ModifiedAt: seen},
	}
}

// TestGoldenLateDates: the dates published are the source's own in all
// three formats (golden files late.atom, late.rss, late.json): never the
// clamped sort date.
func TestGoldenLateDates(t *testing.T) {
	sec := &newsdesk.Section{ID: "late", Title: "Late", Language: "en", Limit: 10}
	for _, r := range renderers {
		t.Run(r.ext, func(t *testing.T) {
			got, err := r.render(sec, lateItems(), testOptions(), PageLinks{})
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, "late."+r.ext, got)
			for _, want := range map[string][]string{
				"atom": {"<published>2026-03-15T12:00:00Z</published>", "<published>2026-03-20T14:00:00Z</published>"},
				"rss":  {"<pubDate>Sun, 15 Mar 2026 12:00:00 +0000</pubDate>", "<pubDate>Fri, 20 Mar 2026 14:00:00 +0000</pubDate>"},
				"json": {`"date_published": "2026-03-15T12:00:00Z"`, `"date_published": "2026-03-20T14:00:00Z"`},
			}[r.ext] {
				if !bytes.Contains(got, []byte(want)) {
					t.Errorf("%s lacks %s", r.ext, want)
				}
			}
			if bytes.Contains(got, []byte("2026-03-19T12:00:00Z")) || bytes.Contains(got, []byte("19 Mar 2026")) {
				t.Errorf("%s shows the clamped sort date", r.ext)
			}
		})
	}
}

// TestPagesShowSourceDates: the HTML pages show the source's date too.
func TestPagesShowSourceDates(t *testing.T) {
	sec := newsdesk.Section{ID: "late", Title: "Late", Limit: 10}
	p, err := newPageRenderer(testOptions())
	if err != nil {
		t.Fatal(err)
	}
	body, err := p.page(&sec, lateItems(), pageLinks{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(body, []byte("2026-03-15")) || bytes.Contains(body, []byte("2026-03-19")) {
		t.Errorf("page dates wrong:\n%s", body)
	}
}

// TestOutputLinks: item links, related links, "also reported by" and
// enclosures are written in their cleaned form, each link once, never the
// item's own; control characters never reach an output.
func TestOutputLinks(t *testing.T) {
	it := newsdesk.Item{ID: 1, Title: "Budget n\u0092est pas vot\u00e9\u0081", SourceTitle: "Le Quotidien",
		Link: "HTTP://QUOTIDIEN.test:80/budget?utm_source=rss&id=3", CanonicalLink: "http://quotidien.test/budget?id=3",
		Enclosures: []newsdesk.Enclosure{{URL: "https://CDN.test:443/a.mp3?fbclid=x", Type: "audio/mpeg"}, {URL: "https://cdn.test/a.mp3"}},
		Related: []newsdesk.Related{
			{Title: "Le budget", Link: "http://quotidien.test/budget?id=3", SourceTitle: "Le Quotidien (copie)"},
			{Title: "Budget : le vote", Link: "HTTPS://Matin.test:443/vote?xtor=RSS-1", SourceTitle: "Le Matin"},
			{Title: "Budget : le vote", Link: "https://matin.test/vote", SourceTitle: "Le Matin"},
			{Title: "Dépêche", SourceTitle: "Agence"},
		},
		FirstSeen: time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC), ModifiedAt: time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)}
	sec := &newsdesk.Section{ID: "fr", Title: "Fr", Language: "fr", Limit: 10}
	for _, r := range renderers {
		got, err := r.render(sec, []newsdesk.Item{it}, testOptions(), PageLinks{})
		if err != nil {
			t.Fatal(err)
		}
		s := string(got)
		for _, bad := range []string{"QUOTIDIEN", ":80/", ":443/", "utm_source", "xtor", "fbclid", "Matin.test", "\u0092", "\u0081"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s holds %q", r.ext, bad)
			}
		}
		for _, want := range []string{"http://quotidien.test/budget?id=3", "https://matin.test/vote", "https://cdn.test/a.mp3", "n’est pas voté"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s lacks %q", r.ext, want)
			}
		}
		// Once in "also reported by", and once more as a structured
		// related link in Atom and JSON.
		if n, want := strings.Count(s, "https://matin.test/vote"), map[string]int{"atom": 2, "rss": 1, "json": 2}[r.ext]; n != want {
			t.Errorf("%s lists the related link %d times, want %d", r.ext, n, want)
		}
		if strings.Contains(s, "Le Quotidien (copie)") {
			t.Errorf("%s lists the item's own link as another report", r.ext)
		}
	}
}

// TestEmptyFeedUpdated: an empty feed is dated by the section's last
// change, not 1970.
func TestEmptyFeedUpdated(t *testing.T) {
	changed := time.Date(2026, 3, 18, 9, 30, 0, 0, time.UTC)
	sec := &newsdesk.Section{ID: "vide", Title: "Vide", Limit: 10}
	atom, _ := Atom(sec, nil, testOptions(), PageLinks{Changed: changed})
	if !bytes.Contains(atom, []byte("<updated>2026-03-18T09:30:00Z</updated>")) {
		t.Errorf("atom:\n%s", atom)
	}
	rss, _ := RSS(sec, nil, testOptions(), PageLinks{Changed: changed})
	if !bytes.Contains(rss, []byte("<lastBuildDate>Wed, 18 Mar 2026 09:30:00 +0000</lastBuildDate>")) {
		t.Errorf("rss:\n%s", rss)
	}
	store := &changedStore{fakeStore: pagingStore(func() map[string][]newsdesk.Item { return map[string][]newsdesk.Item{"vide": nil} }), at: changed}
	got, err := emptyChanged(context.Background(), store, "vide", nil)
	if err != nil || !got.Equal(changed) {
		t.Errorf("emptyChanged = %v, %v", got, err)
	}
}

type changedStore struct {
	*fakeStore
	at time.Time
}

func (s *changedStore) SectionChanged(context.Context, string) (time.Time, error) { return s.at, nil }

// TestEmptyFeedDatedOnceKnown: an empty feed rendered before its sources'
// first fetch is not cached with the epoch: once the store knows the date,
// the feed shows it, without a section change.
func TestEmptyFeedDatedOnceKnown(t *testing.T) {
	store := &changedStore{fakeStore: pagingStore(func() map[string][]newsdesk.Item { return map[string][]newsdesk.Item{"vide": nil} })}
	h := NewHandler(store, []newsdesk.Section{{ID: "vide", Title: "Vide", Limit: 10}}, testOptions())
	get := func() string {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/feeds/vide.atom", nil))
		return rec.Body.String()
	}
	if body := get(); !strings.Contains(body, "<updated>1970-01-01T00:00:00Z</updated>") {
		t.Fatalf("before any fetch:\n%s", body)
	}
	store.at = time.Date(2026, 3, 18, 9, 30, 0, 0, time.UTC)
	if body := get(); !strings.Contains(body, "<updated>2026-03-18T09:30:00Z</updated>") {
		t.Fatalf("after the first fetch:\n%s", body)
	}
}
