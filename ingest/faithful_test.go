package ingest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"newsdesk"
	"newsdesk/feedgen"
	"newsdesk/fetcher"
	"newsdesk/storage"
)

// TestLateItemKeepsItsDate: an item dated five days back that appears in
// its source after the first fetch sorts a day back at most, but every
// output shows its own date; an empty section's feed is dated by its
// sources' first fetch, not 1970.
func TestLateItemKeepsItsDate(t *testing.T) {
	first := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	var now atomic.Pointer[time.Time]
	now.Store(&first)
	clock := func() time.Time { return *now.Load() }
	var body atomic.Value
	rss := func(items ...string) string {
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>Q</title><link>http://127.0.0.1/</link><description>d</description>` +
			strings.Join(items, "") + `</channel></rss>`
	}
	item := func(n int, date time.Time) string {
		return fmt.Sprintf(`<item><title>Story %d of %s</title><link>http://127.0.0.1/s/%d</link><guid>g%d</guid><pubDate>%s</pubDate><description>Text %d %s</description></item>`,
			n, []string{"harbour", "orchard", "quarry"}[n], n, n, date.Format(time.RFC1123Z), n, strings.Repeat([]string{"alpha ", "bravo ", "charlie "}[n], n+3))
	}
	body.Store(rss(item(0, first.Add(-time.Hour))))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, body.Load().(string))
	}))
	defer srv.Close()
	db := storage.New(filepath.Join(t.TempDir(), "late.db"))
	db.Now = clock
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sec := newsdesk.Section{ID: "q", Title: "Q", Limit: 50, Sources: []newsdesk.SectionSource{{URL: srv.URL + "/feed"}}}
	empty := newsdesk.Section{ID: "empty", Title: "Empty", Limit: 50, Sources: []newsdesk.SectionSource{{URL: srv.URL + "/empty"}}}
	db.SetSections([]newsdesk.Section{sec, empty})
	f := fetcher.New(fetcher.Options{Now: clock})
	defer f.Close()
	desk := &Desk{Fetcher: f, Store: db, Now: clock}
	src := newsdesk.Source{URL: srv.URL + "/feed", Sections: []string{"q"}}
	if rep := desk.FetchSource(context.Background(), src, true); rep.Err != nil {
		t.Fatal(rep.Err)
	}
	later := first.Add(3 * time.Hour)
	now.Store(&later)
	late := later.Add(-5 * 24 * time.Hour).Truncate(time.Second)
	body.Store(rss(item(1, late), item(0, first.Add(-time.Hour))))
	if rep := desk.FetchSource(context.Background(), src, true); rep.Err != nil {
		t.Fatal(rep.Err)
	}
	items, _, err := db.SectionPage(context.Background(), "q", newsdesk.Page{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	var got *newsdesk.Item
	for i := range items {
		if strings.HasPrefix(items[i].Title, "Story 1") {
			got = &items[i]
		}
	}
	if got == nil {
		t.Fatalf("late item not in the section: %+v", items)
	}
	if !got.Published.Equal(late) || !got.SortAt.After(late) {
		t.Fatalf("published %v sort %v: want published %v and a clamped sort date", got.Published, got.SortAt, late)
	}
	opt := feedgen.Options{BaseURL: "http://127.0.0.1:8080"}
	for name, render := range map[string]func(*newsdesk.Section, []newsdesk.Item, feedgen.Options, feedgen.PageLinks) ([]byte, error){
		"atom": feedgen.Atom, "rss": feedgen.RSS, "json": feedgen.JSON} {
		out, err := render(&sec, items, opt, feedgen.PageLinks{})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"atom": "<published>" + late.Format(time.RFC3339) + "</published>",
			"rss": "<pubDate>" + late.Format("Mon, 02 Jan 2006 15:04:05 -0700") + "</pubDate>", "json": `"date_published": "` + late.Format(time.RFC3339) + `"`}[name]
		if !strings.Contains(string(out), want) {
			t.Errorf("%s lacks %s", name, want)
		}
	}
	// The empty section: its source answers with a feed without items.
	body.Store(rss())
	if rep := desk.FetchSource(context.Background(), newsdesk.Source{URL: srv.URL + "/empty", Sections: []string{"empty"}}, true); rep.Err != nil {
		t.Fatal(rep.Err)
	}
	changed, err := db.SectionChanged(context.Background(), "empty")
	if err != nil || !changed.Equal(later) {
		t.Fatalf("SectionChanged = %v, %v; want %v", changed, err, later)
	}
	atom, _ := feedgen.Atom(&empty, nil, opt, feedgen.PageLinks{Changed: changed})
	if !strings.Contains(string(atom), "<updated>"+later.Format(time.RFC3339)+"</updated>") || strings.Contains(string(atom), "1970") {
		t.Errorf("empty feed:\n%s", atom)
	}
}
